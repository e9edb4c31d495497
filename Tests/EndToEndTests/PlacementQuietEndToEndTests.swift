import Foundation
import XCTest

/// Issue 14 items 3 and 6 in the real binary, in tmux against the lab: a service no node can
/// take shows its task in the Placement pane's `pending` column; the Tasks pane hides the tasks
/// that ended long ago until `a`.
final class PlacementQuietEndToEndTests: XCTestCase {
    private func start() throws -> Tmux {
        try Tmux("'\(E2E.binary)'; echo \"exit=$?\"; sleep 120", environment: try E2E.labEnvironment())
    }

    /// The screen's rows that hold `text`.
    private func rows(_ screen: String, containing text: String) -> [String] {
        screen.split(separator: "\n").map(String.init).filter { $0.contains(text) }
    }

    func testAServiceNoNodeCanTakeShowsInThePendingColumn() throws {
        let service = "hgrid_gpu\(UUID().uuidString.prefix(4).lowercased())"
        try E2E.docker(["service", "create", "--detach", "--name", service, "--constraint", "node.labels.gpu == true",
                        "swarmtop-lab/busybox:1", "sleep", "3600"])
        defer { _ = try? E2E.docker(["service", "rm", service]) }
        try E2E.eventually(30, "\(service)'s task pending") {
            try E2E.docker(["service", "ps", service, "--format", "{{.CurrentState}}"]).hasPrefix("Pending")
        }
        let t = try start()
        try t.waitFor("Leader")
        try t.send("5")
        let grid = try t.waitFor("the pending column with \(service)'s card") { $0.contains("◌ \(service).1 pending") }
        // The pending column comes first, before node1 and node2, its header on the same line.
        let header = try XCTUnwrap(rows(grid, containing: "pending").first { $0.contains("node1") }, grid)
        XCTAssertTrue(header.hasPrefix("pending"), grid)
        XCTAssertLessThan(header.range(of: "pending")!.lowerBound, header.range(of: "node1")!.lowerBound, grid)
        XCTAssertTrue(grid.contains("task, no node") || grid.contains("tasks, no node"), grid)
        // `l` on the selected pending card opens its task's log view; Esc comes back to the grid.
        try t.send("l")
        try t.waitFor("task \(service).1")
        try t.send("Escape")
        try t.waitFor("the grid again") { $0.contains("◌ \(service).1 pending") && !$0.contains("task \(service).1") }
        try E2E.docker(["service", "rm", service])
        try t.waitFor("the pending column gone with the service") { !$0.contains(service) && $0.contains("node1") }
        try t.send("q")
        try t.waitFor("exit=0")
    }

    func testTheTasksPaneHidesShutDownTasksUntilA() throws {
        // A forced update replaces both scribbler tasks: their old tasks are shut down (it keeps 2 replicas).
        try E2E.docker(["service", "update", "--force", "--detach=false", "lab_scribbler"])
        XCTAssertGreaterThanOrEqual(try E2E.docker(["service", "ps", "lab_scribbler", "--filter", "desired-state=shutdown",
                                                    "--format", "{{.ID}}"]).split(separator: "\n").count, 2)
        let t = try start()
        try t.waitFor("Leader")
        try t.send("3", "/", "lab_scribbler", "Enter")
        let quiet = try t.waitFor("the scribbler's tasks, the ended ones hidden") {
            $0.contains("ended hidden · a shows all") && $0.contains("lab_scribbler.1") && $0.contains("lab_scribbler.2")
        }
        XCTAssertEqual(rows(quiet, containing: "lab_scribbler.").count, 2, quiet)
        XCTAssertTrue(rows(quiet, containing: "lab_scribbler.").allSatisfy { $0.contains("Running") }, quiet)
        try t.send("a")
        let all = try t.waitFor("the shut-down tasks shown") { $0.contains("ended shown · a hides them") }
        let history = rows(all, containing: "lab_scribbler.").filter { $0.contains("Shutdown") }
        XCTAssertGreaterThanOrEqual(history.count, 2, all)
        try t.send("a")
        try t.waitFor("hidden again") { $0.contains("ended hidden · a shows all") && !$0.contains("Shutdown") }
        try t.send("Escape", "q")
        try t.waitFor("exit=0")
    }
}
