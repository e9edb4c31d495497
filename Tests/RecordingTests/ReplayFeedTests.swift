import Foundation
import LabFixtures
@testable import Recording
import SwarmState
import XCTest

/// A recording played through the snapshot assembler on a wall clock the test moves (no
/// sleeping): observations apply when the clock reaches them, seeking back rebuilds, a step
/// goes to the next change and pauses, speed scales the clock.
final class ReplayFeedTests: XCTestCase {
    private var path: String!
    private let start = Date(timeIntervalSince1970: 1_795_950_000)
    private let wall = WallClock(Date(timeIntervalSince1970: 2_000_000_000))
    private var allTasks = 0

    /// The lab's tasks at 2 s, the same list at 5 s, one task fewer at 10 s, the nodes at 20 s; the recording ends at 30 s.
    override func setUpWithError() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString).swarmrec.gz").path
        let tasks = try LabFixtures.data("tasks.json")
        var fewer = try XCTUnwrap(JSONArrayLayout(tasks))
        allTasks = fewer.elements.count
        fewer.elements.removeLast()
        let writer = try RecordingWriter(path: path, header: RecordingHeader(swarmtop: "0.1.0", endpoint: "unix:///lab.sock", start: start))
        for (t, path, body) in [(2.0, "/tasks", tasks), (5, "/tasks", tasks), (10, "/tasks", fewer.bytes), (20, "/nodes", try LabFixtures.data("nodes.json"))] {
            try writer.append(EngineObservation(.manager, .answer(path: path, body: body, took: nil), at: start.addingTimeInterval(t)))
        }
        try writer.append(EngineObservation(.manager, .apiVersion("1.41"), at: start.addingTimeInterval(30)))
        try writer.close()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: path)
    }

    private func feed() throws -> ReplayFeed {
        try ReplayFeed(path: path, wallClock: { [wall] in wall.now })
    }

    func testObservationsApplyWhenTheClockReachesThem() async throws {
        let feed = try feed()
        let status = await feed.status
        XCTAssertEqual(status.duration, 30)
        XCTAssertEqual(status.position, 0)
        wall.advance(3)
        await feed.advance()
        let tasks = await feed.current.tasks.count
        XCTAssertEqual(tasks, allTasks)
        wall.advance(8)
        await feed.advance()
        let fewer = await feed.current.tasks.count
        XCTAssertEqual(fewer, allTasks - 1)
        let position = await feed.status.position
        XCTAssertEqual(position, 11)
    }

    func testSeekingBackRebuildsTheSnapshotOfThatMoment() async throws {
        let feed = try feed()
        _ = await feed.control(.seek(to: 25))
        let late = await feed.current
        XCTAssertEqual(late.tasks.count, allTasks - 1)
        XCTAssertFalse(late.nodes.isEmpty)
        _ = await feed.control(.move(by: -20))
        let early = await feed.current
        XCTAssertEqual(early.tasks.count, allTasks)
        XCTAssertTrue(early.nodes.isEmpty, "the nodes came at 20 s")
        let status = await feed.status
        XCTAssertEqual(status.position, 5)
    }

    func testStepGoesToTheNextChangeAndPauses() async throws {
        let feed = try feed()
        var status = await feed.control(.stepToNextChange)
        XCTAssertEqual(status.position, 2)
        XCTAssertTrue(status.paused)
        status = await feed.control(.stepToNextChange)
        XCTAssertEqual(status.position, 10, "the same list at 5 s changes nothing")
        status = await feed.control(.stepToNextChange)
        XCTAssertEqual(status.position, 20)
        wall.advance(60)
        status = await feed.status
        XCTAssertEqual(status.position, 20, "paused")
    }

    func testSpeedScalesTheClock() async throws {
        let feed = try feed()
        _ = await feed.control(.faster)
        let status = await feed.control(.faster)
        XCTAssertEqual(status.speed, 5)
        wall.advance(3)
        let position = await feed.status.position
        XCTAssertEqual(position, 15)
    }

    func testADamagedRecordingIsRefusedWithItsLine() throws {
        let deflater = try GzipDeflater()
        let text = try String(decoding: RecordingHeader(swarmtop: "0.1.0", endpoint: "e", start: start).line(), as: UTF8.self)
            + #"{"kind":"delta","path":"/tasks","t":5}"# + "\n"
        _ = FileManager.default.createFile(atPath: path, contents: try deflater.compress(Data(text.utf8)) + deflater.finish())
        XCTAssertThrowsError(try feed()) { error in
            XCTAssertEqual("\(error)", "\(path!):2: a delta of /tasks without a previous array answer")
        }
    }
}

/// A wall clock the test moves.
final class WallClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date

    init(_ start: Date) {
        value = start
    }

    var now: Date { lock.withLock { value } }

    func advance(_ seconds: TimeInterval) {
        lock.withLock { value += seconds }
    }
}
