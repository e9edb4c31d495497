import DockerAPI
import Foundation
import LabFixtures
import XCTest

/// Decoding of responses captured from the lab's Engine 20.10 (API 1.41).
final class FixtureDecodingTests: XCTestCase {
    func testNodes() throws {
        let nodes = try LabFixtures.decode([Node].self, "nodes.json")
        XCTAssertEqual(nodes.map(\.hostname).sorted(), ["node1", "node2"])
        let node1 = try XCTUnwrap(nodes.first { $0.hostname == "node1" })
        XCTAssertEqual(node1.role, "manager")
        XCTAssertTrue(node1.isLeader)
        XCTAssertEqual(node1.managerStatus?.reachability, "reachable")
        XCTAssertEqual(node1.spec?.availability, "active")
        XCTAssertEqual(node1.status?.state, "ready")
        XCTAssertEqual(node1.description?.engine?.engineVersion, "20.10.24+dfsg1")
        XCTAssertGreaterThan(node1.description?.resources?.nanoCPUs ?? 0, 0)
        let node2 = try XCTUnwrap(nodes.first { $0.hostname == "node2" })
        XCTAssertEqual(node2.role, "worker")
        XCTAssertNil(node2.managerStatus)
        XCTAssertEqual(node2.spec?.labels?["note"], "결제 서비스 支払い 🚀")
    }

    func testServicesWithStatus() throws {
        let services = try LabFixtures.decode([Service].self, "services.json")
        let byName = Dictionary(uniqueKeysWithValues: services.map { ($0.name, $0) })
        XCTAssertEqual(Set(byName.keys), ["lab_web", "lab_viz", "lab_agent", "lab_scribbler"])
        let web = try XCTUnwrap(byName["lab_web"])
        XCTAssertEqual(web.stack, "lab")
        XCTAssertEqual(web.modeName, "replicated")
        XCTAssertEqual(web.spec.mode?.replicated?.replicas, 5)
        XCTAssertEqual(web.serviceStatus?.runningTasks, 5)
        XCTAssertEqual(web.serviceStatus?.desiredTasks, 5)
        XCTAssertEqual(web.endpoint?.ports?.first?.publishedPort, 8080)
        XCTAssertEqual(web.endpoint?.ports?.first?.targetPort, 80)
        XCTAssertEqual(web.endpoint?.ports?.first?.publishMode, "ingress")
        XCTAssertTrue(web.spec.taskTemplate?.containerSpec?.image?.hasPrefix("swarmtop-lab/busybox:1") ?? false)
        XCTAssertEqual(byName["lab_agent"]?.modeName, "global")
        XCTAssertFalse(byName["lab_agent"]?.isReplicated ?? true)
        XCTAssertEqual(byName["lab_viz"]?.spec.taskTemplate?.placement?.constraints, ["node.role == manager"])
    }

    func testTasks() throws {
        let tasks = try LabFixtures.decode([SwarmTask].self, "tasks.json")
        let services = try LabFixtures.decode([Service].self, "services.json")
        let web = try XCTUnwrap(services.first { $0.name == "lab_web" })
        let webTasks = tasks.filter { $0.serviceID == web.id }
        XCTAssertEqual(webTasks.compactMap(\.slot).sorted(), [1, 2, 3, 4, 5])
        XCTAssertTrue(tasks.allSatisfy { $0.desiredState == "running" && $0.state == "running" && $0.nodeID != nil })
        XCTAssertTrue(tasks.allSatisfy { $0.status?.containerStatus?.containerID?.count == 64 })
        let agent = try XCTUnwrap(services.first { $0.name == "lab_agent" })
        XCTAssertTrue(tasks.filter { $0.serviceID == agent.id }.allSatisfy { $0.slot == nil || $0.slot == 0 })
        XCTAssertNotNil(tasks.first?.status?.timestamp)
    }

    func testContainersWithWritableLayerSizes() throws {
        for host in ["node1", "node2"] {
            let containers = try LabFixtures.decode([ContainerSummary].self, "containers-\(host).json")
            XCTAssertFalse(containers.isEmpty)
            let scribbler = try XCTUnwrap(containers.first { $0.serviceName == "lab_scribbler" }, host)
            XCTAssertEqual(scribbler.sizeRw, 6_291_456, "the scribbler wrote 6 MiB on \(host)")
            XCTAssertGreaterThan(scribbler.sizeRootFs ?? 0, scribbler.sizeRw ?? 0)
            XCTAssertTrue(scribbler.name.hasPrefix("lab_scribbler."))
            XCTAssertNotNil(scribbler.taskID)
            XCTAssertEqual(scribbler.state, "running")
        }
    }

    /// The five swarm labels swarmtop reads are kept, each in its own field; a container that
    /// is no swarm task (`capture_grow`, run by hand on node1) has none.
    func testContainersKeepTheSwarmLabelsSwarmtopReads() throws {
        let containers = try LabFixtures.decode([ContainerSummary].self, "containers-node1.json")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: LabFixtures.data("containers-node1.json")) as? [[String: Any]])
        XCTAssertEqual(containers.count, json.count)
        for (container, object) in zip(containers, json) {
            let labels = try XCTUnwrap(object["Labels"] as? [String: String])
            XCTAssertEqual(container.taskID, labels["com.docker.swarm.task.id"])
            XCTAssertEqual(container.serviceID, labels["com.docker.swarm.service.id"])
            XCTAssertEqual(container.serviceName, labels["com.docker.swarm.service.name"])
            XCTAssertEqual(container.nodeID, labels["com.docker.swarm.node.id"])
            XCTAssertEqual(container.stack, labels["com.docker.stack.namespace"])
            XCTAssertNotNil(container.taskID)
            XCTAssertEqual(container.stack, "lab")
        }
        let usage = try LabFixtures.decode(DiskUsage.self, "disk/system-df-node1.json")
        let own = try XCTUnwrap(usage.containers?.first { $0.name == "capture_grow" })
        XCTAssertEqual([own.taskID, own.serviceID, own.serviceName, own.nodeID, own.stack], [nil, nil, nil, nil, nil])
    }

    func testInfoOfManagerAndWorker() throws {
        let manager = try LabFixtures.decode(SystemInfo.self, "info-manager.json")
        XCTAssertEqual(manager.name, "node1")
        XCTAssertEqual(manager.swarm?.controlAvailable, true)
        XCTAssertEqual(manager.swarm?.localNodeState, "active")
        let worker = try LabFixtures.decode(SystemInfo.self, "info-worker.json")
        XCTAssertEqual(worker.name, "node2")
        XCTAssertEqual(worker.swarm?.controlAvailable, false)
        XCTAssertNotEqual(manager.id, worker.id)
    }

    func testStackObjectsOfBothShapes() throws {
        let secrets = try LabFixtures.decode([StackObject].self, "secrets.json")
        let configs = try LabFixtures.decode([StackObject].self, "configs.json")
        let networks = try LabFixtures.decode([StackObject].self, "networks.json")
        XCTAssertEqual(secrets.map(\.stack), ["lab"])
        XCTAssertEqual(configs.map(\.stack), ["lab"])
        XCTAssertTrue(secrets[0].name.hasPrefix("lab_"))
        XCTAssertEqual(networks.filter { $0.stack == "lab" }.map(\.name), ["lab_webnet"])
        XCTAssertTrue(networks.contains { $0.name == "ingress" && $0.stack == nil })
    }

    func testErrorBodiesGiveTheEnginesMessage() throws {
        struct Captured: Decodable { var status: Int; var body: [String: String] }
        for (file, status, text) in [("error-worker-503.json", 503, "This node is not a swarm manager"),
                                      ("error-not-found.json", 404, "service nope not found"),
                                      ("error-rollback-no-previous-spec.json", 400, "service okfswhexo4olmln6h7712rpki does not have a previous spec")] {
            let captured = try JSONDecoder().decode(Captured.self, from: LabFixtures.data(file))
            XCTAssertEqual(captured.status, status)
            let body = try JSONEncoder().encode(captured.body)
            XCTAssertTrue(DockerClient.engineMessage(body).hasPrefix(text), DockerClient.engineMessage(body))
        }
        XCTAssertEqual(DockerClient.engineMessage(Data("page not found\n".utf8)), "page not found")
        XCTAssertEqual(DockerClient.engineMessage(Data("404 page not found\nmore\n".utf8)), "404 page not found")
        XCTAssertEqual(DockerClient.engineMessage(Data("<!DOCTYPE HTML>\n<html lang=\"en\">\n".utf8)),
                       "an HTML page, not the Engine API's JSON (is this a Docker engine?)")
        XCTAssertEqual(DockerClient.engineMessage(Data()), "no message")
    }

    func testPingAnnouncesTheVersionToNegotiate() throws {
        let headers = String(decoding: try LabFixtures.data("ping-headers.txt"), as: UTF8.self)
        let line = try XCTUnwrap(headers.split(whereSeparator: \.isNewline).first { $0.lowercased().hasPrefix("api-version:") })
        let value = line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)
        XCTAssertEqual(try APIVersion.negotiate(server: value).description, "1.41")
    }
}
