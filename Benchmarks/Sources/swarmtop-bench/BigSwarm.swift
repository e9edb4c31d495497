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

    /// Decodes the node engines' container lists.
    func decodeContainers(at now: Date) throws -> [NodeEngine] {
        try containers.map { host, body in
            NodeEngine(hostname: host, endpoint: "unix:///\(host).sock",
                       containers: try DockerJSON.decode([ContainerSummary].self, from: body, path: "/containers/json"),
                       listedAt: now, sizesAt: now)
        }
    }

    var containerBytes: Int { containers.reduce(0) { $0 + $1.body.count } }

    /// Decodes every answer as the refresh engine does and assembles the snapshot.
    func decode(at now: Date) throws -> ClusterSnapshot {
        ClusterSnapshot(
            endpoint: "unix:///bench.sock", apiVersion: "1.41",
            nodes: try DockerJSON.decode([Node].self, from: nodes, path: "/nodes"),
            services: try DockerJSON.decode([Service].self, from: services, path: "/services"),
            tasks: try DockerJSON.decode([SwarmTask].self, from: tasks, path: "/tasks"),
            engines: try containers.map { host, body in
                NodeEngine(hostname: host, endpoint: "unix:///\(host).sock",
                           containers: try DockerJSON.decode([ContainerSummary].self, from: body, path: "/containers/json"),
                           listedAt: now, sizesAt: now)
            },
            refreshedAt: now)
    }

    var bytes: Int { nodes.count + services.count + tasks.count + containers.reduce(0) { $0 + $1.body.count } }
}
