import DockerAPI
import Foundation
import XCTest

/// A stack action acts on the objects its dialog listed, by ID, never on a name looked up
/// again: a decoy service whose stack label holds a JSON escape (`hstack_pro\u0064`) is its own
/// stack, and removing it leaves the stack `hstack_prod` alone.
final class StackDecoyIntegrationTests: XCTestCase {
    private let image = "swarmtop-lab/busybox:1"
    private let real = "hstack_prod"
    /// The decoy's label value: the characters `hstack_pro\u0064`, which a JSON decoder reads as `hstack_prod`.
    private let decoy = #"hstack_pro\u0064"#
    private let decoyService = "hstack-decoy"

    private func clean() {
        _ = try? Lab.docker(["stack", "rm", real])
        Lab.removeService(decoyService)
    }

    func testRemovingADecoyStackLeavesTheStackItImitates() async throws {
        clean()
        defer { clean() }
        try Lab.docker(["stack", "deploy", "-c", "-", real], stdin: """
        version: "3.8"
        services:
          app:
            image: \(image)
            command: ["sh", "-c", "while true; do sleep 3600; done"]
            deploy: {replicas: 1}
        """)
        try Lab.docker(["service", "create", "--detach", "--name", decoyService, "--label", "com.docker.stack.namespace=\(decoy)",
                        image, "sh", "-c", "while true; do sleep 3600; done"])
        XCTAssertEqual(try Lab.docker(["service", "inspect", "--format", "{{index .Spec.Labels \"com.docker.stack.namespace\"}}", decoyService]), decoy)

        // What the dialog lists for the decoy's stack: the decoy alone.
        let client = try Lab.manager()
        let contents = try await client.stackContents(decoy)
        XCTAssertEqual(contents[.services].map(\.name), [decoyService])
        XCTAssertEqual(contents[.networks], [])
        let removal = try await client.removeStack(contents)
        await client.shutdown()

        XCTAssertEqual(try Lab.docker(["service", "ls", "--format", "{{.Name}}", "--filter", "name=\(real)_app"]), "\(real)_app",
                       "removing the decoy removed the stack \(real)")
        XCTAssertEqual(removal.services, [decoyService])
        XCTAssertEqual(try Lab.docker(["service", "ls", "-q", "--filter", "name=\(decoyService)"]), "", "the decoy is still there")
    }

    /// Objects listed by the dialog but relabelled by another writer before the action runs are
    /// left alone and named, by remove and by stop alike.
    func testAnObjectRelabelledAfterTheDialogIsLeftAloneAndNamed() async throws {
        Lab.removeService(decoyService)
        defer { Lab.removeService(decoyService) }
        try Lab.docker(["service", "create", "--detach", "--name", decoyService, "--replicas", "1", "--label", "com.docker.stack.namespace=hstack_x",
                        image, "sh", "-c", "while true; do sleep 3600; done"])
        let client = try Lab.manager()
        defer { Task { await client.shutdown() } }
        let contents = try await client.stackContents("hstack_x")
        XCTAssertEqual(contents[.services].map(\.name), [decoyService])
        try Lab.docker(["service", "update", "--detach", "--label-add", "com.docker.stack.namespace=hstack_other", decoyService])

        let stopped = try await client.stopStack(contents)
        XCTAssertEqual(stopped.changed, [])
        XCTAssertEqual(stopped.skipped, ["\(decoyService) (now labelled com.docker.stack.namespace=hstack_other)"])
        let removal = try await client.removeStack(contents)
        XCTAssertEqual(removal.services, [])
        XCTAssertEqual(removal.skipped, ["service \(decoyService) (now labelled com.docker.stack.namespace=hstack_other)"])
        XCTAssertEqual(try Lab.docker(["service", "inspect", "--format", "{{.Spec.Mode.Replicated.Replicas}}", decoyService]), "1")
    }
}
