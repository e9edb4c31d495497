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
}
