import Foundation
import LabFixtures
import XCTest

/// The real swarmtop binary running in a detached tmux session on a private tmux server
/// (`tmux -L swarmtop-e2e`), driven with `send-keys` and read with `capture-pane`, as a person would.
final class Tmux {
    let session: String
    private static let socket = "swarmtop-e2e"

    /// Starts `command` (run by `sh -c`) in a new `width`x`height` session with `environment` added.
    init(_ command: String, width: Int = 160, height: Int = 45, environment: [String: String] = [:]) throws {
        session = "e2e-\(UUID().uuidString.prefix(8))"
        var args = ["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height)]
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(k)=\(v)"] }
        args += ["sh", "-c", command]
        // A server still exiting after the previous test's last session refuses the first try.
        for attempt in 1...3 {
            do {
                try Self.tmux(args)
                break
            } catch where attempt < 3 {
                Thread.sleep(forTimeInterval: 0.3)
            }
        }
        // Keep the pane after the command exits, so its last words can be read.
        try Self.tmux(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? Self.tmux(["kill-session", "-t", session])
    }

    /// Types keys as tmux names them (`q`, `Enter`, `Escape`, `Tab`, `C-c`, `+`).
    func send(_ keys: String...) throws {
        for k in keys { try Self.tmux(["send-keys", "-t", session, k]) }
    }

    /// The visible screen, one string with a line per row.
    func screen() throws -> String {
        try Self.tmux(["capture-pane", "-p", "-t", session])
    }

    /// The visible screen with its colours and attributes as escape sequences (`capture-pane -e`).
    func styledScreen() throws -> String {
        try Self.tmux(["capture-pane", "-p", "-e", "-t", session])
    }

    /// The process id of the program in the pane.
    func pid() throws -> Int32 {
        Int32(try Self.tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Waits until the screen satisfies `condition` (polling every 100 ms) and has been drawn
    /// whole, then returns it. A capture can fall in the middle of a redraw (the header's new text
    /// drawn, the rows below not yet), so a screen is returned once a capture 50 ms later is the
    /// same, or no longer satisfies `condition` (a state that lasts a moment); one that satisfies
    /// it but never holds still (a stream of log lines) is returned at the deadline.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 30, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        var satisfied: String?
        while Date() < deadline {
            last = try screen()
            guard condition(last) else {
                Thread.sleep(forTimeInterval: 0.1)
                continue
            }
            satisfied = last
            Thread.sleep(forTimeInterval: 0.05)
            let again = try screen()
            if again == last || !condition(again) { return last }
        }
        if let satisfied { return satisfied }
        // Blank rows at the end are left out, so that a log's last lines show the screen's text.
        let rows = last.split(separator: "\n", omittingEmptySubsequences: false)
        let end = rows.lastIndex { !$0.allSatisfy(\.isWhitespace) }.map { $0 + 1 } ?? 0
        let shown = rows[..<end].joined(separator: "\n")
        // What runs in the pane tells a hang (swarmtop still there) from an exit.
        let processes = (try? ChildProcess.output("ps", ["-o", "pid,stat,etime,args", "--ppid", String(pid())])) ?? "(ps failed)"
        XCTFail("screen never showed \(what) within \(timeout) s; last screen (\(rows.count) rows, blank ones at its end left out):\n\(shown)\n"
                + "(end of the screen that never showed \(what)); the pane's processes:\n\(processes)")
        throw CancellationError()
    }

    /// Waits until `text` is on screen.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 30) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Runs a tmux client command (`ChildProcess`: a server forked by `new-session` keeps the
    /// client's descriptors, so its output is read from files, not pipes).
    /// - Throws: when tmux exits non-zero or takes over 30 s.
    @discardableResult
    static func tmux(_ args: [String]) throws -> String {
        try ChildProcess.output("tmux", ["-L", socket] + args, timeout: 30)
    }
}
