import Foundation
import XCTest

/// The mouse and resizing, on the real binary in tmux against the lab. tmux cannot make a
/// mouse event of its own (`send-keys -M` replays a real one), so the tests type the bytes a
/// terminal sends for one: xterm's SGR form `ESC [ < button ; x ; y M` (press) / `m` (release)
/// under `TERM=xterm-256color`, whose terminfo asks for it, and the older X10 form
/// `ESC [ M b x y` under `TERM=tmux-256color`, whose terminfo asks for that one. curses decodes
/// either only while mouse reporting is on.
final class MouseEndToEndTests: XCTestCase {
    /// swarmtop with `TERM` set to `term` (tmux gives its panes its own `default-terminal`
    /// whatever the session's environment says), then how it ended, then a shell that keeps the pane open.
    private func wrapped(term: String) -> String { "TERM=\(term) '\(E2E.binary)'; echo \"exit=$?\"; sleep 120" }

    private func start(term: String = "xterm-256color", width: Int = 160, height: Int = 45) throws -> Tmux {
        let t = try Tmux(wrapped(term: term), width: width, height: height, environment: try E2E.labEnvironment())
        try t.waitFor("Leader")
        return t
    }

    func testClicksOnATabAndARowAndTheWheel() throws {
        let t = try start(height: 10)  // 6 table rows
        try t.click(on: "Services")
        try t.waitFor("the services pane") { $0.contains("REPLICAS") && $0.contains("lab_web") }
        // A click on lab_web's row selects it: Enter then opens its tasks.
        try t.click(on: "lab_web ")
        try t.send("Enter")
        try t.waitFor("tasks of lab_web")
        try t.click(on: "Tasks")
        // Only the lab's tasks: those of services other tests removed a moment ago may linger.
        try t.send("/", "^lab_", "Enter", "g")
        let top = try t.waitFor("every lab task from the top") { !$0.contains("tasks of") && $0.contains("lab_agent.node1") }
        XCTAssertTrue(top.contains("DESIRED STATE"), top)
        // Three notches down move the selection nine rows: the first rows scroll away.
        for _ in 0..<3 { try t.wheel(down: true, x: 10, y: 4) }
        try t.waitFor("the first task scrolled out of view") { !$0.contains("lab_agent.node1") && $0.contains("CURRENT STATE") }
        for _ in 0..<3 { try t.wheel(down: false, x: 10, y: 4) }
        try t.waitFor("lab_agent.node1")
        try t.send("q")
        try t.waitFor("exit=0")
    }

    func testAClickInTheX10FormUnderTmuxsOwnTerminalType() throws {
        let t = try start(term: "tmux-256color")
        let (x, y) = try t.position(of: "Placement")
        // X10: button (0 press, 3 release) and 1-based coordinates as single bytes, each plus 32.
        let cell = String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + y)))
        try t.type("\u{1b}[M \(cell)\u{1b}[M#\(cell)")
        try t.waitFor("the placement grid") { $0.contains("manager ready") && $0.contains("worker ready") }
        try t.send("q")
        try t.waitFor("exit=0")
    }

    func testAResizeRendersAtOnceAndAWideTerminalShowsPlacementBesideTheTable() throws {
        let t = try start(width: 120, height: 30)
        try t.send("3")
        let narrow = try t.waitFor("the tasks pane") { $0.contains("CURRENT STATE") }
        XCTAssertFalse(narrow.contains("│"), narrow)
        try t.resize(width: 240, height: 50)
        let wide = try t.waitFor("the grid beside the tasks", timeout: 5) {
            $0.contains("CURRENT STATE") && $0.contains("│") && $0.contains("manager ready") && $0.contains("worker ready")
        }
        // The table on the left, the grid on the right of the rule, on the same rows.
        let header = wide.split(separator: "\n", omittingEmptySubsequences: false)[1]
        XCTAssertTrue(header.contains("NAME") && header.contains("│") && header.contains("node1"), String(header))
        // A click on a card beside the table selects its task in the table.
        try t.click(on: "viz.1", after: "│")
        try t.send("x")
        try t.waitFor("Stop container lab_viz.1.")
        try t.send("n")
        try t.resize(width: 100, height: 30)
        try t.waitFor("the grid gone", timeout: 5) { $0.contains("CURRENT STATE") && !$0.contains("│") }
        try t.resize(width: 20, height: 6)
        // The tabs shrink to their digits while the tab bar counts hidden quiet rows (the lab's history).
        try t.waitFor("20x6", timeout: 5) { $0.contains(" 1 Nodes  2 Services") || $0.contains(" 1  2  3 Tasks  4") }
        try t.resize(width: 19, height: 6)
        try t.waitFor("terminal too small", timeout: 5)
        try t.send("q")
        try t.waitFor("exit=0")
    }

    /// Mouse reporting is on while swarmtop runs (tmux's pane flags say what the program asked
    /// for) and off again after `q`, SIGTERM, a crash (SIGSEGV) and SIGQUIT (Swift's backtracer
    /// took that one over, in the alternate screen).
    func testMouseReportingIsOffAgainOnEveryExit() throws {
        for (ending, signal) in [("q", 0), ("SIGTERM", SIGTERM), ("SIGSEGV", SIGSEGV), ("SIGQUIT", SIGQUIT)] {
            let t = try start()
            XCTAssertEqual(try t.mouseFlags(), "standard=1 sgr=1", ending)
            switch ending {
            case "q": try t.send("q")
            default:
                let pid = try t.swarmtopPID()
                guard pid > 1 else { return XCTFail("no swarmtop process under the pane") }
                kill(pid, signal)
            }
            try t.waitFor("exit=")
            XCTAssertEqual(try t.mouseFlags(), "standard=0 sgr=0", ending)
        }
    }
}

extension Tmux {
    /// Types `text` as it is, escape characters included (`send-keys -l`).
    func type(_ text: String) throws {
        try Self.tmux(["send-keys", "-t", session, "-l", text])
    }

    /// The 0-based column and row of the first `text` on screen (right of `after` on its line,
    /// when given). The lines searched hold one-column characters only.
    func position(of text: String, after: String = "") throws -> (x: Int, y: Int) {
        let lines = try screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (y, line) in lines.enumerated() {
            let start = after.isEmpty ? line.startIndex : line.range(of: after)?.upperBound
            if let start, let found = line.range(of: text, range: start..<line.endIndex) {
                return (line.distance(from: line.startIndex, to: found.lowerBound), y)
            }
        }
        XCTFail("\(text) is not on screen:\n\(lines.joined(separator: "\n"))")
        throw CancellationError()
    }

    /// A click of button 1 on the first `text` on screen (right of `after`), in xterm's SGR
    /// form (1-based coordinates).
    func click(on text: String, after: String = "") throws {
        let (x, y) = try position(of: text, after: after)
        try type("\u{1b}[<0;\(x + 1);\(y + 1)M\u{1b}[<0;\(x + 1);\(y + 1)m")
    }

    /// A wheel notch at (`x`, `y`), 0-based, in xterm's SGR form: button 64 up, 65 down.
    func wheel(down: Bool, x: Int, y: Int) throws {
        try type("\u{1b}[<\(down ? 65 : 64);\(x + 1);\(y + 1)M")
    }

    /// Resizes the session's window, as a person resizing the terminal.
    func resize(width: Int, height: Int) throws {
        try Self.tmux(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// The mouse modes the program in the pane has turned on, e.g. `standard=1 sgr=1`.
    func mouseFlags() throws -> String {
        try Self.tmux(["display-message", "-p", "-t", session, "standard=#{mouse_standard_flag} sgr=#{mouse_sgr_flag}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
