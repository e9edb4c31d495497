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

    /// The manager's `/nodes`, `/services?status=true` and `/tasks` after `step`, as a snapshot
    /// refreshed at the step's time.
    public static func timelineSnapshot(_ step: String) throws -> ClusterSnapshot {
        let at = try timelineStepTimes()[step]
        func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
            try DockerJSON.decode(type, from: timelineData("\(step)-\(name).json"), path: name)
        }
        return ClusterSnapshot(endpoint: "unix:///run/swarmtop-lab/node1.sock", apiVersion: "1.41",
                               nodes: try decode([Node].self, "nodes"), services: try decode([Service].self, "services"),
                               tasks: try decode([SwarmTask].self, "tasks"), refreshedAt: at)
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
