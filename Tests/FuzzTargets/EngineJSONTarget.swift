import Dashboard
import DockerAPI
import Foundation
import LabFixtures
import SwarmState

/// Engine answers through the decoder (`DockerJSON`, simdjson), the snapshot, the reducer and
/// one frame of every pane.
///
/// Input: one byte that says which answer the rest is (`Body`, modulo its count), then the body.
/// A body that decodes replaces its part of the lab snapshot (`LabFixtures.snapshot()`); one that
/// does not must fail with an error, never a trap.
enum EngineJSONTarget {
    /// The answers swarmtop decodes, by the endpoint that sends them.
    enum Body: UInt8, CaseIterable {
        /// `/info`, `/nodes`, `/services`, `/tasks`, `/containers/json`.
        case info, nodes, services, tasks, containers
        /// `/networks`, `/secrets`, `/configs` (a stack's objects).
        case stackObjects
        /// One line of `/events`.
        case event
        /// An error body (`{"message": ...}`).
        case errorMessage
        /// `/services/{id}` for an edit (scale, labels), through `ServiceSpecEditor`.
        case serviceSpec
    }

    /// The lab snapshot the decoded parts replace, built once.
    static let lab: ClusterSnapshot = {
        do { return try LabFixtures.snapshot() } catch { fatalError("lab fixtures: \(error)") }
    }()

    static func run(_ input: [UInt8]) {
        guard let first = input.first else { return }
        let body = Body.allCases[Int(first) % Body.allCases.count]
        let data = Data(input.dropFirst())
        var snapshot = lab
        do {
            switch body {
            case .info: snapshot.info = try decode(SystemInfo.self, data)
            case .nodes: snapshot.nodes = try decode([Node].self, data)
            case .services: snapshot.services = try decode([Service].self, data)
            case .tasks: snapshot.tasks = try decode([SwarmTask].self, data)
            case .containers: snapshot.engines[0].containers = try decode([ContainerSummary].self, data)
            case .stackObjects: _ = try decode([StackObject].self, data)
            case .event: _ = try decode(DockerEvent.self, data)
            case .errorMessage: _ = DockerClient.engineMessage(data)
            case .serviceSpec: try editSpec(data)
            }
        } catch {
            return  // a clear error is the right answer to a malformed body
        }
        renderEveryPane(snapshot)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        try DockerJSON.decode(type, from: data, path: "/fuzz")
    }

    /// What a scale, a stack stop and a forced update do to an inspected service.
    private static func editSpec(_ data: Data) throws {
        var (_, spec) = try ServiceSpecEditor.versionAndSpec(data, path: "/fuzz")
        _ = ServiceSpecEditor.replicas(spec)
        _ = ServiceSpecEditor.label(spec, ServiceSpecEditor.stoppedReplicasLabel)
        try ServiceSpecEditor.setReplicas(&spec, 0)
        ServiceSpecEditor.setLabel(&spec, ServiceSpecEditor.stoppedReplicasLabel, "3")
        ServiceSpecEditor.forceUpdate(&spec)
        try? ServiceSpecEditor.scale(&spec, from: 0, to: .max)
        _ = try JSONSerialization.data(withJSONObject: spec)
    }

    /// The snapshot into a state, then one 100x30 frame of each pane (keys `1`…`5`).
    private static func renderEveryPane(_ snapshot: ClusterSnapshot) {
        var state = AppState(endpoint: snapshot.endpoint, timeZone: .utc, width: 100, height: 30)
        _ = reduce(&state, .snapshot(snapshot))
        for pane in Pane.allCases {
            _ = reduce(&state, .key(.char(pane.digit)))
            _ = render(state, width: state.width, height: state.height, now: snapshot.refreshedAt ?? .distantPast)
        }
    }
}
