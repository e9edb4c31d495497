import Foundation

/// One read of the swarm (`swarmtop snapshot`): the manager's `/info`, nodes, services and
/// tasks, then every node engine's containers with their writable-layer sizes, its `/system/df`
/// and its `/info` (the disk view), all at once, no live loop. The answers make the snapshot through `SnapshotAssembler`, as the live refresh does.
public enum SnapshotRead {
    /// Asks the manager, then every node engine `Connections.plan` names for its nodes,
    /// concurrently (at most `Connections.limiter`'s bound at once). An engine that fails has its
    /// error in the snapshot (`error` for the manager, `NodeEngine.error` for a node engine)
    /// instead of throwing.
    /// - Parameter observer: called with every observation, in the order they are applied.
    public static func fetch(_ connections: Connections,
                             observer: (@Sendable (EngineObservation) -> Void)? = nil) async -> ClusterSnapshot {
        var assembler = SnapshotAssembler(endpoint: connections.manager.endpoint.description)
        func feed(_ engine: EngineObservation.Engine, _ content: EngineObservation.Content, at: Date = Date()) {
            let observation = EngineObservation(engine, content, at: at)
            observer?(observation)
            assembler.apply(observation)
        }
        let manager = connections.managerReader
        let paths = [EnginePath.info, EnginePath.nodes, EnginePath.services, EnginePath.tasks]
        let answers = await withTaskGroup(of: (Int, EngineObservation.Content, Date).self) { group in
            for (index, path) in paths.enumerated() {
                group.addTask { (index, await read(manager, path, timeout: nil), Date()) }
            }
            var answers: [(Int, EngineObservation.Content, Date)] = []
            for await answer in group { answers.append(answer) }
            return answers.sorted { $0.0 < $1.0 }
        }
        for (_, content, at) in answers { feed(.manager, content, at: at) }
        feed(.manager, .roundEnd)
        if assembler.snapshot.error == nil, let version = try? await manager.apiVersion() {
            feed(.manager, .apiVersion(version.description))
        }
        let hosts = connections.plan(nodes: assembler.snapshot.nodes, managerHostname: assembler.snapshot.info?.name)
        feed(.manager, .engines(hosts.map(EngineObservation.PlannedEngine.init)))
        let nodePaths = [EnginePath.containers(size: true), EnginePath.systemDF, EnginePath.info]
        let lists = await withTaskGroup(of: (Int, [(EngineObservation.Content, Date)])?.self) { group in
            for (index, host) in hosts.enumerated() {
                guard let endpoint = host.choice.endpoint else { continue }
                group.addTask {
                    var contents: [(EngineObservation.Content, Date)] = []
                    do {
                        let reader = try connections.reader(for: endpoint)
                        for path in nodePaths {
                            contents.append((await connections.limiter.run { await read(reader, path, timeout: nil) }, Date()))
                        }
                    } catch {
                        contents = [(.failure(path: nodePaths[0], error: SnapshotAssembler.describe(error)), Date())]
                    }
                    return (index, contents)
                }
            }
            var lists: [(Int, [(EngineObservation.Content, Date)])] = []
            for await case let list? in group { lists.append(list) }
            return lists.sorted { $0.0 < $1.0 }
        }
        for (index, contents) in lists {
            for (content, at) in contents { feed(.node(hostname: hosts[index].hostname), content, at: at) }
        }
        return assembler.snapshot
    }

    /// `GET path` as an observation's content: the answer (with the seconds it took), or the failure.
    private static func read(_ reader: any EngineReader, _ path: String, timeout: TimeInterval?) async -> EngineObservation.Content {
        let started = Date()
        do {
            let body = try await reader.read(path, timeout: timeout)
            let timed = [EnginePath.containers(size: true), EnginePath.systemDF].contains(path)
            return .answer(path: path, body: body, took: timed ? Date().timeIntervalSince(started) : nil)
        } catch {
            return .failure(path: path, error: SnapshotAssembler.describe(error))
        }
    }
}

extension EngineObservation.PlannedEngine {
    /// A node engine as `Connections.plan` names it.
    public init(_ host: Connections.NodeHost) {
        self.init(hostname: host.hostname, endpoint: host.choice.endpoint?.description ?? "",
                  origin: host.choice.origin.description, problem: host.choice.problem)
    }
}
