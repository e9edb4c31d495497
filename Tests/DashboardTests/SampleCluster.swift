import Foundation
@testable import Dashboard
import SwarmState

/// A small swarm written as Engine API JSON (the shapes of Tests/LabFixtures), for tests that
/// need to vary one field: two nodes, the `lab` stack (web ×5, agent global, viz), a job
/// outside any stack, their tasks and containers. Refreshed at 2024-05-01 11:42:05 UTC.
enum SampleCluster {
    static let refreshedAt = Date(timeIntervalSince1970: 1_714_563_725)
    static let utc = ClockZone.utc

    /// `refreshedAt` minus `seconds`, as the engine writes times.
    static func time(_ secondsAgo: Int) -> String {
        ISO8601DateFormatter().string(from: refreshedAt.addingTimeInterval(TimeInterval(-secondsAgo)))
    }

    static func node(_ id: String, _ hostname: String, role: String, leader: Bool? = nil, state: String = "ready",
                     availability: String = "active", labelsJSON: String = "{}") -> String {
        let manager = leader.map { #","ManagerStatus":{"Leader":\#($0),"Reachability":"reachable","Addr":"10.213.0.11:2377"}"# } ?? ""
        return """
        {"ID":"\(id)","Version":{"Index":10},"Spec":{"Labels":\(labelsJSON),"Role":"\(role)","Availability":"\(availability)"},
         "Description":{"Hostname":"\(hostname)","Platform":{"Architecture":"x86_64","OS":"linux"},
          "Resources":{"NanoCPUs":4000000000,"MemoryBytes":24600000000},"Engine":{"EngineVersion":"20.10.24+dfsg1"}},
         "Status":{"State":"\(state)","Addr":"10.213.0.11"}\(manager)}
        """
    }

    static func service(_ id: String, _ name: String, stack: String?, mode: String, status: (Int, Int, Int)? = nil,
                        image: String = "swarmtop-lab/busybox:1@sha256:0123456789abcdef", ports: String = "[]",
                        update: String? = nil) -> String {
        let labels = stack.map { #"{"com.docker.stack.namespace":"\#($0)"}"# } ?? "{}"
        let serviceStatus = status.map { #","ServiceStatus":{"RunningTasks":\#($0.0),"DesiredTasks":\#($0.1),"CompletedTasks":\#($0.2)}"# } ?? ""
        let updateStatus = update.map { #","UpdateStatus":{"State":"\#($0)"}"# } ?? ""
        return """
        {"ID":"\(id)","Version":{"Index":20},"Spec":{"Name":"\(name)","Labels":\(labels),
          "TaskTemplate":{"ContainerSpec":{"Image":"\(image)"}},"Mode":\(mode)},
         "Endpoint":{"Ports":\(ports)}\(serviceStatus)\(updateStatus)}
        """
    }

    static func task(_ id: String, service: String, slot: Int?, node: String?, desired: String = "running",
                     state: String = "running", secondsAgo: Int = 300, container: String? = nil, err: String? = nil) -> String {
        let slotJSON = slot.map { #""Slot":\#($0),"# } ?? ""
        let nodeJSON = node.map { #""NodeID":"\#($0)","# } ?? ""
        let containerJSON = container.map { #","ContainerStatus":{"ContainerID":"\#($0)","PID":42,"ExitCode":0}"# } ?? ""
        let errJSON = err.map { #","Err":"\#($0)""# } ?? ""
        return """
        {"ID":"\(id)","ServiceID":"\(service)",\(slotJSON)\(nodeJSON)"DesiredState":"\(desired)",
         "UpdatedAt":"\(time(secondsAgo))",
         "Status":{"Timestamp":"\(time(secondsAgo))","State":"\(state)","Message":"\(state)"\(containerJSON)\(errJSON)}}
        """
    }

    static func container(_ id: String, _ name: String, task: String?, service: String?, state: String = "running",
                          sizeRw: Int64? = 5_240_000, sizeRootFs: Int64? = 7_230_000) -> String {
        var labels: [String] = []
        if let task { labels.append(#""com.docker.swarm.task.id":"\#(task)""#) }
        if let service { labels.append(#""com.docker.swarm.service.name":"\#(service)""#) }
        let sizes = (sizeRw.map { #","SizeRw":\#($0)"# } ?? "") + (sizeRootFs.map { #","SizeRootFs":\#($0)"# } ?? "")
        return """
        {"Id":"\(id)","Names":["/\(name)"],"Image":"swarmtop-lab/busybox:1@sha256:0123456789abcdef","ImageID":"sha256:feedface",
         "Labels":{\(labels.joined(separator: ","))},"State":"\(state)","Status":"Up 5 minutes"\(sizes)}
        """
    }

    static let nodes = [
        node("n1", "node1", role: "manager", leader: true),
        node("n2", "node2", role: "worker"),
    ]

    static let services = [
        service("s-web", "lab_web", stack: "lab", mode: #"{"Replicated":{"Replicas":5}}"#, status: (4, 5, 0),
                ports: #"[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"}]"#, update: "completed"),
        service("s-agent", "lab_agent", stack: "lab", mode: #"{"Global":{}}"#, status: (2, 2, 0)),
        service("s-viz", "lab_viz", stack: "lab", mode: #"{"Replicated":{"Replicas":1}}"#, status: (1, 1, 0),
                ports: #"[{"Protocol":"tcp","TargetPort":8080,"PublishedPort":4001,"PublishMode":"host"}]"#),
        service("s-job", "migrate", stack: nil, mode: #"{"ReplicatedJob":{"MaxConcurrent":1,"TotalCompletions":3}}"#,
                status: (0, 1, 2), image: "alpine:3.19"),
    ]

    static let tasks = [
        task("t-web1", service: "s-web", slot: 1, node: "n1", container: "c-web1"),
        task("t-web2", service: "s-web", slot: 2, node: "n2", container: "c-web2"),
        task("t-web3", service: "s-web", slot: 3, node: "n2", state: "preparing", secondsAgo: 2),
        task("t-web4", service: "s-web", slot: 4, node: "n1", secondsAgo: 3600, container: "c-web4"),
        task("t-web5", service: "s-web", slot: 5, node: "n2", secondsAgo: 90, container: "c-web5"),
        task("t-web5-old", service: "s-web", slot: 5, node: "n1", desired: "shutdown", state: "failed", secondsAgo: 100,
             container: "c-web5-old", err: "task: non-zero exit (1)"),
        task("t-agent1", service: "s-agent", slot: nil, node: "n1", container: "c-agent1"),
        task("t-agent2", service: "s-agent", slot: nil, node: "n2", container: "c-agent2"),
        task("t-viz1", service: "s-viz", slot: 1, node: "n1", container: "c-viz1"),
        task("t-job1", service: "s-job", slot: 1, node: "n2", desired: "complete", state: "complete", secondsAgo: 7200),
    ]

    static let node1Containers = [
        container("c-web1", "lab_web.1.t-web1", task: "t-web1", service: "lab_web"),
        container("c-web4", "lab_web.4.t-web4", task: "t-web4", service: "lab_web"),
        container("c-agent1", "lab_agent.n1.t-agent1", task: "t-agent1", service: "lab_agent", sizeRw: 32_768, sizeRootFs: 2_000_000),
        container("c-viz1", "lab_viz.1.t-viz1", task: "t-viz1", service: "lab_viz"),
        container("c-scratch", "scratch", task: nil, service: nil, state: "exited", sizeRw: nil, sizeRootFs: nil),
    ]

    static let node2Containers = [
        container("c-web2", "lab_web.2.t-web2", task: "t-web2", service: "lab_web"),
        container("c-web5", "lab_web.5.t-web5", task: "t-web5", service: "lab_web"),
        container("c-agent2", "lab_agent.n2.t-agent2", task: "t-agent2", service: "lab_agent"),
    ]

    /// The sample swarm; pass other JSON to vary it. Built as the refresh engine builds it
    /// (`SnapshotAssembler`): a manager round at `refreshedAt`, each node's size query 12 s
    /// before and its list at `refreshedAt`; then node2's failure and the manager's, if given.
    static func snapshot(nodes: [String] = nodes, services: [String] = services, tasks: [String] = tasks,
                         node2Error: String? = nil, error: String? = nil) -> ClusterSnapshot {
        var assembler = SnapshotAssembler(endpoint: "unix:///run/swarmtop-lab/node1.sock")
        func observe(_ engine: EngineObservation.Engine, _ content: EngineObservation.Content, at: Date = refreshedAt) {
            assembler.apply(EngineObservation(engine, content, at: at))
        }
        func observe(_ content: EngineObservation.Content) { observe(.manager, content) }
        func answer(_ path: String, _ items: [String]) -> EngineObservation.Content {
            .answer(path: path, body: Data(("[" + items.joined(separator: ",") + "]").utf8), took: nil)
        }
        observe(.engines(["node1", "node2"].map {
            EngineObservation.PlannedEngine(hostname: $0, endpoint: "unix:///run/swarmtop-lab/\($0).sock", origin: nil, problem: nil)
        }))
        observe(.apiVersion("1.41"))
        observe(.answer(path: EnginePath.info, body: Data(#"{"Name":"node1","Swarm":{"NodeID":"n1","ControlAvailable":true}}"#.utf8), took: nil))
        observe(answer(EnginePath.nodes, nodes))
        observe(answer(EnginePath.services, services))
        observe(answer(EnginePath.tasks, tasks))
        observe(.roundEnd)
        for (hostname, containers) in [("node1", node1Containers), ("node2", node2Containers)] {
            observe(.node(hostname: hostname), answer(EnginePath.containers(size: true), containers), at: refreshedAt.addingTimeInterval(-12))
            observe(.node(hostname: hostname), answer(EnginePath.containers(size: false), containers))
        }
        let problems = [assembler.snapshot.error] + assembler.snapshot.engines.map(\.error)
        if let problem = problems.compactMap({ $0 }).first { fatalError("sample JSON does not decode: \(problem)") }
        if let node2Error { observe(.node(hostname: "node2"), .failure(path: EnginePath.containers(size: false), error: node2Error)) }
        if let error {
            observe(.failure(path: EnginePath.tasks, error: error))
            observe(.roundEnd)
        }
        return assembler.snapshot
    }
}
