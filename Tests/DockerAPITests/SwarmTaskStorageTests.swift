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
}
