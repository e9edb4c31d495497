import Foundation
import LabFixtures
import XCTest

/// Recording the lab while the dashboard runs, then replaying it: at the moments a screen was
/// seen live, the replay shows the same screen.
final class RecordReplayEndToEndTests: XCTestCase {
    /// The rows both runs draw alike: all but the hint row (a replay adds its keys) and the
    /// status row (the endpoint live, the timeline in a replay), and the refresh time of the status row.
    private func comparable(_ screen: String) -> [String] {
        var rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while rows.last?.isEmpty == true { rows.removeLast() }  // capture-pane ends with a newline
        let status = rows.last ?? ""
        let refreshed = status.range(of: #"refreshed \d\d:\d\d:\d\d( \(stale\))?"#, options: .regularExpression).map { String(status[$0]) } ?? "none"
        return Array(rows.dropLast(2)) + [refreshed]
    }

    /// A screen that stays the same for 2 s, and a moment in the middle of that time.
    private func steadyScreen(_ t: Tmux, _ what: String, _ condition: (String) -> Bool) throws -> (at: Date, screen: String) {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let first = try t.waitFor(what, condition)
            let before = Date()
            Thread.sleep(forTimeInterval: 2)
            let second = try t.screen()
            if comparable(first) == comparable(second) { return (before.addingTimeInterval(1), second) }
        }
        XCTFail("the screen never stayed the same for 2 s: \(what)")
        throw CancellationError()
    }

    func testTheReplayShowsTheScreensSeenLiveAtTheSameMoments() throws {
        let service = "hrec-e2e-\(UUID().uuidString.prefix(6).lowercased())"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(service).swarmrec.gz").path
        try E2E.docker(["service", "create", "--detach", "--name", service, "--replicas", "1", "swarmtop-lab/busybox:1",
                        "sh", "-c", "while true; do sleep 3600; done"])
        defer {
            _ = try? E2E.docker(["service", "rm", service])
            try? FileManager.default.removeItem(atPath: file)
        }
        let environment = try E2E.labEnvironment()
        let live = try Tmux("'\(E2E.binary)' --record '\(file)' --pane services; echo \"exit=$?\"; sleep 120", environment: environment)
        var seen: [(at: Date, screen: String)] = []
        for replicas in [1, 3, 2] {
            if replicas != 1 { try E2E.docker(["service", "scale", "--detach", "\(service)=\(replicas)"]) }
            seen.append(try steadyScreen(live, "\(service) at \(replicas)/\(replicas)") { screen in
                screen.split(separator: "\n").contains { $0.contains(service) && $0.contains("\(replicas)/\(replicas)") }
            })
        }
        try live.send("q")
        try live.waitFor("exit=0")

        let header = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try shell("gzip -dc '\(file)' | head -1").utf8)) as? [String: Any])
        let start = try XCTUnwrap(try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(header["start"] as? String ?? ""))
        let replay = try Tmux("'\(E2E.binary)' replay '\(file)' --pane services; echo \"exit=$?\"; sleep 120",
                              environment: environment.filter { $0.key == "LANG" || $0.key == "TERM" })
        try replay.waitFor("replay ")
        try replay.send("Space")
        try replay.waitFor("paused")
        // Forward through the moments, then back (each seek back rebuilds from the start).
        for (at, screen) in seen + seen.reversed().dropFirst() {
            let position = String(format: "%.3f", at.timeIntervalSince(start))
            try replay.send(":", "seek \(position)", "Enter")
            do {
                try replay.waitFor("the screen seen live \(position) s in") { self.comparable($0) == self.comparable(screen) }
            } catch {
                XCTFail("seen live:\n\(screen)")
                throw error
            }
        }
        try replay.send("q")
        try replay.waitFor("exit=0")
    }

    /// The output of a shell command line.
    private func shell(_ line: String) throws -> String {
        try ChildProcess.run("/bin/sh", ["-c", line]).out
    }
}
