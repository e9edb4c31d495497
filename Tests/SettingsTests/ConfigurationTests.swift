import Dashboard
@testable import Settings
import XCTest

/// The config file, the environment and the flags, and which one wins.
final class ConfigurationTests: XCTestCase {
    private let path = "/home/u/.config/swarmtop/config.toml"

    func testTheFileIsUnderXDGConfigHomeElseHome() {
        XCTAssertEqual(ConfigFile.path(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]), "/x/swarmtop/config.toml")
        XCTAssertEqual(ConfigFile.path(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]), "/h/.config/swarmtop/config.toml")
    }

    func testEveryKeyOfTheFile() throws {
        let layer = try ConfigFile.parse("""
            theme = "dark"
            pane = "Placement"
            read_only = true
            host = "tcp://manager:2375"
            timeout = 3
            [refresh]
            interval = 4
            fast_interval = 0.25
            size_interval = 30
            resync_interval = 60
            [node_hosts]
            node2 = "tcp://10.0.0.2:2375"
            node1 = "unix:///var/run/docker.sock"
            [keys]
            scale_up = "K"
            down = ["j", "Down", "Ctrl-N"]
            """, path: path)
        XCTAssertEqual(layer, ConfigLayer(theme: "dark", pane: .placement, readOnly: true, host: "tcp://manager:2375",
                                          nodeHosts: ["node1=unix:///var/run/docker.sock", "node2=tcp://10.0.0.2:2375"],
                                          interval: 4, fastInterval: 0.25, sizeInterval: 30, resyncInterval: 60, timeout: 3,
                                          keys: ["scale_up": ["K"], "down": ["j", "Down", "Ctrl-N"]]))
    }

    func testBadFilesAreRefusedWithFileLineAndReason() {
        let cases: [(String, Int, String)] = [
            ("theme = \"dark\"\nthme = \"x\"\n", 2, "unknown key \"thme\""),
            ("[refresh]\ninterval = 1\npoll = 2\n", 3, "unknown key \"poll\" in [refresh]"),
            ("pane = \"pods\"\n", 1, "pane \"pods\" is not one of nodes, services"),
            ("[refresh]\ninterval = \"fast\"\n", 2, "interval must be a positive number of seconds"),
            ("[keys]\nquit = \"Q\"\nscale_upp = \"K\"\n", 3, "no key binding is called scale_upp; they are: quit, quit_anywhere, help"),
            ("[keys]\nscale_up = \"Ctrl-\"\n", 2, "\"Ctrl-\" for scale_up is not a key: use one character, Ctrl-X"),
            ("[keys]\nhelp = \"h\"\nscale_up = \"j\"\n", 3, "j would mean both down and scale_up in the Services pane"),
            ("[keys]\nfilter = []\n", 2, "filter needs at least one key"),
            ("[keys]\nfilter = 3\n", 2, "filter must be a key or a list of keys"),
            ("read_only = 1\n", 1, "read_only must be true or false"),
            ("\n[node_hosts]\nnode1 = 5\n", 3, "node1 must be a string"),
            ("theme = \n", 1, ""),
        ]
        for (text, line, reason) in cases {
            XCTAssertThrowsError(try ConfigFile.parse(text, path: path), text) { error in
                let e = error as? SettingsFileError
                XCTAssertEqual(e?.line, line, text)
                XCTAssertEqual(e?.path, path)
                XCTAssertTrue(e?.description.hasPrefix("\(path):\(line): \(reason)") ?? false, "\(error)")
            }
        }
    }

    func testNoFileAtAllIsFine() throws {
        XCTAssertNil(try ConfigFile.load(path: "/nonexistent/config.toml"))
    }

    func testDefaultsWhenNothingIsSet() {
        let config = Configuration.resolve(flags: ConfigLayer(), environment: [:], file: nil, filePath: path)
        XCTAssertEqual(config.theme, .init(value: "default", source: .defaultValue))
        XCTAssertEqual(config.pane.value, .nodes)
        XCTAssertEqual(config.readOnly.value, false)
        XCTAssertEqual(config.host, .init(value: nil, source: .defaultValue))
        XCTAssertEqual(config.nodeHosts.value, [])
        XCTAssertEqual([config.interval.value, config.fastInterval.value, config.sizeInterval.value,
                        config.resyncInterval.value, config.timeout.value], [20, 0.5, 30, 120, 5])
    }

    func testFlagsWinOverEnvironmentWhichWinsOverTheFile() {
        let file = ConfigLayer(theme: "light", pane: .tasks, readOnly: true, host: "tcp://file:2375",
                               nodeHosts: ["n=tcp://file:2375"], interval: 4, timeout: 9)
        let env = ["SWARMTOP_THEME": "dark", "DOCKER_HOST": "tcp://env:2375", "SWARMTOP_NODE_HOSTS": "a=tcp://a:1, b=tcp://b:2"]
        let flags = ConfigLayer(theme: "mono", readOnly: false, interval: 2)
        let config = Configuration.resolve(flags: flags, environment: env, file: file, filePath: path)
        XCTAssertEqual(config.theme, .init(value: "mono", source: .flag("--theme")))
        XCTAssertEqual(config.readOnly, .init(value: false, source: .flag("--read-only")))
        XCTAssertEqual(config.interval, .init(value: 2, source: .flag("--interval")))
        XCTAssertEqual(config.host, .init(value: "tcp://env:2375", source: .environment("DOCKER_HOST")))
        XCTAssertEqual(config.nodeHosts, .init(value: ["a=tcp://a:1", "b=tcp://b:2"], source: .environment("SWARMTOP_NODE_HOSTS")))
        XCTAssertEqual(config.pane, .init(value: .tasks, source: .file(path)))
        XCTAssertEqual(config.timeout, .init(value: 9, source: .file(path)))
        XCTAssertEqual(config.sizeInterval, .init(value: 30, source: .defaultValue))

        let withoutFlags = Configuration.resolve(flags: ConfigLayer(), environment: env, file: file, filePath: path)
        XCTAssertEqual(withoutFlags.theme, .init(value: "dark", source: .environment("SWARMTOP_THEME")))
        let fileOnly = Configuration.resolve(flags: ConfigLayer(), environment: ["SWARMTOP_THEME": ""], file: file, filePath: path)
        XCTAssertEqual(fileOnly.theme, .init(value: "light", source: .file(path)), "an empty variable counts as unset")
        XCTAssertEqual(fileOnly.host, .init(value: "tcp://file:2375", source: .file(path)))
    }

    /// `--context`, `DOCKER_CONTEXT` and the file's `context`, each with its source; printed and parsed back.
    func testTheContextComesFromFlagEnvironmentOrFile() throws {
        XCTAssertEqual(try ConfigFile.parse("context = \"prod\"\n", path: path), ConfigLayer(context: "prod"))
        let file = ConfigLayer(context: "from-file")
        XCTAssertEqual(Configuration.resolve(flags: ConfigLayer(), environment: [:], file: file, filePath: path).context,
                       .init(value: "from-file", source: .file(path)))
        let env = Configuration.resolve(flags: ConfigLayer(), environment: ["DOCKER_CONTEXT": "staging"], file: file, filePath: path)
        XCTAssertEqual(env.context, .init(value: "staging", source: .environment("DOCKER_CONTEXT")))
        let flag = Configuration.resolve(flags: ConfigLayer(context: "prod"), environment: ["DOCKER_CONTEXT": "staging"], file: file, filePath: path)
        XCTAssertEqual(flag.context, .init(value: "prod", source: .flag("--context")))
        XCTAssertEqual(try ConfigFile.parse(flag.printed, path: "printed").context, "prod")
    }

    func testPrintedShowsEachValueWithItsSource() {
        let config = Configuration.resolve(flags: ConfigLayer(theme: "dark"), environment: ["SWARMTOP_NODE_HOSTS": "n1=unix:///a.sock"],
                                           file: ConfigLayer(interval: 4), filePath: path)
        let lines = config.printed.split(separator: "\n").map { $0.replacingOccurrences(of: #" +"#, with: " ", options: .regularExpression) }
        XCTAssertTrue(lines.contains("theme = \"dark\" # flag --theme"), "\(lines)")
        XCTAssertTrue(lines.contains("interval = 4 # config file \(path)"), "\(lines)")
        XCTAssertTrue(lines.contains("fast_interval = 0.5 # default"), "\(lines)")
        XCTAssertTrue(lines.contains("\"n1\" = \"unix:///a.sock\" # environment SWARMTOP_NODE_HOSTS"), "\(lines)")
        XCTAssertTrue(lines.contains("[refresh]"), "\(lines)")
    }

    func testThePrintedConfigParsesBackToTheSameValues() throws {
        let config = Configuration.resolve(flags: ConfigLayer(theme: "dark", pane: .containers, host: "tcp://m:2375",
                                                              nodeHosts: ["n1=unix:///a.sock"], fastInterval: 0.25),
                                           environment: [:], file: ConfigLayer(keys: ["undo": ["U", "Ctrl-Z"]]), filePath: path)
        XCTAssertTrue(config.printed.replacingOccurrences(of: #" +"#, with: " ", options: .regularExpression)
            .contains("undo = [\"U\", \"Ctrl-Z\"] # config file \(path)"), config.printed)
        let layer = try ConfigFile.parse(config.printed, path: "printed")
        XCTAssertEqual(layer, ConfigLayer(theme: "dark", pane: .containers, readOnly: false, host: "tcp://m:2375",
                                          nodeHosts: ["n1=unix:///a.sock"], interval: 20, fastInterval: 0.25,
                                          sizeInterval: 30, resyncInterval: 120, timeout: 5, keys: ["undo": ["U", "Ctrl-Z"]]))
    }

    func testSecondsThatAreNotNumbersOrOutOfRangeAreRefusedWithWhereTheyCameFrom() {
        let cases: [(ConfigLayer, String)] = [
            (ConfigLayer(timeout: .nan), "the timeout must be between 0.001 and 86400 seconds, not nan (from flag --timeout)"),
            (ConfigLayer(timeout: .infinity), "the timeout must be between 0.001 and 86400 seconds, not inf (from flag --timeout)"),
            (ConfigLayer(interval: 1e300), "the interval must be between 0.2 and 86400 seconds, not 1e+300 (from flag --interval)"),
            (ConfigLayer(fastInterval: -1), "the fast interval must be between 0.1 and 86400 seconds, not -1 (from flag --fast-interval)"),
            (ConfigLayer(sizeInterval: 86_401), "the size interval must be between 1 and 86400 seconds, not 86401 (from flag --size-interval)"),
            (ConfigLayer(resyncInterval: 1), "the resync interval must be between 5 and 86400 seconds, not 1 (from flag --resync-interval)"),
        ]
        for (flags, message) in cases {
            let config = Configuration.resolve(flags: flags, environment: [:], file: nil, filePath: path)
            XCTAssertThrowsError(try config.validate(), message) { XCTAssertEqual("\($0)", message) }
        }
        let file = Configuration.resolve(flags: ConfigLayer(), environment: [:], file: ConfigLayer(interval: .infinity), filePath: path)
        XCTAssertThrowsError(try file.validate()) {
            XCTAssertEqual("\($0)", "the interval must be between 0.2 and 86400 seconds, not inf (from config file \(path))")
        }
        XCTAssertNoThrow(try Configuration.resolve(flags: ConfigLayer(interval: 86_400, timeout: 0.001), environment: [:],
                                                   file: nil, filePath: path).validate())
    }

    func testTheFileRefusesSecondsOutOfRangeAtTheirLine() {
        let cases: [(String, Int, String)] = [
            ("timeout = inf\n", 1, "timeout must be between 0.001 and 86400 seconds, not inf"),
            ("timeout = nan\n", 1, "timeout must be between 0.001 and 86400 seconds, not nan"),
            ("[refresh]\ninterval = 1e300\n", 2, "interval must be between 0.2 and 86400 seconds, not 1e+300"),
            ("[refresh]\nresync_interval = 9223372036854775807\n", 2, "resync_interval must be between 5 and 86400 seconds, not 9.223372036854776e+18"),
            ("[refresh]\nfast_interval = 0\n", 2, "fast_interval must be between 0.1 and 86400 seconds, not 0"),
        ]
        for (text, line, reason) in cases {
            XCTAssertThrowsError(try ConfigFile.parse(text, path: path), text) {
                XCTAssertEqual($0 as? SettingsFileError, SettingsFileError(path: path, line: line, reason: reason), text)
            }
        }
    }

    func testANodeHostWithoutHostnameIsRefusedFromEveryPlace() {
        let cases: [(ConfigLayer, [String: String], ConfigLayer?, String)] = [
            (ConfigLayer(nodeHosts: [""]), [:], nil, "flag --node-host"),
            (ConfigLayer(nodeHosts: ["=tcp://n:2375"]), [:], nil, "flag --node-host"),
            (ConfigLayer(), ["SWARMTOP_NODE_HOSTS": "n1=tcp://a:1,=tcp://b:2"], nil, "environment SWARMTOP_NODE_HOSTS"),
            (ConfigLayer(), [:], ConfigLayer(nodeHosts: ["=tcp://n:2375"]), "config file \(path)"),
        ]
        for (flags, env, file, source) in cases {
            let config = Configuration.resolve(flags: flags, environment: env, file: file, filePath: path)
            XCTAssertThrowsError(try config.validate(), source) {
                XCTAssertTrue("\($0)".hasSuffix("is not HOSTNAME=URL (e.g. node2=tcp://10.0.0.2:2375) (from \(source))"), "\($0)")
            }
        }
    }

    func testPrintingNeverTrapsOnAValueThatValidationRefuses() {
        let config = Configuration.resolve(flags: ConfigLayer(nodeHosts: ["", "=x"], interval: 1e300, fastInterval: .nan, timeout: .infinity),
                                           environment: [:], file: nil, filePath: path)
        let lines = config.printed.split(separator: "\n").map { $0.replacingOccurrences(of: #" +"#, with: " ", options: .regularExpression) }
        XCTAssertTrue(lines.contains("interval = 1e+300 # flag --interval"), "\(lines)")
        XCTAssertTrue(lines.contains("fast_interval = nan # flag --fast-interval"), "\(lines)")
        XCTAssertTrue(lines.contains("timeout = inf # flag --timeout"), "\(lines)")
        XCTAssertTrue(lines.contains("\"\" = \"\" # flag --node-host"), "\(lines)")
        XCTAssertTrue(lines.contains("\"\" = \"x\" # flag --node-host"), "\(lines)")
    }

    func testPrintedEscapesControlsAndInvisibleCharactersAndParsesBack() throws {
        let theme = "d\u{1B}[2J\u{9B}\u{202E}\u{200B}\u{E0041}é\"\\"
        let config = Configuration.resolve(flags: ConfigLayer(theme: theme), environment: [:], file: nil, filePath: path)
        XCTAssertTrue(config.printed.contains(#"theme = "d\u001B[2J\u009B\u202E\u200B\U000E0041é\"\\""#), config.printed)
        XCTAssertEqual(try ConfigFile.parse(config.printed, path: "printed").theme, theme)
    }
}
