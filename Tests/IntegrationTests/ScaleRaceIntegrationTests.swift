import DockerAPI
import Foundation
import XCTest

/// A confirmed change applies to the state its dialog showed: when another writer changed the
/// count (or the availability) in between, the change is refused, saying what changed, and the
/// other writer's value stays.
final class ScaleRaceIntegrationTests: XCTestCase {
    private let image = "swarmtop-lab/busybox:1"

    func testAScaleWhoseServiceWasScaledByAnotherWriterIsRefused() async throws {
        let name = "hstack-scale-race"
        Lab.removeService(name)
        try Lab.docker(["service", "create", "--detach", "--name", name, "--replicas", "1", image, "sh", "-c", "while true; do sleep 3600; done"])
        defer { Lab.removeService(name) }
        // The dialog showed 1 → 2; another writer scales to 3 before the confirmed scale runs.
        try Lab.docker(["service", "scale", "--detach", "\(name)=3"])
        let client = try Lab.manager()
        defer { Task { await client.shutdown() } }
        do {
            try await client.scaleService(id: name, from: 1, to: 2)
            XCTFail("the scale overwrote the other writer's count")
        } catch {
            XCTAssertEqual("\(error)", "\(name) has 3 replicas now, not 1 as the dialog showed: changed meanwhile, so nothing was done")
        }
        XCTAssertEqual(try Lab.docker(["service", "inspect", "--format", "{{.Spec.Mode.Replicated.Replicas}}", name]), "3")
    }

    /// Another writer's scale that lands between swarmtop's read and write makes the write stale
    /// ("update out of sequence"); the retry reads the other writer's count and stops there.
    func testAScaleRetriedAfterAnotherWritersScaleStopsThere() async throws {
        let name = "hstack-scale-retry"
        Lab.removeService(name)
        try Lab.docker(["service", "create", "--detach", "--name", name, "--replicas", "1", image, "sh", "-c", "while true; do sleep 3600; done"])
        defer { Lab.removeService(name) }
        let client = try Lab.manager()
        defer { Task { await client.shutdown() } }
        let attempts = Captured(0)
        do {
            try await client.updateService(id: name) { spec in
                attempts.value += 1
                if attempts.value == 1 { try? Lab.docker(["service", "scale", "--detach", "\(name)=3"]) }
                try ServiceSpecEditor.scale(&spec, from: 1, to: 2)
            }
            XCTFail("the retried scale overwrote the other writer's count")
        } catch {
            XCTAssertEqual("\(error)", "\(name) has 3 replicas now, not 1 as the dialog showed: changed meanwhile, so nothing was done")
        }
        XCTAssertEqual(attempts.value, 2, "the stale write was not retried")
        XCTAssertEqual(try Lab.docker(["service", "inspect", "--format", "{{.Spec.Mode.Replicated.Replicas}}", name]), "3")
    }

    /// The availability the dialog showed is checked the same way; a refusal changes nothing.
    func testANodeWhoseAvailabilityChangedIsLeftAlone() async throws {
        let availability = { try Lab.docker(["node", "inspect", "--format", "{{.Spec.Availability}}", "node1"]) }
        let before = try availability()
        let shown = before == "pause" ? "active" : "pause"
        let client = try Lab.manager()
        defer { Task { await client.shutdown() } }
        do {
            try await client.setNodeAvailability(id: "node1", from: shown, to: .drain)
            XCTFail("node1 was drained from an availability it did not have")
        } catch {
            XCTAssertEqual("\(error)", "node node1 is \(before) now, not \(shown) as the dialog showed: changed meanwhile, so nothing was done")
        }
        XCTAssertEqual(try availability(), before)
    }
}
