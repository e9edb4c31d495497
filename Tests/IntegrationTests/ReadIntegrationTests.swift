import DockerAPI
import Foundation
import XCTest

/// Reads from the real lab engines, checked against what the docker CLI reports.
final class ReadIntegrationTests: XCTestCase {
    func testNegotiatesTheEnginesAPIVersionFromPing() async throws {
        let client = try Lab.manager()
        defer { Task { await client.shutdown() } }
        let v = try await client.apiVersion()
        XCTAssertEqual(v.description, try Lab.docker(["version", "--format", "{{.Server.APIVersion}}"]))
    }

    func testNodesServicesAndTasksMatchTheCLI() async throws {
        let client = try Lab.manager()
        defer { Task { await client.shutdown() } }
        let nodes = try await client.nodes()
        XCTAssertEqual(Set(nodes.map(\.id)), Set(try Lab.docker(["node", "ls", "-q"]).split(separator: "\n").map(String.init)))
        XCTAssertEqual(Set(nodes.map(\.hostname)), Set(try Lab.nodeURLs().map(\.0)))
        XCTAssertEqual(nodes.filter(\.isLeader).map(\.hostname), ["node1"])

        let services = try await client.services()
        let cli = try Lab.docker(["service", "ls", "--format", "{{.Name}} {{.Replicas}}"]).split(separator: "\n")
        let ours = services.map { s in
            "\(s.name) \(s.serviceStatus?.runningTasks ?? 0)/\(s.serviceStatus?.desiredTasks ?? 0)"
        }
        // The CLI may add " (max N per node)" and the like after the counts: compare the counts.
        XCTAssertEqual(Set(ours), Set(cli.map { $0.split(separator: " ").prefix(2).joined(separator: " ") }))
        XCTAssertEqual(services.first { $0.name == "lab_agent" }?.modeName, "global")

        let tasks = try await client.tasks()
        let cliTasks = try Lab.docker(["service", "ps", "-q", "--no-trunc", "lab_web", "lab_viz", "lab_agent", "lab_scribbler"])
        let cliIDs = Set(cliTasks.split(separator: "\n").map(String.init))
        XCTAssertFalse(cliIDs.isEmpty)
        XCTAssertTrue(cliIDs.isSubset(of: Set(tasks.map(\.id))), "\(cliIDs.subtracting(tasks.map(\.id)))")
    }

    func testContainersAndWritableLayerSizesMatchEachNodesEngine() async throws {
        for (hostname, url) in try Lab.nodeURLs() {
            let client = try Lab.node(hostname)
            let containers = try await client.containers(size: true, timeout: 60)
            await client.shutdown()
            let cliIDs = try Lab.docker(["ps", "-aq", "--no-trunc"], host: url).split(separator: "\n").map(String.init)
            XCTAssertEqual(Set(containers.map(\.id)), Set(cliIDs), hostname)
            let web = try XCTUnwrap(containers.first { $0.serviceName == "lab_web" && $0.state == "running" }, hostname)
            let cliSize = try Lab.docker(["inspect", "--size", "--format", "{{.SizeRw}} {{.SizeRootFs}}", web.id], host: url)
            let parts = cliSize.split(separator: " ").compactMap { Int64($0) }
            // The page counter may have grown between the two reads; the image part cannot shrink.
            XCTAssertEqual(parts.count, 2)
            XCTAssertGreaterThan(web.sizeRootFs ?? 0, 0)
            XCTAssertEqual((web.sizeRootFs ?? 0) - (web.sizeRw ?? 0), parts[1] - parts[0], "image size of \(web.name)")
        }
    }

    func testAWorkersSwarmEndpointsAnswer503AsATypedError() async throws {
        let worker = try Lab.node("node2")
        defer { Task { await worker.shutdown() } }
        do {
            _ = try await worker.nodes()
            XCTFail("a worker listed nodes")
        } catch let DockerError.api(status, message) {
            XCTAssertEqual(status, 503)
            XCTAssertTrue(message.contains("not a swarm manager"), message)
        }
    }

    func testAMissingSocketIsATransportError() async throws {
        let client = try DockerClient(endpoint: DockerEndpoint(parsing: "unix:///run/swarmtop-lab/absent.sock"), timeout: 2)
        defer { Task { await client.shutdown() } }
        do {
            _ = try await client.info()
            XCTFail("an absent socket answered")
        } catch DockerError.transport(let endpoint, _) {
            XCTAssertEqual(endpoint, "unix:///run/swarmtop-lab/absent.sock")
        }
    }

    func testUnknownServiceIs404WithTheEnginesMessage() async throws {
        let client = try Lab.manager()
        defer { Task { await client.shutdown() } }
        do {
            _ = try await client.send(method: .GET, path: "/services/swarmtop-no-such-service")
            XCTFail("found a service that does not exist")
        } catch let DockerError.api(status, message) {
            XCTAssertEqual(status, 404)
            XCTAssertTrue(message.contains("swarmtop-no-such-service"), message)
        }
    }
}
