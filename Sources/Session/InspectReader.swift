import Dashboard
import DockerAPI
import Foundation
import SwarmState

/// Reads what the inspect view shows: the object by ID, and what its sections name (a
/// service's network names, a task's service).
enum InspectReader {
    /// The answers for `target`, through `client`: the manager for a node, service or task, the
    /// node's own engine for a container.
    /// - Throws: `DockerError` when the object itself cannot be read (404 when it is gone, 503
    ///   from a worker's engine); a network or a task's service that cannot be read is left out
    ///   (named in `InspectAnswer.serviceProblem` for the service).
    static func read(_ target: InspectTarget, client: DockerClient) async throws -> InspectAnswer {
        switch target {
        case .node(let id, _):
            return InspectAnswer(json: try await client.read(EnginePath.node(id: id)))
        case .container(_, let id, _):
            return InspectAnswer(json: try await client.read(EnginePath.containerInspect(id: id)))
        case .service(let id, _):
            let json = try await client.read(EnginePath.service(id: id, insertDefaults: true))
            let targets = (try? InspectJSON.parse(json))?["Spec", "TaskTemplate", "Networks"].elements.compactMap { $0["Target"].string } ?? []
            return InspectAnswer(json: json, networkNames: await networkNames(targets, client: client))
        case .task(let id, _, let serviceID):
            let json = try await client.read(EnginePath.task(id: id))
            do {
                return InspectAnswer(json: json, service: try await client.read(EnginePath.service(id: serviceID)))
            } catch {
                return InspectAnswer(json: json, serviceProblem: SnapshotAssembler.describe(error))
            }
        }
    }

    /// The names of the networks with these IDs (`GET /networks/{id}` each, as the docker CLI
    /// resolves them); those that cannot be read are left out.
    static func networkNames(_ ids: [String], client: DockerClient) async -> [String: String] {
        var names: [String: String] = [:]
        for id in Set(ids) {
            guard let body = try? await client.read(EnginePath.network(id: id)),
                  let name = (try? InspectJSON.parse(body))?["Name"].string else { continue }
            names[id] = name
        }
        return names
    }
}
