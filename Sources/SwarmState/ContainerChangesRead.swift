import Foundation

/// Reads what a container changed against its image, through the engine of its node: its
/// identity and storage driver (`GET /containers/{id}/json`), its changes
/// (`GET /containers/{id}/changes`), and the sizes of at most `ContainerChanges.statLimit` of
/// its files (`HEAD /containers/{id}/archive?path=P` each, a few at a time). Used by the
/// changes view (`d`) and `swarmtop diff`.
public enum ContainerChangesRead {
    /// `HEAD` requests in flight at once for the sizes.
    static let statsInFlight = 8

    /// Reads container `nameOrID` on `client`.
    /// - Parameter nameOrID: a name, a full ID or an unambiguous ID prefix (the engine resolves it).
    /// - Throws: `DockerError` from the inspect or the changes (404 when the engine has no such
    ///   container); a size that cannot be read is left unknown instead.
    public static func read(_ nameOrID: String, on client: DockerClient) async throws -> ContainerChanges {
        let identity = try await client.containerIdentity(nameOrID)
        let changes = try await client.containerChanges(id: identity.id)
        let stats = await Self.stats(ContainerChanges.statCandidates(changes), containerID: identity.id, on: client)
        return ContainerChanges(containerID: identity.id, name: identity.shownName, driver: identity.driver,
                                changes: changes, stats: stats)
    }

    /// The stats of `paths` in container `containerID` (`HEAD …/archive?path=P` each,
    /// `statsInFlight` at a time); a path the engine does not find, or cannot stat, is left out.
    public static func stats(_ paths: [String], containerID: String, on client: DockerClient) async -> [String: ContainerPathStat] {
        let ask: @Sendable (String) async -> (String, ContainerPathStat?) = { path in
            (path, try? await client.containerPathStat(id: containerID, path: path))
        }
        return await withTaskGroup(of: (String, ContainerPathStat?).self) { group in
            var stats: [String: ContainerPathStat] = [:]
            var next = paths.makeIterator()
            for _ in 0..<statsInFlight {
                if let path = next.next() { group.addTask { await ask(path) } }
            }
            while let (path, stat) = await group.next() {
                stats[path] = stat
                if let path = next.next() { group.addTask { await ask(path) } }
            }
            return stats
        }
    }

    /// Finds container `nameOrID` on every engine swarmtop knows (each node engine the plan
    /// names, and the manager's own) and reads it where it is.
    /// - Returns: the hostname of its node (the endpoint when the engine's hostname is not
    ///   known) and its changes.
    /// - Throws: `ContainerNotFound` when no engine has it, or more than one does (an ID prefix
    ///   on two nodes); `DockerError` when reading it fails.
    public static func find(_ nameOrID: String, in connections: Connections) async throws -> (hostname: String, changes: ContainerChanges) {
        let info = try? await connections.manager.info()
        let nodes = (try? await connections.manager.nodes()) ?? []
        var engines: [(String, DockerClient)] = []
        for host in connections.plan(nodes: nodes, managerHostname: info?.name) {
            if let endpoint = host.choice.endpoint, let client = try? connections.client(for: endpoint) {
                engines.append((host.hostname, client))
            }
        }
        if !engines.contains(where: { $0.1 === connections.manager }) {
            engines.append((info?.name ?? connections.manager.endpoint.description, connections.manager))
        }
        let answers = await withTaskGroup(of: (Int, Result<ContainerIdentity, any Error>).self) { group in
            for (index, engine) in engines.enumerated() {
                group.addTask {
                    do { return (index, .success(try await engine.1.containerIdentity(nameOrID))) } catch { return (index, .failure(error)) }
                }
            }
            var answers: [(Int, Result<ContainerIdentity, any Error>)] = []
            for await answer in group { answers.append(answer) }
            return answers.sorted { $0.0 < $1.0 }
        }
        var found: [(String, DockerClient, ContainerIdentity)] = []
        var problems: [String] = []
        for (index, answer) in answers {
            switch answer {
            case .success(let identity): found.append((engines[index].0, engines[index].1, identity))
            case .failure(DockerError.api(status: 404, _)): break
            case .failure(let error): problems.append("\(engines[index].0): \(SnapshotAssembler.describe(error))")
            }
        }
        guard found.count == 1, let (hostname, client, identity) = found.first else {
            throw ContainerNotFound(nameOrID: nameOrID, asked: engines.map(\.0), matches: found.map { "\($0.2.shownName) on \($0.0)" },
                                    problems: problems)
        }
        return (hostname, try await read(identity.id, on: client))
    }
}

/// No engine, or more than one, has the container asked for.
public struct ContainerNotFound: Error, CustomStringConvertible {
    public var nameOrID: String
    /// The hostnames of the engines asked.
    public var asked: [String]
    /// `name on hostname` of each match (two or more: the name is ambiguous).
    public var matches: [String]
    /// Engines that could not be asked, and why.
    public var problems: [String]

    public var description: String {
        let head = matches.count > 1
            ? "\(nameOrID) matches more than one container: \(matches.joined(separator: ", ")); give more of its ID"
            : "no container \(nameOrID) on \(asked.isEmpty ? "any engine" : asked.joined(separator: ", "))"
        return problems.isEmpty ? head : head + " (not asked: " + problems.joined(separator: "; ") + ")"
    }
}
