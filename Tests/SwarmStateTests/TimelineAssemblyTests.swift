import Foundation
import LabFixtures
import SwarmState
import XCTest

/// The snapshot assembler keeps the timeline: the captured lab story fed to it as the refresh
/// engine feeds it (each step's answers then `.roundEnd`, the events between, in time order).
final class TimelineAssemblyTests: XCTestCase {
    func testTheAssemblersSnapshotCarriesTheTimelineOfWhatItWasTold() throws {
        var assembler = SnapshotAssembler(endpoint: "unix:///run/swarmtop-lab/node1.sock")
        var observations = try LabFixtures.timelineEvents()
        for step in LabFixtures.timelineSteps { observations += try LabFixtures.timelineAnswers(step) }
        let ordered = observations.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        var changedByEvents = 0
        for observation in ordered {
            let changed = assembler.apply(observation)
            if case .event = observation.content, changed { changedByEvents += 1 }
        }
        let lines = assembler.snapshot.timeline.map { "\($0.object.type) \($0.object.name) \($0.message)" }
        XCTAssertEqual(lines.filter { $0 == "service htl_web scaled 1 -> 3" }.count, 1, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("task htl_crash.1 failed: task: non-zero exit (3)"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("stack htl removed"), lines.joined(separator: "\n"))
        XCTAssertFalse(lines.contains { $0.hasPrefix("service lab_") && $0.hasSuffix(" created") }, "the first answers add no history")
        XCTAssertGreaterThan(changedByEvents, 0, "an event that adds an entry publishes a snapshot")
    }
}
