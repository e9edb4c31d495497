import Actions
import Session
import SwarmState
import XCTest

final class SwarmSessionTests: XCTestCase {
    private func offline(_ feed: StubFeed, _ endpoint: String) -> SwarmSource {
        SwarmSource(offline: feed, reason: "replay", endpoint: endpoint)
    }

    func testASessionPublishesItsFeedsSnapshots() async throws {
        let published = Published()
        let session = SwarmSession(offline(StubFeed([ClusterSnapshot(endpoint: "a1"), ClusterSnapshot(endpoint: "a2")]), "a"),
                                   open: nil, publish: published.publish)
        var snapshots = published.snapshots.makeAsyncIterator()
        let first = await snapshots.next()
        let second = await snapshots.next()
        XCTAssertEqual([first?.endpoint, second?.endpoint], ["a1", "a2"])
        await session.shutdown()
    }

    func testASwitchEndsTheOldFeedAndPublishesTheNewOnes() async throws {
        let published = Published()
        let old = StubFeed([ClusterSnapshot(endpoint: "old")])
        let new = StubFeed([ClusterSnapshot(endpoint: "new")])
        let session = SwarmSession(offline(old, "old"), open: { name in
            (SwarmSource(offline: new, reason: "replay", endpoint: name), status: "\(name) (context)")
        }, publish: published.publish)
        var snapshots = published.snapshots.makeAsyncIterator()
        let before = await snapshots.next()
        XCTAssertEqual(before?.endpoint, "old")
        let status = try await session.switchTo(context: "prod")
        XCTAssertEqual(status, "prod (context)")
        let oldEnded = await old.ended
        XCTAssertTrue(oldEnded, "the old feed's run was cancelled and awaited")
        XCTAssertEqual(session.current.source.recorder.endpoint, "prod")
        let after = await snapshots.next()
        XCTAssertEqual(after?.endpoint, "new")
        await session.shutdown()
    }

    func testASessionWithNothingToOpenRefusesASwitch() async throws {
        let session = SwarmSession(offline(StubFeed(), "a"), open: nil) { _ in }
        do {
            _ = try await session.switchTo(context: "prod")
            XCTFail("switched")
        } catch {
            XCTAssertEqual("\(error)", "this session watches one swarm only (a replay, or a recording: one swarm per file)")
        }
        await session.shutdown()
    }
}
