import Dashboard
import Foundation
import SwarmState

/// Runs the effects `reduce` asks for through the Engine API and turns each outcome into the
/// action that reports it. After a change it asks the refresh engine to poll at once.
struct EffectRunner: Sendable {
    let connections: Connections
    let engine: RefreshEngine

    /// Performs `effect`; never throws: a failure becomes an error message for the status line.
    func run(_ effect: Effect) async -> Action {
        let outcome: Action
        do {
            let (message, isError) = try await perform(effect)
            outcome = .effectFinished(message: message, isError: isError)
        } catch {
            outcome = .effectFinished(message: "\(effect.verb) failed: \((error as? DockerError)?.description ?? String(describing: error))",
                                      isError: true)
        }
        await engine.refreshNow()
        return outcome
    }

    private func perform(_ effect: Effect) async throws -> (String, isError: Bool) {
        switch effect {
        case .scale(let id, let name, let replicas):
            try await connections.manager.scaleService(id: id, replicas: replicas)
            return ("\(name) scaled to \(replicas)", false)
        case .stopContainer(let hostname, let containerID, let name):
            let managerHostname = await engine.current.info?.name
            guard let client = connections.engine(hostname: hostname, managerHostname: managerHostname) else {
                throw DockerError.transport(endpoint: hostname, reason: "no --node-host given for this node")
            }
            try await client.stopContainer(id: containerID)
            return ("stopped \(name) on \(hostname)", false)
        case .removeStack(let name):
            let removal = try await connections.manager.removeStack(name)
            let failures = removal.failures.isEmpty ? "" : "; failed: " + removal.failures.joined(separator: "; ")
            return ("stack \(name): \(removal.summary)\(failures)", !removal.failures.isEmpty)
        }
    }
}

extension Effect {
    /// The action's name for messages: "scale lab_web", "stop lab_web.1.x", "remove stack lab".
    var verb: String {
        switch self {
        case .scale(_, let name, _): return "scale \(name)"
        case .stopContainer(_, _, let name): return "stop \(name)"
        case .removeStack(let name): return "remove stack \(name)"
        }
    }
}
