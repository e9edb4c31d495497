@testable import DockerAPI
import Foundation
import LabFixtures
import XCTest

/// `ContainerSummary` keeps its fields in a shared box, as `SwarmTask` does: a copy is one
/// reference, and still a value.
final class ContainerSummaryStorageTests: XCTestCase {
    func testACopyIsOneReference() {
        XCTAssertEqual(MemoryLayout<ContainerSummary>.size, MemoryLayout<UnsafeRawPointer>.size)
    }

    /// A change to a copy (the assembler sets the sizes of a list without them) leaves the
    /// original as it was.
    func testAChangedCopyLeavesTheOriginal() throws {
        let containers = try LabFixtures.decode([ContainerSummary].self, "shared/containers-size-node1.json")
        let original = try XCTUnwrap(containers.first { $0.sizeRw != nil && $0.serviceName != nil })
        var copy = original
        XCTAssertEqual(copy, original)
        copy.sizeRw = (original.sizeRw ?? 0) + 1
        copy.state = "exited"
        XCTAssertNotEqual(original.sizeRw, copy.sizeRw)
        XCTAssertNotEqual(original.state, "exited")
        XCTAssertEqual(copy.state, "exited")
        XCTAssertNotEqual(copy, original)
        XCTAssertEqual(copy.id, original.id, "the fields not changed are kept")
        XCTAssertEqual(copy.serviceName, original.serviceName)
        XCTAssertEqual(copy.name, original.name)
    }

    /// Two lists decoded apart (two boxes each) are equal and hash alike when their fields are.
    func testEqualityAndHashFollowTheFields() throws {
        let data = try LabFixtures.data("shared/containers-size-node1.json")
        let first = try EngineJSONDecoder.decode([ContainerSummary].self, from: data)
        let second = try EngineJSONDecoder.decode([ContainerSummary].self, from: data)
        XCTAssertFalse(first.isEmpty)
        XCTAssertEqual(first, second)
        XCTAssertEqual(Set(first), Set(second))
        XCTAssertEqual(first.map(\.hashValue), second.map(\.hashValue))
        var changed = second
        changed[0].sizeRootFs = (changed[0].sizeRootFs ?? 0) + 1
        XCTAssertNotEqual(first, changed)
    }
}
