import DockerAPI
import Foundation
import XCTest

/// swarmtop's remove stack against `docker stack rm`: two identical stacks, one removed each way,
/// leave the same objects behind (their volumes, which both keep).
final class StackRemovalComparisonTests: XCTestCase {
    private let image = "swarmtop-lab/busybox:1"

    private func compose(_ dir: URL) throws -> URL {
        try Data("s3cret\n".utf8).write(to: dir.appendingPathComponent("secret.txt"))
        try Data("setting=1\n".utf8).write(to: dir.appendingPathComponent("config.txt"))
        let file = dir.appendingPathComponent("stack.yml")
        try Data("""
        version: "3.8"
        services:
          app:
            image: \(image)
            command: ["sh", "-c", "while true; do sleep 3600; done"]
            networks: [back, front]
            secrets: [token]
            configs: [settings]
            volumes: ["data:/data"]
            deploy: {replicas: 2}
          other:
            image: \(image)
            command: ["sh", "-c", "while true; do sleep 3600; done"]
            networks: [back]
            deploy: {mode: global}
        networks:
          back: {}
          front: {}
        volumes:
          data: {}
        secrets:
          token:
            file: ./secret.txt
        configs:
          settings:
            file: ./config.txt
        """.utf8).write(to: file)
        return file
    }

    /// What is left of `stack` anywhere in the lab, with the stack's name replaced by `STACK`:
    /// services, secrets, configs and networks on the manager, volumes on every node.
    private func leftovers(_ stack: String) throws -> [String] {
        let label = "label=com.docker.stack.namespace=\(stack)"
        var left: [String] = []
        for kind in ["service", "secret", "config", "network"] {
            left += try Lab.docker([kind, "ls", "--format", "{{.Name}}", "--filter", label]).split(separator: "\n").map { "\(kind) \($0)" }
        }
        for (hostname, url) in try Lab.nodeURLs() {
            left += try Lab.docker(["volume", "ls", "--format", "{{.Name}}", "--filter", label], host: url)
                .split(separator: "\n").map { "volume \($0) on \(hostname)" }
        }
        return left.map { $0.replacingOccurrences(of: stack, with: "STACK") }.sorted()
    }

    /// Removes whatever is left of `stack`, volumes included (once their containers are gone).
    private func clean(_ stack: String) {
        _ = try? Lab.docker(["stack", "rm", stack])
        for _ in 0..<60 {
            var left = false
            for (_, url) in (try? Lab.nodeURLs()) ?? [] {
                let volumes = (try? Lab.docker(["volume", "ls", "-q", "--filter", "label=com.docker.stack.namespace=\(stack)"], host: url)) ?? ""
                for v in volumes.split(separator: "\n") where (try? Lab.docker(["volume", "rm", String(v)], host: url)) == nil { left = true }
            }
            if !left { return }
            Thread.sleep(forTimeInterval: 0.5)
        }
    }

    func testRemoveStackLeavesWhatDockerStackRmLeaves() async throws {
        let (mine, theirs) = ("swarmtopitrma", "swarmtopitrmb")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swarmtop-it-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try compose(dir)
        defer { clean(mine); clean(theirs) }
        for stack in [mine, theirs] {
            try Lab.docker(["stack", "deploy", "-c", file.path, stack])
        }
        for stack in [mine, theirs] {
            try Lab.eventually(90, "\(stack)_app running 2/2 (its volumes exist)") {
                try Lab.docker(["service", "ls", "--filter", "name=\(stack)_app", "--format", "{{.Replicas}}"]) == "2/2"
            }
        }
        XCTAssertEqual(try leftovers(mine), try leftovers(theirs), "the two stacks differ before removal")

        let client = try Lab.manager()
        let removal = try await client.removeStack(client.stackContents(mine))
        await client.shutdown()
        XCTAssertEqual(removal.failures, [])
        XCTAssertEqual(removal.networks.sorted(), ["\(mine)_back", "\(mine)_front"])

        try Lab.docker(["stack", "rm", theirs])
        // The CLI gives up on a network still used by draining tasks; a person runs it again.
        try Lab.eventually(60, "docker stack rm \(theirs) removed its networks") {
            if try Lab.docker(["network", "ls", "-q", "--filter", "label=com.docker.stack.namespace=\(theirs)"]).isEmpty { return true }
            _ = try? Lab.docker(["stack", "rm", theirs])
            return false
        }
        // A node that ran the stack's tasks keeps its copy of an overlay network until those
        // tasks' containers are gone: wait for that (doing nothing more) before comparing.
        try Lab.eventually(60, "the networks swarmtop removed are gone from every listing") {
            try Lab.docker(["network", "ls", "-q", "--filter", "label=com.docker.stack.namespace=\(mine)"]).isEmpty
        }
        let left = try leftovers(mine)
        XCTAssertEqual(left, try leftovers(theirs))
        XCTAssertFalse(left.isEmpty, "volumes are kept by both")
        XCTAssertTrue(left.allSatisfy { $0.hasPrefix("volume STACK_data on ") }, "\(left)")
    }
}
