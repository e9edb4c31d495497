import Foundation
@testable import Dashboard
import LabFixtures
import SwarmState
import XCTest

/// The dashboard over a replay: its keys become requests to the feed, its timeline is in the
/// status line, panes read the snapshot as live, and nothing acts on a swarm.
final class ReplayReduceTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private let start = Date(timeIntervalSince1970: 1_795_950_000)

    /// The lab's captured snapshot in a replay 12:30 into a recording of 58:10, running at 2x.
    private func replaying() throws -> AppState {
        var state = AppState(endpoint: "unix:///run/swarmtop-lab/node1.sock", keymap: Keymap.standard.addingReplayKeys(),
                             timeZone: .utc, width: 100, height: 20)
        _ = reduce(&state, .replayStatus(ReplayStatus(position: 750, duration: 3490, paused: false, speed: 2, start: start)))
        _ = reduce(&state, .snapshot(try LabFixtures.snapshot()))
        return state
    }

    func testTheReplayKeysAskTheFeed() throws {
        var state = try replaying()
        XCTAssertEqual(state.press(.char(" ")), [.replay(.togglePause)])
        XCTAssertEqual(state.press(.char(".")), [.replay(.stepToNextChange)])
        XCTAssertEqual(state.press(.char("[")), [.replay(.move(by: -10))])
        XCTAssertEqual(state.press(.char("]")), [.replay(.move(by: 10))])
        XCTAssertEqual(state.press(.char("<")), [.replay(.slower)])
        XCTAssertEqual(state.press(.char(">")), [.replay(.faster)])
        state.press(.char(":"))
        XCTAssertEqual(state.type("seek 12:30") + state.press(.enter), [.replay(.seek(to: 750))])
        state.press(.char(":"))
        XCTAssertEqual(state.type("seek -5m") + state.press(.enter), [.replay(.move(by: -300))])
    }

    func testTheStatusLineShowsTheTimeline() throws {
        var state = try replaying()
        XCTAssertTrue(render(state, width: 100, height: 20, now: Date()).lines[19].hasPrefix("replay 12:30/58:10 2x  "),
                      render(state, width: 100, height: 20, now: Date()).lines[19])
        _ = reduce(&state, .replayStatus(ReplayStatus(position: 3725, duration: 7200, paused: true, speed: 1, start: start)))
        XCTAssertTrue(render(state, width: 100, height: 20, now: Date()).lines[19].hasPrefix("replay 1:02:05/2:00:00 paused 1x  "))
        _ = reduce(&state, .replayStatus(ReplayStatus(position: 7200, duration: 7200, paused: true, speed: 1, start: start)))
        XCTAssertTrue(render(state, width: 100, height: 20, now: Date()).lines[19].hasPrefix("replay 2:00:00/2:00:00 end  "))
    }

    func testAnOlderStatusArrivingLateIsIgnored() throws {
        var state = try replaying()
        _ = reduce(&state, .replayStatus(ReplayStatus(position: 0, duration: 3490, paused: true, speed: 1, start: start, revision: 8)))
        _ = reduce(&state, .replayStatus(ReplayStatus(position: 5, duration: 3490, paused: true, speed: 1, start: start, revision: 7)))
        XCTAssertEqual(state.replay?.position, 0)
    }

    func testTheHintsOfferTheReplayKeysAndNoAction() throws {
        var state = try replaying()
        state.press(.char("2"))
        let hints = render(state, width: 200, height: 20, now: Date()).lines[18]
        XCTAssertTrue(hints.contains("Space pause  . step  [ -10s  ] +10s  < slower  > faster"), hints)
        XCTAssertFalse(hints.contains("scale up"), hints)
    }

    func testAgesCountFromTheRecordedMoment() throws {
        var state = try replaying()
        state.press(.char("3"))
        let recorded = try LabFixtures.capturedAt()
        _ = reduce(&state, .replayStatus(ReplayStatus(position: 120, duration: 600, paused: true, speed: 1,
                                                      start: recorded.addingTimeInterval(-120 + 7200))))
        let screen = render(state, width: 100, height: 20, now: Date()).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("2 hours ago"), screen)
    }

    func testActionsAreRefusedWithAClearMessage() throws {
        var state = try replaying()
        state.press(.char("2"))
        XCTAssertEqual(state.press(.char("+"), .char("y")), [])
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.status?.text, "refused: + would scale up by one: this is a replay of a recording, no engine is asked")
        state.press(.char("4"))
        XCTAssertEqual(state.press(.char("r")), [])
        XCTAssertEqual(state.status?.text, "refused: r measures on an engine: this is a replay of a recording, no engine is asked")
        XCTAssertEqual(state.press(.char("l")), [])
        XCTAssertNil(state.logs)
        state.press(.char(":"))
        XCTAssertEqual(state.type("scale lab_web 3") + state.press(.enter), [])
        XCTAssertEqual(state.status?.text, "refused: :scale lab_web 3: this is a replay of a recording, no engine is asked")
        XCTAssertNil(state.dialog)
    }

    func testEveryKeyOfTheKeymapInAReplayChangesNoSwarm() throws {
        let keymap = Keymap.standard.addingReplayKeys()
        for pane in Pane.allCases {
            var state = try replaying()
            state.press(.char(pane.digit))
            for key in keymap.bindings.flatMap(\.keys) where key != .char("q") && key != .ctrl("c") && key != .char(":") && key != .char("/") {
                var each = state
                let effects = each.press(key, .char("y"), .enter)
                XCTAssertEqual(effects.filter { $0.changesSwarm || $0.logStream != nil }, [], "\(pane) \(key)")
                XCTAssertNil(each.dialog, "\(pane) \(key)")
            }
        }
    }

    func testSeekIsRefusedLiveAndABadTimeSaysHowToWriteOne() throws {
        var live = AppState.loaded()
        live.press(.char(":"))
        XCTAssertEqual(live.type("seek 1:00") + live.press(.enter), [])
        XCTAssertEqual(live.status?.text, "refused: :seek 1:00 seeks in a replay only (swarmtop replay FILE)")
        var state = try replaying()
        state.press(.char(":"))
        state.type("seek soon")
        state.press(.enter)
        XCTAssertEqual(state.prompt?.error, "usage: seek TIME (12:30, 1:02:03, 90, +5m, -30s, +1h)")
    }

    func testSeekTimes() {
        let cases: [(String, ReplayControl?)] = [("90", .seek(to: 90)), ("12:30", .seek(to: 750)), ("1:02:03", .seek(to: 3723)),
                                                 ("+5m", .move(by: 300)), ("-30s", .move(by: -30)), ("+1h", .move(by: 3600)),
                                                 ("+15", .move(by: 15)), ("1:2:3:4", nil), ("-", nil), ("x", nil), ("+inf", nil)]
        for (text, expected) in cases {
            XCTAssertEqual(try? SeekTime.parse(text).get(), expected, text)
        }
    }
}
