import Foundation
import SwarmState

/// The story `scripts/capture-timeline-fixtures` told on the lab with the docker CLI (stack
/// `htl` deployed, scaled, crashing, node2 drained and back, an update rolled back, the stack
/// removed, node2's engine killed and back): the manager's answers after each step and the
/// events both engines sent meanwhile (Fixtures/v1.41/timeline).
extension LabFixtures {
    /// The steps, in order.
    public static let timelineSteps = ["00-before", "01-deployed", "02-scaled", "03-crashed", "04-drained",
                                       "05-active", "06-rolledback", "07-removed", "08-node-down", "09-node-up"]

    /// The raw bytes of a file of the story, e.g. `02-scaled-tasks.json`.
    public static func timelineData(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/\(apiVersion)/timeline") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(apiVersion)/timeline/\(name)"])
        }
        return try Data(contentsOf: url)
    }

    /// When each step's answers were taken (`steps.txt`).
    public static func timelineStepTimes() throws -> [String: Date] {
        let text = String(decoding: try timelineData("steps.txt"), as: UTF8.self)
        var times: [String: Date] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let seconds = Double(parts[1]) { times[String(parts[0])] = Date(timeIntervalSince1970: seconds) }
        }
        return times
    }

    /// The manager's `/nodes`, `/services?status=true` and `/tasks` after `step` as observations
    /// at the step's time, the round ended (`refreshedAt` is that time).
    public static func timelineAnswers(_ step: String) throws -> [EngineObservation] {
        let at = try timelineStepTimes()[step] ?? Date(timeIntervalSince1970: 0)
        return try [(EnginePath.nodes, "nodes"), (EnginePath.services, "services"), (EnginePath.tasks, "tasks")].map { path, name in
            EngineObservation(.manager, .answer(path: path, body: try timelineData("\(step)-\(name).json"), took: nil), at: at)
        } + [EngineObservation(.manager, .apiVersion("1.41"), at: at), EngineObservation(.manager, .roundEnd, at: at)]
    }

    /// The snapshot of the manager's answers after `step` alone (`timelineAnswers`, through
    /// `SnapshotAssembler`; its timeline is left empty).
    public static func timelineSnapshot(_ step: String) throws -> ClusterSnapshot {
        var assembler = SnapshotAssembler(endpoint: "unix:///run/swarmtop-lab/node1.sock")
        for observation in try timelineAnswers(step) { assembler.apply(observation) }
        var snapshot = assembler.snapshot
        snapshot.timeline = []
        return snapshot
    }

    /// The events of the story as observations: the manager's (`events-manager.txt`) and
    /// node2's engine's (`events-node2.txt`), by the events' own time, each observed at it.
    public static func timelineEvents() throws -> [EngineObservation] {
        func lines(_ name: String, _ engine: EngineObservation.Engine) throws -> [EngineObservation] {
            try timelineData(name).split(separator: UInt8(ascii: "\n")).map { line in
                let event = try DockerJSON.decode(DockerEvent.self, from: Data(line), path: name)
                let at = Date(timeIntervalSince1970: Double(event.timeNano ?? 0) / 1e9)
                return EngineObservation(engine, .event(Data(line)), at: at)
            }
        }
        let all = try lines("events-manager.txt", .manager) + lines("events-node2.txt", .node(hostname: "node2"))
        return all.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }
}
