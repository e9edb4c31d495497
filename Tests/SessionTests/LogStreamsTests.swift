import DockerAPI
import Foundation
@testable import Session
import Dashboard
import XCTest

final class LogStreamsTests: XCTestCase {
    /// A flood read faster than it is posted reaches the view as the newest `LogView.capacity`
    /// lines and the count of the older ones dropped, never as more than the view keeps.
    func testAFloodIsPostedAsTheNewestLinesAndTheCountDropped() async throws {
        let total = LogView.capacity * 2 + 17
        let lines = (0..<total).map { LogLine(message: "line \($0)") }
        let (stream, input) = AsyncThrowingStream.makeStream(of: [LogLine].self)
        input.yield(lines)
        input.finish()
        let posted = Batches()
        try await LogStreams.forward(stream, every: .milliseconds(1)) { batch, skipped in
            posted.append(batch, skipped)
        }
        let batches = posted.all
        XCTAssertEqual(batches.count, 1)
        XCTAssertEqual(batches.first?.0.count, LogView.capacity)
        XCTAssertEqual(batches.first?.skipped, total - LogView.capacity)
        XCTAssertEqual(batches.first?.0.first?.message, "line \(total - LogView.capacity)")
        XCTAssertEqual(batches.first?.0.last?.message, "line \(total - 1)")
    }

    /// Every line read is posted or counted as dropped, in order, whatever the batches.
    func testEveryLineIsPostedOrCountedInOrder() async throws {
        let (stream, input) = AsyncThrowingStream.makeStream(of: [LogLine].self)
        for n in 0..<50 { input.yield((0..<200).map { LogLine(message: "\(n * 200 + $0)") }) }
        input.finish()
        let posted = Batches()
        try await LogStreams.forward(stream, every: .milliseconds(1)) { batch, skipped in
            posted.append(batch, skipped)
        }
        let batches = posted.all
        XCTAssertEqual(batches.map { $0.0.count + $0.skipped }.reduce(0, +), 10_000)
        XCTAssertTrue(batches.allSatisfy { $0.0.count <= LogView.capacity })
        let numbers = batches.flatMap(\.0).compactMap { Int($0.message) }
        XCTAssertEqual(numbers, numbers.sorted())
        XCTAssertEqual(numbers.last, 9_999)
    }
}

/// The batches `forward` delivered, from its tasks.
private final class Batches: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [([LogLine], skipped: Int)] = []

    func append(_ lines: [LogLine], _ skipped: Int) {
        lock.withLock { batches.append((lines, skipped)) }
    }

    var all: [([LogLine], skipped: Int)] { lock.withLock { batches } }
}
