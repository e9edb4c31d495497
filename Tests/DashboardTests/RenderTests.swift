import XCTest
@testable import Dashboard
import SwarmState

/// Rendering edge cases on the sample swarm; the lab's own panes are in LabRenderTests.
final class RenderTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private let now = SampleCluster.refreshedAt

    func testConnectingBeforeTheFirstSnapshot() {
        let state = AppState(endpoint: "unix:///var/run/docker.sock", timeZone: SampleCluster.utc)
        let lines = render(state, width: 80, height: 6, now: now).lines
        XCTAssertEqual(lines, [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "",
            "connecting to unix:///var/run/docker.sock…",
            "",
            "q quit  ? help  Enter open  a active  p pause  d drain  / filter  s sort  …",
            "unix:///var/run/docker.sock",
        ])
    }

    func testTinyTerminalsDoNotCrash() {
        var states = [AppState(endpoint: "tcp://10.0.0.1:2375"), AppState.loaded()]
        for keys in ["?", "2jjj+", "2jjj=", "5jjj", "3G"] {
            var state = AppState.loaded()
            state.type(keys)
            states.append(state)
        }
        for state in states {
            for (w, h) in [(0, 0), (1, 1), (5, 2), (19, 6), (20, 5), (20, 6), (21, 7), (-3, -1), (30, 3), (3, 30)] {
                let buffer = render(state, width: w, height: h, now: now)
                XCTAssertEqual(buffer.cells.count, max(0, w) * max(0, h))
            }
        }
        XCTAssertEqual(render(AppState.loaded(), width: 5, height: 2, now: now).lines, ["termi", "at le"])
        XCTAssertEqual(render(AppState.loaded(), width: 19, height: 30, now: now).lines[1], "at least 20x6")
        XCTAssertEqual(render(AppState.loaded(), width: 19, height: 30, now: now).lines.first, "terminal too small")
        XCTAssertEqual(render(AppState.loaded(), width: 20, height: 6, now: now).lines, [
            " 1 Nodes  2 Services",
            "HOSTNAME  AVAILABIL…",
            "node1 *   Active",
            "node2     Active",
            "q quit  ? help  …",
            "API 1.41  refreshed…",
        ])
    }

    func testWideAndControlCharactersKeepColumnsAligned() {
        let hostile = "\\u001b]0;pwned\\u0007\\u001b[2Jx"
        let snapshot = SampleCluster.snapshot(
            nodes: [
                SampleCluster.node("n1", "결제 서비스", role: "manager", leader: true),
                SampleCluster.node("n2", "支払い🚀", role: "worker", labelsJSON: #"{"note":"결제 서비스 支払い 🚀"}"#),
                SampleCluster.node("n3", hostile, role: "worker", state: "down", labelsJSON: #"{"zone":"\#(hostile)","a":"b"}"#),
            ],
            node2Error: "결제 서비스 🚀: cannot reach 支払い \u{1b}[2J")
        let state = AppState.loaded(snapshot)
        let buffer = render(state, width: 80, height: 8, now: now)
        XCTAssertEqual(buffer.lines, [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "HOSTNAME   AVAILABILITY  STATUS  MANAGER STATUS  VERSION   CPUS  MEMORY    TASKS",
            "\\e]0;pwn…  Active        Down                    20.10.2…  4     22.91GiB  0",
            "支払い🚀   Active        Ready                   20.10.2…  4     22.91GiB  3",
            "결제 서…   Active        Ready   Leader          20.10.2…  4     22.91GiB  4",
            "",
            "q quit  ? help  Enter open  a active  p pause  d drain  / filter  s sort  …",
            "API 1.41  refreshed 11:42:05  node2: 결제 서비스 🚀: cannot reach 支払い \\e[2J;…",
        ])
        // Every row starts AVAILABILITY at the header's column, whatever the widths before it.
        let header = buffer.lines[1]
        let column = DisplayText.width(String(header[..<header.range(of: "AVAILABILITY")!.lowerBound]))
        for y in 2...4 { XCTAssertEqual(buffer[column, y].text, "A", "row \(y)") }
        XCTAssertEqual(render(state, width: 160, height: 8, now: now).lines[1...4], [
            "HOSTNAME              ROLE     AVAILABILITY  STATUS  MANAGER STATUS  VERSION         ENGINE          CPUS  MEMORY    TASKS  LABELS",
            "\\e]0;pwned\\x07\\e[2Jx  worker   Active        Down                    20.10.24+dfsg1  not configured  4     22.91GiB  0      a=b, zone=\\e]0;pwned\\x07\\e[2Jx",
            "支払い🚀              worker   Active        Ready                   20.10.24+dfsg1  not configured  4     22.91GiB  3      note=결제 서비스 支払い 🚀",
            "결제 서비스 *         manager  Active        Ready   Leader          20.10.24+dfsg1  not configured  4     22.91GiB  4",
        ])
        // No control character reaches a cell.
        XCTAssertFalse(buffer.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
    }

    func testWideAndControlCharactersInServicesTasksAndPlacement() {
        let snapshot = SampleCluster.snapshot(
            services: [SampleCluster.service("s-pay", "支払い_결제🚀", stack: "支払い", mode: #"{"Replicated":{"Replicas":2}}"#,
                                             status: (1, 2, 0), image: "pay:1\\u001b[2J")],
            tasks: [
                SampleCluster.task("t-pay1", service: "s-pay", slot: 1, node: "n1"),
                SampleCluster.task("t-pay2", service: "s-pay", slot: 2, node: "n2", state: "rejected",
                                   err: "\\u001b]0;pwned\\u0007 결제 실패 🚀"),
            ])
        var state = AppState.loaded(snapshot)
        state.press(.char("2"))
        XCTAssertEqual(render(state, width: 60, height: 7, now: now).lines[1...3], [
            "NAME             MODE        REPLICAS  IMAGE       PORTS",
            "▾ 支払い  1 service",
            "  支払い_결제🚀  replicated  1/2       pay:1\\e[2J",
        ])
        state.press(.char("3"))
        XCTAssertEqual(render(state, width: 100, height: 7, now: now).lines[1...3], [
            "NAME             NODE   DESIRED STATE  CURRENT STATE           ERROR",
            "支払い_결제🚀.1  node1  Running        Running 5 minutes ago",
            "支払い_결제🚀.2  node2  Running        Rejected 5 minutes ago  \"\\e]0;pwned\\x07 결제 실패 🚀\"",
        ])
        state.press(.char("5"))
        XCTAssertEqual(render(state, width: 30, height: 7, now: now).lines[1...3], [
            "node1          node2",
            "manager ready  worker ready",
            "결제🚀.1       ✗ 결제🚀.2 re…",
        ])
    }

    func testStaleEngineRowsAndErrorsInTheStatusLine() {
        var state = AppState.loaded(SampleCluster.snapshot(node2Error: "cannot reach unix:///run/swarmtop-lab/node2.sock"))
        state.press(.char("4"))
        let buffer = render(state, width: 100, height: 14, now: now)
        // node1's exited scratch container is a quiet row: node2's rows start one line higher.
        XCTAssertEqual(buffer.lines[7], "lab_web.2.t-web2       node2 (stale)  Up 5 minutes  5.24MB (virtual 7.23MB)  12s ago")
        XCTAssertEqual(buffer[0, 7].style, Style(.dim))
        XCTAssertEqual(buffer.lines[13], "API 1.41  refreshed 11:42:05  node2: cannot reach unix:///run/swarmtop-lab/node2.sock")
        XCTAssertEqual(buffer[30, 13].style, Style(.error, on: .statusBar))
        XCTAssertEqual(buffer[0, 13].style, Style(.statusBar))
        // A transient message takes the error's place until it expires.
        _ = reduce(&state, .effectFinished(.stopContainer(hostname: "node2", containerID: "c-web1", name: "lab_web.1.t-web1"), message: "lab_web.1.t-web1 stopped", isError: false))
        XCTAssertEqual(render(state, width: 100, height: 14, now: now).lines[13],
                       "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:42:05  lab_web.1.t-web1 stopped")
    }

    func testSelectedRowIsReverseVideoAcrossTheWidth() {
        var state = AppState.loaded()
        state.press(.char("3"), .char("a"), .down)  // a: the history rows too
        let buffer = render(state, width: 80, height: 24, now: now)
        XCTAssertEqual((0..<80).map { buffer[$0, 3].style }, Array(repeating: Style(.selected), count: 80))
        XCTAssertEqual(buffer[0, 2].style, Style(.taskState(.running)), "running tasks in the running colour")
        XCTAssertEqual(buffer[0, 10].style, Style(.taskState(.failed)), "failed tasks in the failed colour")
        XCTAssertEqual(buffer[0, 11].style, Style(.dim), "history is dim")
    }

    func testPlacementCardsThatDoNotFitEndInMore() {
        var state = AppState.loaded(height: 8)
        state.press(.char("5"))
        XCTAssertEqual(render(state, width: 40, height: 8, now: now).lines, [
            " 1 Nodes  2 Services  3 Tasks  4 Contain",
            "node1               node2",
            "manager ready       worker ready",
            "agent.node1         agent.node2",
            "viz.1               web.2",
            "+2 more             +2 more",
            "q quit  ? help  ← prev node  …",
            "API 1.41  refreshed 11:42:05",
        ])
        state.press(.char("G"))
        XCTAssertEqual(render(state, width: 40, height: 8, now: now).lines[3...5], [
            "+3 above            agent.node2",
            "web.4               web.2",
            "                    +2 more",
        ])
        XCTAssertEqual(state.selection.id, .task("t-web4"))
    }

    func testServiceColoursAreStableAcrossProcesses() {
        XCTAssertEqual(Style.service(named: "lab_web"), Style(.service(2_802_856_153_265_620_565)))
        XCTAssertEqual(Theme.default.attributes(for: .service(named: "lab_web")).foreground, .ansi(4))
        XCTAssertEqual(Theme.default.attributes(for: .service(named: "lab_agent")).foreground, .ansi(14))
        var state = AppState.loaded()
        state.press(.char("5"))
        let buffer = render(state, width: 80, height: 24, now: now)
        let colours = Style.services(["lab_web", "lab_agent", "lab_viz", "migrate"])
        XCTAssertEqual(buffer[32, 4].style, colours["lab_web"], "web.2 on node2")
        XCTAssertEqual(colours["lab_web"], Style(.service(2_802_856_153_265_620_565 % 11)), "its hash slot: nothing older holds it")
    }

    func testHelpCutByASmallScreenSaysSo() {
        var state = AppState.loaded(width: 40, height: 10)
        state.press(.char("?"))
        let small = render(state, width: 40, height: 10, now: now).lines
        XCTAssertTrue(small.last { $0.contains("└") }?.contains("cut: enlarge to see all") ?? false, small.joined(separator: "\n"))
        let whole = render(state, width: 160, height: 45, now: now).lines
        XCTAssertTrue(whole.contains { $0.contains("? or Esc closes") }, whole.joined(separator: "\n"))
    }

    func testHelpListsEveryBindingOfThePane() {
        for pane in Pane.allCases {
            var state = AppState.loaded()
            state.press(.char(pane.digit), .char("?"))
            let text = render(state, width: 160, height: 45, now: now).lines.joined(separator: "\n")
            XCTAssertTrue(text.contains("Keys: \(pane.title)"))
            for binding in Keymap.standard.bindings {
                let shown = text.contains(binding.description + (binding.dangerous ? " (confirm)" : ""))
                XCTAssertEqual(shown, binding.applies(in: pane, inDialog: false), "\(binding.description) in \(pane)")
                if shown { XCTAssertTrue(text.contains(binding.label), binding.label) }
            }
            XCTAssertFalse(text.contains("log view:"), "the log view's keys are its own help's")
        }
        var state = AppState.loaded()
        state.type("2jl?")
        XCTAssertNotNil(state.logs)
        let inLogs = render(state, width: 160, height: 45, now: now).lines.joined(separator: "\n")
        XCTAssertTrue(inLogs.contains("Keys: log view"))
        for binding in Keymap.standard.bindings where binding.scope == .logs || [.moveDown, .pageUp, .moveBottom, .quit].contains(binding.command) {
            XCTAssertTrue(inLogs.contains(binding.description), binding.description)
        }
        XCTAssertFalse(inLogs.contains("scale up"), "no action on the swarm from the log view")
        XCTAssertFalse(inLogs.contains("│ q          quit"), "q closes the log view there")
        var readOnly = AppState.loaded(readOnly: true)
        readOnly.press(.char("2"), .char("?"))
        XCTAssertTrue(render(readOnly, width: 160, height: 45, now: now).lines.contains { $0.contains("scale up by one (off: read-only)") })
    }

    func testReadOnlyModeShowsInTheStatusLineAndHidesActionHints() {
        var state = AppState.loaded(readOnly: true)
        state.press(.char("2"))
        let lines = render(state, width: 100, height: 10, now: now).lines
        XCTAssertEqual(lines[8], "q quit  ? help  Enter open  l logs  / filter  s sort  : command")
        XCTAssertEqual(lines[9], "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:42:05  read-only")
    }

    func testScopeShowsInTheTabBar() {
        var state = AppState.loaded()
        state.press(.char("2"), .enter, .down, .down, .enter)
        // lab_web.5's old failed task is a quiet row: the tab bar says so after the scope.
        XCTAssertEqual(render(state, width: 80, height: 24, now: now).lines[0],
                       " 1  2  3 Tasks  4  5  6  7   tasks of lab_web  1 ended hidden · a shows all")
        XCTAssertEqual(render(state, width: 110, height: 24, now: now).lines[0],
                       "swarmtop  1  2  3 Tasks  4  5  6  7   tasks of lab_web  1 ended hidden · a shows all")
        XCTAssertEqual(render(state, width: 150, height: 24, now: now).lines[0],
                       "swarmtop  1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events   tasks of lab_web  1 ended hidden · a shows all")
        XCTAssertTrue(render(state, width: 80, height: 24, now: now).lines[22].contains("Esc back"))
    }

    func testEmptyScopedPaneSaysSo() {
        var state = AppState.loaded()
        state.press(.char("1"), .down, .enter)
        _ = reduce(&state, .snapshot(SampleCluster.snapshot(tasks: [])))
        XCTAssertEqual(render(state, width: 80, height: 24, now: now).lines[2], "no tasks on node2")
    }
}
