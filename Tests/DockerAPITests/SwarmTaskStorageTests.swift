@testable import DockerAPI
import Foundation
import LabFixtures
import XCTest

/// `SwarmTask` keeps its fields in a shared box: a copy is one reference, and still a value.
final class SwarmTaskStorageTests: XCTestCase {
    func testACopyIsOneReference() {
        XCTAssertEqual(MemoryLayout<SwarmTask>.size, MemoryLayout<UnsafeRawPointer>.size)
    }

    /// A change to a copy leaves the original as it was, down to a nested field.
    func testAChangedCopyLeavesTheOriginal() throws {
        let tasks = try LabFixtures.decode([SwarmTask].self, "tasks.json")
        let original = try XCTUnwrap(tasks.first { $0.status?.state == "running" })
        var copy = original
        XCTAssertEqual(copy, original)
        copy.status?.state = "failed"
        copy.slot = 99
        XCTAssertEqual(original.status?.state, "running")
        XCTAssertNotEqual(original.slot, 99)
        XCTAssertEqual(copy.status?.state, "failed")
        XCTAssertEqual(copy.slot, 99)
        XCTAssertNotEqual(copy, original)
        XCTAssertEqual(copy.id, original.id, "the fields not changed are kept")
    }

    /// Two tasks decoded apart (two boxes) are equal and hash alike when their fields are; the
    /// encoded task decodes to the same task.
    func testEqualityHashAndCodingFollowTheFields() throws {
        let data = try LabFixtures.data("tasks.json")
        let first = try EngineJSONDecoder.decode([SwarmTask].self, from: data)
        let second = try EngineJSONDecoder.decode([SwarmTask].self, from: data)
        XCTAssertEqual(first, second)
        XCTAssertEqual(Set(first), Set(second))
        XCTAssertEqual(first.map(\.hashValue), second.map(\.hashValue))
        let encoded = try JSONEncoder().encode(first)
        XCTAssertEqual(try JSONDecoder().decode([SwarmTask].self, from: encoded), first)
        XCTAssertTrue(String(decoding: encoded, as: UTF8.self).contains("\"ServiceID\""), "the Engine API's member names")
    }

    /// The tasks of a service hold its template once (`sharingSpecs`), `known`'s box first; the
    /// tasks are the same values as before.
    func testEqualSpecsOfAServiceShareOneBoxAndChangeNoTask() throws {
        let data = try LabFixtures.data("tasks.json")
        let decoded = try EngineJSONDecoder.decode([SwarmTask].self, from: data)
        let shared = SwarmTask.sharingSpecs(decoded, with: [])
        XCTAssertEqual(shared, decoded)
        var pairs = 0
        for (i, a) in shared.enumerated() {
            for b in shared[(i + 1)...] where a.serviceID == b.serviceID && a.spec != nil && a.spec == b.spec {
                XCTAssertTrue(a.sharesSpec(with: b), "\(a.id) and \(b.id)")
                XCTAssertFalse(decoded[i].sharesSpec(with: decoded[shared.firstIndex(of: b)!]), "decoded apart: two boxes")
                pairs += 1
            }
        }
        XCTAssertGreaterThan(pairs, 10, "the lab's services have several tasks each")
        let again = SwarmTask.sharingSpecs(try EngineJSONDecoder.decode([SwarmTask].self, from: data), with: shared)
        XCTAssertEqual(again, decoded)
        for (task, known) in zip(again, shared) where task.spec != nil {
            XCTAssertTrue(task.sharesSpec(with: known), "\(task.id): the known box")
        }
    }
}
