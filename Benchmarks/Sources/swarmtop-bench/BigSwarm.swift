import Foundation
import SwarmState

/// A big swarm's Engine API answers, made by replicating the objects captured from the lab
/// (Tests/LabFixtures/Fixtures/v1.41) under new IDs and names: the bytes an engine would send.
struct BigSwarm {
    var nodes: Data
    var services: Data
    var tasks: Data
    /// One `/containers/json?all=1&size=1` answer per node, by hostname.
    var containers: [(hostname: String, body: Data)]
    var counts: (nodes: Int, services: Int, tasks: Int, containers: Int)

    /// - Parameters:
    ///   - fixtures: the folder of the captured answers.
    ///   - nodeCount, serviceCount, taskCount: the swarm's size (tasks spread evenly).
    ///   - containersPerNode: containers each node engine lists.
    init(fixtures: URL, nodeCount: Int = 200, serviceCount: Int = 1000, taskCount: Int = 10_000, containersPerNode: Int = 50) throws {
        func load(_ name: String) throws -> [[String: Any]] {
            let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
            guard let array = try JSONSerialization.jsonObject(with: data) as? [[String: Any]], !array.isEmpty else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: name])
            }
            return array
        }
        func id(_ prefix: String, _ i: Int, length: Int = 25) -> String {
            let digits = String(i)
            return prefix + String(repeating: "0", count: max(0, length - prefix.count - digits.count)) + digits
        }
        func set(_ object: inout [String: Any], _ path: [String], _ value: Any) {
            guard let key = path.first else { return }
            if path.count == 1 { object[key] = value; return }
            var inner = object[key] as? [String: Any] ?? [:]
            set(&inner, Array(path.dropFirst()), value)
            object[key] = inner
        }
        let nodeTemplates = try load("nodes.json")
        let serviceTemplates = try load("services.json")
        let taskTemplates = try load("tasks.json")
        let containerTemplates = try load("containers-node1.json") + load("containers-node2.json")

        var nodes: [[String: Any]] = []
        for i in 0..<nodeCount {
            var n = nodeTemplates[i % nodeTemplates.count]
            n["ID"] = id("n", i)
            set(&n, ["Description", "Hostname"], String(format: "node%03d", i + 1))
            let manager = i < 3
            set(&n, ["Spec", "Role"], manager ? "manager" : "worker")
            if manager {
                n["ManagerStatus"] = ["Leader": i == 0, "Reachability": "reachable", "Addr": "10.0.\(i / 250).\(i % 250):2377"]
            } else {
                n.removeValue(forKey: "ManagerStatus")
            }
            nodes.append(n)
        }
        var services: [[String: Any]] = []
        for i in 0..<serviceCount {
            var s = serviceTemplates[i % serviceTemplates.count]
            let stack = String(format: "stack%02d", i / 10)
            s["ID"] = id("s", i)
            set(&s, ["Spec", "Name"], String(format: "%@_svc%04d", stack, i))
            var labels = (s["Spec"] as? [String: Any])?["Labels"] as? [String: Any] ?? [:]
            labels["com.docker.stack.namespace"] = stack
            set(&s, ["Spec", "Labels"], labels)
            services.append(s)
        }
        var tasks: [[String: Any]] = []
        for i in 0..<taskCount {
            var t = taskTemplates[i % taskTemplates.count]
            t["ID"] = id("t", i)
            t["ServiceID"] = services[i % serviceCount]["ID"]
            t["NodeID"] = nodes[i % nodeCount]["ID"]
            t["Slot"] = i / serviceCount + 1
            set(&t, ["Status", "ContainerStatus", "ContainerID"], id("c", i, length: 64))
            tasks.append(t)
        }
        var containers: [(String, Data)] = []
        for n in 0..<nodeCount {
            var list: [[String: Any]] = []
            for j in 0..<containersPerNode {
                let i = n * containersPerNode + j
                var c = containerTemplates[i % containerTemplates.count]
                c["Id"] = id("c", i, length: 64)
                c["Names"] = [String(format: "/stack%02d_svc%04d.%d.%@", (i % serviceCount) / 10, i % serviceCount, i / serviceCount + 1, id("t", i))]
                list.append(c)
            }
            containers.append((String(format: "node%03d", n + 1), try JSONSerialization.data(withJSONObject: list)))
        }
        self.nodes = try JSONSerialization.data(withJSONObject: nodes)
        self.services = try JSONSerialization.data(withJSONObject: services)
        self.tasks = try JSONSerialization.data(withJSONObject: tasks)
        self.containers = containers
        counts = (nodeCount, serviceCount, taskCount, nodeCount * containersPerNode)
    }

    /// Decodes the node engines' container lists (`SnapshotAssembler`, as the refresh engine does).
    /// - Throws: `DockerError.malformedResponse` when a list does not decode.
    func decodeContainers(at now: Date) throws -> [NodeEngine] {
        try assemble(containerObservations(at: now)).engines
    }

    var containerBytes: Int { containers.reduce(0) { $0 + $1.body.count } }

    /// Decodes every answer as the refresh engine does (`SnapshotAssembler`: a manager round,
    /// then each node's size query) and so assembles the snapshot.
    /// - Throws: `DockerError.malformedResponse` when an answer does not decode.
    func decode(at now: Date) throws -> ClusterSnapshot {
        let round: [(String, Data)] = [(EnginePath.nodes, nodes), (EnginePath.services, services), (EnginePath.tasks, tasks)]
        let manager = [EngineObservation(.manager, .apiVersion("1.41"), at: now)]
            + round.map { EngineObservation(.manager, .answer(path: $0.0, body: $0.1, took: nil), at: now) }
            + [EngineObservation(.manager, .roundEnd, at: now)]
        return try assemble(manager + containerObservations(at: now))
    }

    /// The node engines planned, and each one's size query answered, at `now`.
    private func containerObservations(at now: Date) -> [EngineObservation] {
        let plan = containers.map {
            EngineObservation.PlannedEngine(hostname: $0.hostname, endpoint: "unix:///\($0.hostname).sock", origin: nil, problem: nil)
        }
        return [EngineObservation(.manager, .engines(plan), at: now)] + containers.map { host, body in
            EngineObservation(.node(hostname: host), .answer(path: EnginePath.containers(size: true), body: body, took: nil), at: now)
        }
    }

    /// The snapshot of `observations`.
    /// - Throws: `DockerError.malformedResponse` with the first error an answer left in it.
    private func assemble(_ observations: [EngineObservation]) throws -> ClusterSnapshot {
        var assembler = SnapshotAssembler(endpoint: "unix:///bench.sock")
        for observation in observations { assembler.apply(observation) }
        let snapshot = assembler.snapshot
        if let error = ([snapshot.error] + snapshot.engines.map(\.error)).compactMap({ $0 }).first {
            throw DockerError.malformedResponse(path: "bench", reason: error)
        }
        return snapshot
    }

    var bytes: Int { nodes.count + services.count + tasks.count + containers.reduce(0) { $0 + $1.body.count } }
}
