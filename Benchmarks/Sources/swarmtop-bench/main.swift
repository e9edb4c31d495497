import Dashboard
import Foundation
import SwarmState

// swarmtop's benchmarks (issue 3, targets in README's Performance section):
//   (a) decode and index a snapshot of 10,000 tasks, 1,000 services, 200 nodes (and 10,000
//       containers on 200 node engines): the engines' JSON to every pane's rows; target < 300 ms.
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

// (a) JSON -> ClusterSnapshot -> AppState with every pane's rows.
var indexed = AppState(endpoint: "unix:///bench.sock", timeZone: TimeZone(identifier: "UTC")!, width: 240, height: 70)
let decodeTimes = try measure(runs: runs) { _ = try swarm.decode(at: now) }
allOK = report("(a1) decode the engines' answers", decodeTimes, target: 300) && allOK
let snapshot = try swarm.decode(at: now)
let indexTimes = measure(runs: runs) {
    var state = AppState(endpoint: "unix:///bench.sock", timeZone: TimeZone(identifier: "UTC")!, width: 240, height: 70)
    _ = reduce(&state, .snapshot(snapshot))
    indexed = state
}
allOK = report("(a2) index it (every pane's rows)", indexTimes, target: 300) && allOK
let both = zip(decodeTimes, indexTimes).map { $0 + $1 }.sorted()
allOK = report("(a) decode + index", both, target: 300) && allOK

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
