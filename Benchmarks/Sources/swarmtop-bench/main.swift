import Dashboard
import Foundation
import SwarmState

// swarmtop's benchmarks (issue 3, targets in README's Performance section):
//   (a) decode and index a snapshot of 10,000 tasks, 1,000 services, 200 nodes (and 10,000
//       containers on 200 node engines): the engines' JSON to the rows on screen (the nodes
//       pane; a pane's rows are built when it is first shown, timed apart); target < 300 ms.
//   (b) render a 240x70 frame of each pane from it; target < 2 ms per frame.
// Usage: swarmtop-bench [--fixtures DIR] [--runs N]

/// Times `body` `runs` times after one warm-up run; returns the sorted durations in ms.
func measure(runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
    try body()
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return times.sorted()
}

func report(_ name: String, _ times: [Double], target: Double) -> Bool {
    let median = times[times.count / 2]
    let ok = median < target
    print(String(format: "%-44@ median %8.3f ms  min %8.3f  max %8.3f  (n=%d)  target < %g ms  %@",
                 name as NSString, median, times.first!, times.last!, times.count, target, ok ? "ok" : "MISSED"))
    return ok
}

var arguments = CommandLine.arguments.dropFirst()
var fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tests/LabFixtures/Fixtures/v1.41")
var runs = 10
while let arg = arguments.popFirst() {
    switch arg {
    case "--fixtures": fixtures = URL(fileURLWithPath: arguments.popFirst() ?? ".")
    case "--runs": runs = Int(arguments.popFirst() ?? "") ?? runs
    default: FileHandle.standardError.write(Data("usage: swarmtop-bench [--fixtures DIR] [--runs N]\n".utf8)); exit(2)
    }
}

let swarm = try BigSwarm(fixtures: fixtures)
let now = Date(timeIntervalSince1970: 1_795_952_100)
print("snapshot: \(swarm.counts.nodes) nodes, \(swarm.counts.services) services, \(swarm.counts.tasks) tasks, "
      + "\(swarm.counts.containers) containers; \(swarm.bytes / 1_000_000) MB of JSON (replicated from \(fixtures.path))")
var allOK = true

// (a) JSON -> ClusterSnapshot -> AppState with every pane's rows. The issue's snapshot is the
// manager's answers (nodes, services, tasks); the node engines' container lists are timed apart.
var indexed = AppState(endpoint: "unix:///bench.sock", timeZone: .utc, width: 240, height: 70)
let nodeTimes = try measure(runs: runs) { _ = try DockerJSON.decode([Node].self, from: swarm.nodes, path: "/nodes") }
_ = report("(a1) decode /nodes (\(swarm.nodes.count / 1000) kB)", nodeTimes, target: 300)
let serviceTimes = try measure(runs: runs) { _ = try DockerJSON.decode([Service].self, from: swarm.services, path: "/services") }
_ = report("(a1) decode /services (\(swarm.services.count / 1000) kB)", serviceTimes, target: 300)
let taskTimes = try measure(runs: runs) { _ = try DockerJSON.decode([SwarmTask].self, from: swarm.tasks, path: "/tasks") }
_ = report("(a1) decode /tasks (\(swarm.tasks.count / 1000) kB)", taskTimes, target: 300)
let containerTimes = try measure(runs: runs) { _ = try swarm.decodeContainers(at: now) }
_ = report("(a1) decode 200 /containers/json (\(swarm.containerBytes / 1000) kB)", containerTimes, target: 300)
let snapshot = try swarm.decode(at: now)
let indexTimes = measure(runs: runs) {
    var state = AppState(endpoint: "unix:///bench.sock", timeZone: .utc, width: 240, height: 70)
    _ = reduce(&state, .snapshot(snapshot))
    indexed = state
}
_ = report("(a2) index it (the nodes pane's rows, placement)", indexTimes, target: 300)
for pane in [Pane.services, .tasks, .containers] {
    let times = measure(runs: runs) {
        var state = indexed
        _ = reduce(&state, .key(.char(pane.digit)))
    }
    _ = report("(a3) first view of \(pane.title) (its rows built)", times, target: 300)
}
let manager = (0..<runs).map { nodeTimes[$0] + serviceTimes[$0] + taskTimes[$0] + indexTimes[$0] }.sorted()
allOK = report("(a) decode + index nodes, services, tasks", manager, target: 300) && allOK
let everything = (0..<runs).map { manager[$0] + containerTimes[$0] }.sorted()
_ = report("(a+) the same with 10,000 containers", everything, target: 300)

// (b) One 240x70 frame per pane.
for pane in Pane.allCases {
    var state = indexed
    _ = reduce(&state, .key(.char(pane.digit)))
    var lines = 0
    let times = measure(runs: max(runs * 5, 20)) { lines = render(state, width: 240, height: 70, now: now).height }
    allOK = report("(b) render \(pane.title) 240x70", times, target: 2) && allOK
    precondition(lines == 70)
}
print(allOK ? "all targets met" : "some targets missed")
