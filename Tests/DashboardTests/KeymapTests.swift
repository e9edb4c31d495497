import XCTest
@testable import Dashboard

final class KeymapTests: XCTestCase {
    func testNoKeyHasTwoMeaningsInAnyContext() {
        for pane in Pane.allCases {
            for inDialog in [false, true] {
                var seen: [KeyEvent: String] = [:]
                for binding in Keymap.bindings where binding.applies(in: pane, inDialog: inDialog) {
                    for key in binding.keys {
                        XCTAssertNil(seen[key], "\(key.label) means both \(seen[key] ?? "") and \(binding.description) in \(pane)")
                        seen[key] = binding.description
                    }
                }
            }
        }
    }

    func testFilterSortAndCommandLineKeys() {
        for pane in Keymap.tablePanes {
            XCTAssertEqual(Keymap.binding(for: .char("/"), pane: pane, inDialog: false)?.command, .filter)
            XCTAssertEqual(Keymap.binding(for: .char("s"), pane: pane, inDialog: false)?.command, .sortByNextColumn)
            XCTAssertEqual(Keymap.binding(for: .char("S"), pane: pane, inDialog: false)?.command, .reverseSort)
        }
        XCTAssertNil(Keymap.binding(for: .char("/"), pane: .placement, inDialog: false))
        XCTAssertEqual(Keymap.binding(for: .char(":"), pane: .placement, inDialog: false)?.command, .commandLine)
        XCTAssertNil(Keymap.binding(for: .char(":"), pane: .services, inDialog: true))
    }

    func testActionsAreTheDangerousBindings() {
        let dangerous = Set(Keymap.bindings.filter(\.dangerous).map(\.command))
        XCTAssertEqual(dangerous, [.scaleUp, .scaleDown, .setReplicas, .undoScale, .stopContainer, .restartContainer, .removeStack,
                                   .stopOrStartStack, .rollback, .forceUpdate, .setAvailability(.active), .setAvailability(.pause),
                                   .setAvailability(.drain)])
    }

    func testDispatchFollowsScopes() {
        XCTAssertEqual(Keymap.binding(for: .char("+"), pane: .services, inDialog: false)?.command, .scaleUp)
        XCTAssertNil(Keymap.binding(for: .char("+"), pane: .nodes, inDialog: false))
        XCTAssertEqual(Keymap.binding(for: .char("x"), pane: .tasks, inDialog: false)?.command, .stopContainer)
        XCTAssertEqual(Keymap.binding(for: .enter, pane: .services, inDialog: false)?.command, .drillDown)
        XCTAssertEqual(Keymap.binding(for: .enter, pane: .services, inDialog: true)?.command, .confirm)
        XCTAssertEqual(Keymap.binding(for: .escape, pane: .tasks, inDialog: true)?.command, .cancel)
        XCTAssertEqual(Keymap.binding(for: .ctrl("c"), pane: .tasks, inDialog: true)?.command, .quit)
        XCTAssertNil(Keymap.binding(for: .char("q"), pane: .tasks, inDialog: true))
        XCTAssertEqual(Keymap.binding(for: .char("4"), pane: .nodes, inDialog: false)?.command, .showPane(.containers))
    }

    func testHintsComeFromTheKeymap() {
        let labels = { (hints: [KeyBinding]) in hints.map { "\($0.label) \($0.hint!)" } }
        XCTAssertEqual(labels(Keymap.hints(pane: .services, inDialog: false, canGoBack: false, readOnly: false)),
                       ["q quit", "? help", "Enter open", "+ scale up", "- scale down", "= replicas", "D remove stack", "X stop/start stack",
                        "/ filter", "s sort", ": command"])
        XCTAssertEqual(labels(Keymap.hints(pane: .services, inDialog: false, canGoBack: true, readOnly: true)),
                       ["q quit", "? help", "Enter open", "Esc back", "/ filter", "s sort", ": command"])
        XCTAssertEqual(labels(Keymap.hints(pane: .placement, inDialog: false, canGoBack: false, readOnly: false)),
                       ["q quit", "? help", "← prev node", "→ next node", ": command"])
        XCTAssertEqual(labels(Keymap.hints(pane: .tasks, inDialog: true, canGoBack: true, readOnly: false)),
                       ["y/Enter confirm", "n/Esc cancel"])
    }

    func testKeyLabels() {
        XCTAssertEqual(KeyEvent.ctrl("c").label, "Ctrl-C")
        XCTAssertEqual(KeyEvent.backTab.label, "Shift-Tab")
        XCTAssertEqual(KeyEvent.function(5).label, "F5")
        XCTAssertEqual(Keymap.bindings.first { $0.command == .moveDown }?.label, "j/↓")
    }
}
