import Foundation
import XCTest

/// The binary's non-interactive side: `snapshot`, `--print-config`, theme and config errors.
final class CommandLineEndToEndTests: XCTestCase {
    /// Runs the binary with `args` and `environment` (nothing inherited but PATH); returns status, stdout, stderr.
    func run(_ args: [String], environment: [String: String]) throws -> (status: Int32, out: String, err: String) {
        try E2E.run(args, environment: environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]) { a, _ in a })
    }

    /// A fresh `XDG_CONFIG_HOME` holding `config` as swarmtop/config.toml (and any other files).
    private func configHome(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swarmtop-e2e-\(UUID().uuidString)")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.path
    }

    func testSnapshotJSONHasTheDocumentedKeys() throws {
        let result = try run(["snapshot", "--format", "json"], environment: try E2E.labEnvironment())
        XCTAssertEqual(result.status, 0, result.err)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["endpoint", "api_version", "taken_at", "nodes", "services", "tasks", "containers", "errors", "disk"])
        // The disk view: per node `docker system df` with the storage driver, the swarm's totals, the largest writable layers.
        let disk = try XCTUnwrap(object["disk"] as? [String: Any])
        XCTAssertEqual(Set(disk.keys), ["nodes", "swarm", "top_containers"])
        let diskNodes = try XCTUnwrap(disk["nodes"] as? [[String: Any]])
        XCTAssertEqual(diskNodes.compactMap { $0["node"] as? String }, ["node1", "node2"])
        for node in diskNodes {
            XCTAssertEqual(Set(node.keys), ["backing_filesystem", "data_root", "driver", "error", "node", "types"], "\(node)")
            XCTAssertEqual(node["driver"] as? String, "overlay2")
        }
        let top = try XCTUnwrap(disk["top_containers"] as? [[String: Any]])
        XCTAssertFalse(top.isEmpty)
        XCTAssertEqual(Set(top[0].keys), ["growth_bytes_per_minute", "id", "image", "name", "node", "recent_sizes", "service", "size_rw", "stack"])
        let keys: [String: Set<String>] = [
            "nodes": ["id", "hostname", "role", "availability", "state", "manager_status", "engine_version", "cpus",
                      "memory_bytes", "running_tasks", "engine", "engine_origin"],
            "services": ["id", "name", "stack", "mode", "running_tasks", "desired_tasks", "image", "ports"],
            "tasks": ["id", "name", "service", "slot", "node", "desired_state", "state", "state_since", "error", "container_id"],
            "containers": ["id", "name", "node", "image", "state", "status", "service", "task_id", "size_rw", "size_root_fs"],
        ]
        for (list, expected) in keys {
            let rows = try XCTUnwrap(object[list] as? [[String: Any]], list)
            XCTAssertFalse(rows.isEmpty, list)
            for row in rows { XCTAssertEqual(Set(row.keys), expected, "\(list): \(row)") }
        }
        let nodes = try XCTUnwrap(object["nodes"] as? [[String: Any]])
        XCTAssertEqual(nodes.compactMap { $0["hostname"] as? String }, ["node1", "node2"])
        let services = try XCTUnwrap(object["services"] as? [[String: Any]])
        XCTAssertTrue(services.contains { $0["name"] as? String == "lab_web" && $0["ports"] as? String == "*:8080->80/tcp" })
        let containers = try XCTUnwrap(object["containers"] as? [[String: Any]])
        XCTAssertEqual(Set(containers.compactMap { $0["node"] as? String }), ["node1", "node2"], "both node engines asked")
        // The scribbler writes its first MiB the moment it starts (then 1 MiB every 20 s, up to 6).
        // Engines restarted by earlier tests leave exited ones beside the two running.
        let scribblers = containers.filter { $0["service"] as? String == "lab_scribbler" && $0["state"] as? String == "running" }
        XCTAssertFalse(scribblers.isEmpty, "\(containers)")
        for scribbler in scribblers {
            XCTAssertGreaterThanOrEqual(scribbler["size_rw"] as? Int ?? 0, 1_048_576, "the scribbler's writable layer: \(scribbler)")
            XCTAssertGreaterThan(scribbler["size_root_fs"] as? Int ?? 0, scribbler["size_rw"] as? Int ?? 0, "virtual size holds the image")
        }
        XCTAssertEqual((object["errors"] as? [Any])?.count, 0)
    }

    func testSnapshotTableLooksLikeTheDockerCLI() throws {
        let result = try run(["snapshot"], environment: try E2E.labEnvironment())
        XCTAssertEqual(result.status, 0, result.err)
        let blocks = result.out.components(separatedBy: "\n\n")
        // docker node ls, service ls, service ps, ps -s; then the disk view: storage drivers, system df, top writable layers.
        XCTAssertEqual(blocks.count, 7, result.out)
        XCTAssertTrue(blocks[0].hasPrefix("HOSTNAME"), blocks[0])
        XCTAssertTrue(blocks[1].contains("lab_web") && blocks[1].contains("5/5"), blocks[1])
        XCTAssertTrue(blocks[2].contains("lab_web.1"), blocks[2])
        XCTAssertNotNil(blocks[3].range(of: #"B \(virtual [0-9.]+[kMG]?B\)"#, options: .regularExpression), blocks[3])
        XCTAssertTrue(blocks[4].hasPrefix("node1: overlay2 on "), blocks[4])
        XCTAssertTrue(blocks[5].hasPrefix("NODE") && blocks[5].contains("RECLAIMABLE") && blocks[5].contains("Images"), blocks[5])
        XCTAssertTrue(blocks[6].hasPrefix("NODE") && blocks[6].contains("GROWTH") && blocks[6].contains("lab_scribbler"), blocks[6])
    }

    func testSnapshotOfAnEngineThatIsNotThereFails() throws {
        let result = try run(["snapshot", "--host", "unix:///nonexistent.sock", "--timeout", "1"], environment: [:])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.out.contains("error: manager"), result.out)
    }

    func testSnapshotTableEscapesTheEnginesErrorText() throws {
        let host = "unix:///nonexistent/\u{1B}[31mred\u{202E}\u{200B}.sock"
        let result = try run(["snapshot", "--host", host, "--timeout", "1"], environment: [:])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.out.contains("error: manager (unix:///nonexistent/\\e[31mred‹U+202E›‹U+200B›.sock)"), result.out)
        XCTAssertFalse(result.out.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{200B}" }, result.out)
        let json = try run(["snapshot", "--format", "json", "--host", host, "--timeout", "1"], environment: [:])
        XCTAssertEqual(json.status, 1)
        XCTAssertTrue(json.out.contains(#"unix:///nonexistent/\u001b[31mred\u202e\u200b.sock"#), json.out)
    }

    func testSecondsThatAreNotNumbersOrTooLargeExitWithAUsageError() throws {
        let home = try configHome([:])
        let cases: [([String], String)] = [
            (["--timeout", "nan"], "the timeout must be between 0.001 and 86400 seconds, not nan (from flag --timeout)"),
            (["--timeout", "inf"], "the timeout must be between 0.001 and 86400 seconds, not inf (from flag --timeout)"),
            (["--timeout", "1e300"], "the timeout must be between 0.001 and 86400 seconds, not 1e+300 (from flag --timeout)"),
            (["--interval", "1e300"], "the interval must be between 0.2 and 86400 seconds, not 1e+300 (from flag --interval)"),
            (["--size-interval", "inf"], "the size interval must be between 1 and 86400 seconds, not inf (from flag --size-interval)"),
            (["--print-config", "--resync-interval", "nan"], "the resync interval must be between 5 and 86400 seconds, not nan"),
            (["snapshot", "--timeout", "nan"], "the timeout must be between 0.001 and 86400 seconds, not nan (from flag --timeout)"),
        ]
        for (args, message) in cases {
            let result = try run(args, environment: ["XDG_CONFIG_HOME": home])
            XCTAssertEqual(result.status, 64, "\(args): \(result.err)")
            XCTAssertTrue(result.err.contains(message), "\(args): \(result.err)")
        }
        let file = try configHome(["swarmtop/config.toml": "[refresh]\ninterval = inf\n"])
        let fromFile = try run(["--print-config"], environment: ["XDG_CONFIG_HOME": file])
        XCTAssertEqual(fromFile.status, 64, fromFile.err)
        XCTAssertTrue(fromFile.err.contains("config.toml:2: interval must be between 0.2 and 86400 seconds, not inf"), fromFile.err)
    }

    func testASettingsErrorEscapesTheValueItQuotes() throws {
        let home = try configHome([:])
        for args in [["snapshot", "--host", "\u{1B}[2Jx\u{202E}"], ["--print-config", "--theme", "\u{1B}[2Jx\u{202E}"]] {
            let result = try run(args, environment: ["XDG_CONFIG_HOME": home])
            XCTAssertEqual(result.status, 64, result.err)
            XCTAssertTrue(result.err.contains("\\e[2Jx‹U+202E›"), result.err)
            XCTAssertFalse(result.err.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, result.err)
            XCTAssertFalse(result.out.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, result.out)
        }
    }

    func testAnEmptyNodeHostIsRefusedAfterPrintConfigShowsIt() throws {
        let result = try run(["--print-config", "--node-host", ""], environment: ["XDG_CONFIG_HOME": try configHome([:])])
        XCTAssertEqual(result.status, 64, result.err)
        XCTAssertTrue(result.out.contains("\"\" = \"\""), "the settings are printed first:\n\(result.out)")
        XCTAssertTrue(result.err.contains("node host \"\" is not HOSTNAME=URL (e.g. node2=tcp://10.0.0.2:2375) (from flag --node-host)"), result.err)
    }

    func testHelpPointsAtTheDashboardsOptions() throws {
        let help = try run(["--help"], environment: [:])
        XCTAssertEqual(help.status, 0, help.err)
        XCTAssertTrue(help.out.contains("USAGE: swarmtop [dashboard] [--context NAME | --host URL]"), help.out)
        XCTAssertTrue(help.out.contains("`swarmtop help dashboard`"), help.out)
        let dashboard = try run(["help", "dashboard"], environment: [:])
        XCTAssertTrue(dashboard.out.contains("--node-host") && dashboard.out.contains("--read-only"), dashboard.out)
    }

    /// Each duration option's help gives its default, as `Configuration.defaults` has it.
    func testHelpGivesTheDefaultsTheDashboardUses() throws {
        let dashboard = try run(["help", "dashboard"], environment: [:]).out.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        for (option, value) in [("--interval", "20"), ("--fast-interval", "0.5"), ("--size-interval", "30"),
                                ("--resync-interval", "120"), ("--timeout", "5")] {
            let help = dashboard.components(separatedBy: option + " <seconds>").dropFirst().first ?? ""
            XCTAssertTrue(help.prefix(200).contains("(default \(value))"), "\(option): \(help.prefix(200))")
        }
    }

    func testPrintConfigShowsWhereEachValueCameFrom() throws {
        let home = try configHome(["swarmtop/config.toml": "theme = \"light\"\npane = \"tasks\"\n[refresh]\ninterval = 4\nsize_interval = 30\n"])
        let result = try run(["--print-config", "--size-interval", "20"],
                             environment: ["XDG_CONFIG_HOME": home, "SWARMTOP_THEME": "dark"])
        XCTAssertEqual(result.status, 0, result.err)
        let lines = result.out.split(separator: "\n").map { $0.replacingOccurrences(of: #" +"#, with: " ", options: .regularExpression) }
        let file = "config file \(home)/swarmtop/config.toml"
        for expected in ["theme = \"dark\" # environment SWARMTOP_THEME", "pane = \"tasks\" # \(file)",
                         "interval = 4 # \(file)", "size_interval = 20 # flag --size-interval", "timeout = 5 # default"] {
            XCTAssertTrue(lines.contains(expected), "missing \(expected):\n\(result.out)")
        }
    }

    func testKeysOfTheConfigFileDriveTheDashboard() throws {
        let home = try configHome(["swarmtop/config.toml": "[keys]\nscale_up = \"K\"\nquit = [\"Q\", \"Ctrl-Q\"]\n"])
        let printed = try run(["--print-config"], environment: ["XDG_CONFIG_HOME": home])
        XCTAssertTrue(printed.out.contains("scale_up = [\"K\"]"), printed.out)
        let t = try Tmux("'\(E2E.binary)' --pane services; echo \"exit=$?\"; sleep 60", width: 120, height: 30,
                         environment: try E2E.labEnvironment().merging(["XDG_CONFIG_HOME": home]) { _, new in new })
        try t.waitFor("the overridden keys in the hint line") { $0.contains("Q/Ctrl-Q quit") && $0.contains("K scale up") }
        try t.send("q")
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertFalse(try t.screen().contains("exit="), "q no longer quits")
        try t.send("C-q")
        try t.waitFor("exit=0")
        let clash = try configHome(["swarmtop/config.toml": "pane = \"tasks\"\n[keys]\nscale_up = \"j\"\n"])
        let refused = try run(["--print-config"], environment: ["XDG_CONFIG_HOME": clash])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.err.contains("\(clash)/swarmtop/config.toml:3: j would mean both down and scale_up in the Services pane"), refused.err)
    }

    /// `--pane tasks` opens the tasks pane even when `[keys]` gives its digit to another pane.
    func testTheStartingPaneIsThePaneNamedNotItsDigit() throws {
        let home = try configHome(["swarmtop/config.toml": "[keys]\ntasks_pane = \"4\"\ncontainers_pane = \"3\"\n"])
        let t = try Tmux("'\(E2E.binary)' --pane tasks; sleep 60", width: 120, height: 30,
                         environment: try E2E.labEnvironment().merging(["XDG_CONFIG_HOME": home]) { _, new in new })
        try t.waitFor("the tasks pane (its DESIRED STATE column)") { $0.contains("DESIRED STATE") && $0.contains("lab_web.1") }
    }

    func testABadConfigFileIsRefusedWithFileLineAndReason() throws {
        let home = try configHome(["swarmtop/config.toml": "theme = \"dark\"\n\n[refresh]\nintervall = 3\n"])
        let result = try run(["--print-config"], environment: ["XDG_CONFIG_HOME": home])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.err.contains("\(home)/swarmtop/config.toml:4: unknown key \"intervall\" in [refresh]"), result.err)
    }

    func testABadThemeFileIsRefusedWithFileLineAndReason() throws {
        let home = try configHome(["swarmtop/themes/mine.toml": "[normal]\nfg = \"#12345g\"\n"])
        let result = try run(["--theme", "mine"], environment: ["XDG_CONFIG_HOME": home])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.err.contains("\(home)/swarmtop/themes/mine.toml:2: bad colour"), result.err)
    }

    func testABadEndpointOrThemeSaysWhereItWasSetAndPrintConfigChecksToo() throws {
        let home = try configHome(["swarmtop/config.toml": "host = \"\"\n"])
        let file = "(from config file \(home)/swarmtop/config.toml)"
        let host = try run(["snapshot"], environment: ["XDG_CONFIG_HOME": home])
        XCTAssertEqual(host.status, 64)
        XCTAssertTrue(host.err.contains("invalid endpoint \"\": expected unix://, tcp://, http://, https:// or ssh:// \(file)"), host.err)
        let printed = try run(["--print-config", "--node-host", "bad"], environment: ["XDG_CONFIG_HOME": try configHome([:])])
        XCTAssertTrue(printed.out.contains("[node_hosts]"), "the settings are printed first:\n\(printed.out)")
        XCTAssertEqual(printed.status, 64, printed.err)
        let theme = try run(["--print-config"], environment: ["XDG_CONFIG_HOME": try configHome([:]), "SWARMTOP_THEME": "nord"])
        XCTAssertEqual(theme.status, 64)
        XCTAssertTrue(theme.err.contains("(from environment SWARMTOP_THEME)"), theme.err)
    }

    func testAMissingThemeListsTheAvailableOnes() throws {
        let result = try run(["--theme", "nord"], environment: ["XDG_CONFIG_HOME": try configHome([:])])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.err.contains("no theme \"nord\"; available: dark, default, high-contrast, light, mono, solarized-dark"), result.err)
    }

    /// The screen with its colour escapes, as `tmux capture-pane -e` gives it.
    private func colouredScreen(theme: String, environment: [String: String]) throws -> String {
        let t = try Tmux("'\(E2E.binary)' --theme \(theme) --pane services; sleep 60", width: 100, height: 30,
                         environment: try E2E.labEnvironment().merging(environment) { _, new in new })
        try t.waitFor("the services pane") { $0.contains("lab_web") && $0.contains("5/5") }
        defer { try? t.send("q") }
        return try Tmux.tmux(["capture-pane", "-p", "-e", "-t", t.session])
    }

    func testHexColoursAreQuantisedToThe256ColourPalette() throws {
        // Empty counts as unset (no-color.org); it overrides a NO_COLOR of the test runner's own.
        let screen = try colouredScreen(theme: "dark", environment: ["NO_COLOR": ""])
        XCTAssertTrue(screen.contains("48;5;234"), "dark's #1c1c1c background is 256-colour grey 234:\n\(screen)")
        XCTAssertTrue(screen.contains("38;5;252"), "dark's #d0d0d0 text is 256-colour grey 252")
    }

    func testNoColorMeansNoColour() throws {
        let screen = try colouredScreen(theme: "dark", environment: ["NO_COLOR": "1"])
        XCTAssertNil(screen.range(of: #"\u{1b}\[[0-9;]*(3[0-9]|4[0-9]|9[0-7])[;m]"#, options: .regularExpression),
                     "a colour escape despite NO_COLOR:\n\(screen)")
        XCTAssertTrue(screen.contains("\u{1b}[7m") || screen.contains(";7m"), "the selection is still reverse video")
    }

    func testEveryThemeOpensTheDashboard() throws {
        for theme in ["dark", "light", "solarized-dark", "high-contrast", "mono"] {
            let t = try Tmux("'\(E2E.binary)' --theme \(theme) --pane services; sleep 60", width: 100, height: 30,
                             environment: try E2E.labEnvironment())
            try t.waitFor("\(theme): the services pane") { $0.contains("lab_web") && $0.contains("5/5") }
            try t.send("q")
        }
    }
}
