@testable import DockerAPI
import Foundation
import LabFixtures
import NIOCore
import XCTest

/// An answer's parts, gathered into one body as they came, within the limit.
final class BodyCollectorTests: XCTestCase {
    /// A captured `/tasks` cut into parts as a connection delivers them (up to 64 kB each, and
    /// some tiny): the body is those bytes, in order, however they were cut.
    func testThePartsMakeTheBody() throws {
        let tasks = try LabFixtures.data("tasks.json")
        for sizes in [[tasks.count], [1, 2, 3, 65_536], [7], [65_536, 1]] {
            var collector = BodyCollector(limit: 1 << 20)
            var offset = 0
            var turn = 0
            while offset < tasks.count {
                let size = min(sizes[turn % sizes.count], tasks.count - offset)
                try collector.append(ByteBuffer(bytes: tasks[offset..<offset + size]))
                offset += size
                turn += 1
            }
            XCTAssertEqual(collector.count, tasks.count)
            XCTAssertEqual(collector.finish(), tasks, "parts of \(sizes)")
        }
    }

    func testNothingIsAnEmptyBody() throws {
        var collector = BodyCollector(limit: 10)
        try collector.append(ByteBuffer())
        XCTAssertEqual(collector.finish(), Data())
    }

    func testABodyPastTheLimitThrows() throws {
        var collector = BodyCollector(limit: 10)
        try collector.append(ByteBuffer(string: "0123456789"))
        XCTAssertThrowsError(try collector.append(ByteBuffer(string: "x"))) { error in
            XCTAssertEqual((error as? NIOTooManyBytesError)?.maxBytes, 10)
        }
        collector.discard()
        XCTAssertEqual(collector.count, 0)
    }
}
