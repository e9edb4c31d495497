import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// Read-only mode in the reducer, exhaustively: no key of the keymap, in any pane, on any row,
/// in the log view or not, and no spelling of a colon command that changes the swarm, opens a
/// dialog or returns an effect that changes the swarm.
final class ReadOnlyReduceTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private func lab() throws -> AppState {
        var state = AppState(endpoint: "unix:///lab.sock", readOnly: true, timeZone: .utc, width: 160, height: 45)
        _ = reduce(&state, .snapshot(try LabFixtures.snapshot()))
        return state
    }

    func testNoKeyOnAnyRowOfAnyPaneOpensADialogOrChangesTheSwarm() throws {
        let keys = Keymap.standard.bindings.flatMap(\.keys) + [.char("y"), .enter]
        for pane in Pane.allCases {
            var state = try lab()
            state.press(.char(pane.digit))
            let rows = max(1, state.table.rows.count, state.model.placement.map(\.cards.count).reduce(0, +))
            for row in 0..<min(rows, 40) {
                for logView in [false, true] {
                    var probe = state
                    if logView { probe.press(.char("l")) }
                    for key in keys where key != .char("q") && key != .ctrl("c") && key != .char(":") && key != .char("/") {
                        var each = probe
                        let effects = each.press(key, .char("y"), .enter)
                        XCTAssertEqual(effects.filter(\.changesSwarm), [], "\(pane) row \(row) \(key) (log view: \(logView))")
                        XCTAssertNil(each.dialog, "\(pane) row \(row) \(key) (log view: \(logView))")
                    }
                }
                state.press(pane == .placement && row % 4 == 3 ? .right : .down)
            }
        }
    }

    func testEverySpellingOfAColonCommandThatChangesTheSwarmIsRefused() throws {
        var state = try lab()
        let lines = ["scale lab_web 3", "scale web 3", "scale web=3", "sca web 3", "stack rm lab", "stack remove lab",
                     "stack down lab", "st rm lab", "scale lab_web 0"]
        for line in lines {
            state.press(.char(":"))
            state.type(line)
            XCTAssertEqual(state.press(.enter, .char("y"), .enter), [], line)
            XCTAssertNil(state.dialog, line)
            XCTAssertEqual(state.status?.text, "refused: :\(line) would change the swarm (--read-only)")
        }
    }
}
