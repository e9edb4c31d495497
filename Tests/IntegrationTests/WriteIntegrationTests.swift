import DockerAPI
import Foundation
import XCTest

/// The actions against the real lab: scale, stop a container, remove a stack, each checked
/// with the docker CLI afterwards. Each test makes its own objects and removes them.
final class WriteIntegrationTests: XCTestCase {
    private let image = "swarmtop-lab/busybox:1"

    /// A service with every spec field the lab can set (env, labels, mounts, resources, restart
    /// and update policies, placement, healthcheck, networks, ports, secrets, configs), so that a
    /// lost field would show in the comparison.
    private func createRichService(_ name: String, replicas: Int) throws {
        removeRichService(name)
        try Lab.docker(["network", "create", "--driver", "overlay", "--label", "owner=swarmtop-it", "\(name)-net"])
        try Lab.docker(["secret", "create", "--label", "owner=swarmtop-it", "\(name)-secret", "-"], stdin: "s3cret")
        try Lab.docker(["config", "create", "--label", "owner=swarmtop-it", "\(name)-config", "-"], stdin: "setting=1")
        try Lab.docker([
            "service", "create", "--detach", "--name", name, "--replicas", String(replicas),
            "--env", "GREETING=hello", "--label", "team=ops", "--container-label", "tier=it",
            "--limit-cpu", "0.1", "--limit-memory", "32M", "--reserve-memory", "8M",
            "--restart-condition", "on-failure", "--restart-max-attempts", "3",
            "--update-parallelism", "2", "--update-delay", "3s", "--update-order", "start-first",
            "--rollback-parallelism", "1", "--rollback-order", "stop-first",
            "--constraint", "node.role!=nope", "--placement-pref", "spread=node.id",
            "--health-cmd", "true", "--health-interval", "1s", "--health-retries", "2", "--health-start-period", "1s",
            "--mount", "type=tmpfs,destination=/scratch",
            "--network", "\(name)-net", "--publish", "published=18931,target=80",
            "--secret", "source=\(name)-secret,target=token,mode=0400",
            "--config", "source=\(name)-config,target=/etc/setting",
            "--stop-grace-period", "2s", "--hostname", "rich-{{.Task.Slot}}", "--dns-option", "ndots:2",
            image, "sh", "-c", "while true; do sleep 3600; done",
        ])
    }

    /// Removes the service, then its network (retried while its tasks drain), secret and config.
    private func removeRichService(_ name: String) {
        _ = try? Lab.docker(["service", "rm", name])
        _ = try? Lab.docker(["secret", "rm", "\(name)-secret"])
        _ = try? Lab.docker(["config", "rm", "\(name)-config"])
        for _ in 0..<60 {
            do {
                try Lab.docker(["network", "rm", "\(name)-net"])
                return
            } catch {
                if "\(error)".contains("not found") { return }
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
    }


    private func specJSON(_ name: String) throws -> [String: Any] {
        let raw = try Lab.docker(["service", "inspect", "--format", "{{json .Spec}}", name])
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: Any])
    }

    func testScaleChangesOnlyTheReplicaCountAndRestartsNoTask() async throws {
        let name = "swarmtop-it-scale"
        try createRichService(name, replicas: 1)
        defer { removeRichService(name) }
        try Lab.eventually(60, "\(name) running 1/1") {
            try Lab.docker(["service", "ls", "--filter", "name=\(name)", "--format", "{{.Replicas}}"]) == "1/1"
        }
        let before = try specJSON(name)
        let firstTask = try Lab.docker(["service", "ps", "-q", "--filter", "desired-state=running", name])

        let template = before["TaskTemplate"] as? [String: Any]
        let container = template?["ContainerSpec"] as? [String: Any]
        XCTAssertNotNil(before["EndpointSpec"], "the rich service publishes no port")
        XCTAssertNotNil(template?["Networks"], "the rich service joins no network")
        for field in ["Secrets", "Configs", "Healthcheck", "Mounts", "Env", "Hostname", "DNSConfig"] {
            XCTAssertNotNil(container?[field], "the rich service lacks \(field): the comparison would not cover it")
        }

        let client = try Lab.manager()
        try await client.scaleService(id: name, from: 1, to: 2)
        await client.shutdown()

        var after = try specJSON(name)
        let mode = after["Mode"] as? [String: Any]
        XCTAssertEqual((mode?["Replicated"] as? [String: Any])?["Replicas"] as? Int, 2)
        // Everything but the count is what it was.
        after["Mode"] = before["Mode"]
        XCTAssertEqual(NSDictionary(dictionary: after), NSDictionary(dictionary: before))
        try Lab.eventually(60, "\(name) running 2/2") {
            try Lab.docker(["service", "ls", "--filter", "name=\(name)", "--format", "{{.Replicas}}"]) == "2/2"
        }
        let running = try Lab.docker(["service", "ps", "-q", "--filter", "desired-state=running", name])
        XCTAssertTrue(running.contains(firstTask), "the first task was replaced: \(running)")
    }

    func testScalingAGlobalServiceIsRefusedAndChangesNothing() async throws {
        let client = try Lab.manager()
        defer { Task { await client.shutdown() } }
        let before = try Lab.docker(["service", "inspect", "--format", "{{.Version.Index}}", "lab_agent"])
        do {
            try await client.scaleService(id: "lab_agent", from: 1, to: 3)
            XCTFail("a global service was scaled")
        } catch let e as ServiceSpecEditor.EditError {
            XCTAssertEqual(e, .notReplicated(mode: "global"))
        }
        XCTAssertEqual(try Lab.docker(["service", "inspect", "--format", "{{.Version.Index}}", "lab_agent"]), before)
    }

    func testStopAContainerThroughTheEngineOfItsNode() async throws {
        let name = "swarmtop-it-stop"
        try? Lab.docker(["service", "rm", name])
        try Lab.docker(["service", "create", "--detach", "--name", name, "--constraint", "node.hostname==node2",
                        image, "sh", "-c", "while true; do sleep 3600; done"])
        defer { Lab.removeService(name) }
        let node2 = try XCTUnwrap(try Lab.nodeURLs().first { $0.0 == "node2" }?.1)
        var containerID = ""
        try Lab.eventually(60, "a running container of \(name) on node2") {
            containerID = try Lab.docker(["ps", "-q", "--no-trunc", "--filter", "label=com.docker.swarm.service.name=\(name)"], host: node2)
            return !containerID.isEmpty && !containerID.contains("\n")
        }
        let client = try Lab.node("node2")
        try await client.stopContainer(id: containerID, graceSeconds: 1)
        await client.shutdown()
        let state = try Lab.docker(["inspect", "--format", "{{.State.Status}}", containerID], host: node2)
        XCTAssertEqual(state, "exited")
        // Swarm replaces the stopped task's container with a new task.
        try Lab.eventually(60, "a replacement task of \(name)") {
            let ps = try Lab.docker(["service", "ps", "--format", "{{.DesiredState}}", name]).split(separator: "\n")
            return ps.count >= 2 && ps.contains("Running")
        }
    }

    func testRemoveStackRemovesItsServicesSecretsConfigsAndNetworks() async throws {
        let stack = "swarmtopit"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swarmtop-it-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("s3cret\n".utf8).write(to: dir.appendingPathComponent("secret.txt"))
        try Data("setting=1\n".utf8).write(to: dir.appendingPathComponent("config.txt"))
        let compose = """
        version: "3.8"
        services:
          app:
            image: \(image)
            command: ["sh", "-c", "while true; do sleep 3600; done"]
            networks: [back]
            secrets: [token]
            configs: [settings]
          other:
            image: \(image)
            command: ["sh", "-c", "while true; do sleep 3600; done"]
            networks: [back]
        networks:
          back: {}
        secrets:
          token:
            file: ./secret.txt
        configs:
          settings:
            file: ./config.txt
        """
        let file = dir.appendingPathComponent("stack.yml")
        try Data(compose.utf8).write(to: file)
        try Lab.docker(["stack", "deploy", "-c", file.path, stack])
        defer { try? Lab.docker(["stack", "rm", stack]) }
        try Lab.eventually(60, "\(stack) deployed") {
            try Lab.docker(["stack", "services", "-q", stack]).split(separator: "\n").count == 2
        }

        let client = try Lab.manager()
        let removal = try await client.removeStack(client.stackContents(stack))
        await client.shutdown()
        XCTAssertEqual(removal.services, ["\(stack)_app", "\(stack)_other"])
        XCTAssertEqual(removal.secrets, ["\(stack)_token"])
        XCTAssertEqual(removal.configs, ["\(stack)_settings"])
        XCTAssertEqual(removal.networks, ["\(stack)_back"])
        XCTAssertEqual(removal.failures, [])
        let label = "label=com.docker.stack.namespace=\(stack)"
        for kind in ["service", "secret", "config", "network"] {
            XCTAssertEqual(try Lab.docker([kind, "ls", "-q", "--filter", label]), "", "\(kind)s left in \(stack)")
        }
    }

    func testRemovingAStackThatDoesNotExistSaysSo() async throws {
        let client = try Lab.manager()
        defer { Task { await client.shutdown() } }
        do {
            _ = try await client.removeStack(client.stackContents("swarmtop-no-such-stack"))
            XCTFail("removed a stack that does not exist")
        } catch let DockerError.api(status, message) {
            XCTAssertEqual(status, 404)
            XCTAssertEqual(message, "nothing found in stack: swarmtop-no-such-stack")
        }
    }
}
