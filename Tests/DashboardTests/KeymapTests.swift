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

    func testKeysLeftFreeForLaterWork() {
        for c: Character in ["s", ":"] {
            XCTAssertFalse(Keymap.bindings.contains { $0.keys.contains(.char(c)) }, "\(c) is bound")
        }
        XCTAssertEqual(Keymap.bindings.filter { $0.keys.contains(.char("/")) }.map(\.scope), [.logs], "/ is bound outside the log view")
    }

    /// In the log view its own keys win (`q` and Esc close it), global keys move and help, and
    /// no pane key or action on the swarm applies.
    func testTheLogViewsKeys() {
        for pane in Pane.allCases {
            let command = { (key: KeyEvent) in Keymap.binding(for: key, pane: pane, inDialog: false, inLogs: true)?.command }
            XCTAssertEqual(command(.char("q")), .closeLogs)
            XCTAssertEqual(command(.escape), .closeLogs)
            XCTAssertEqual(command(.char("j")), .moveDown)
            XCTAssertEqual(command(.char("?")), .toggleHelp)
            XCTAssertEqual(command(.char("/")), .searchLogs)
            XCTAssertNil(command(.char("u")))
            XCTAssertNil(command(.char("x")))
            XCTAssertNil(command(.char("l")))
            XCTAssertEqual(Keymap.hints(pane: pane, inDialog: false, canGoBack: true, readOnly: false, inLogs: true).map(\.label),
                           ["?", "/", "n", "t", "w", "q/Esc"])
        }
        XCTAssertNil(Keymap.binding(for: .char("t"), pane: .services, inDialog: false))
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
                       ["q quit", "? help", "Enter open", "+ scale up", "- scale down", "= replicas", "D remove stack", "X stop/start stack", "l logs"])
        XCTAssertEqual(labels(Keymap.hints(pane: .services, inDialog: false, canGoBack: true, readOnly: true)),
                       ["q quit", "? help", "Enter open", "Esc back", "l logs"])
        XCTAssertEqual(labels(Keymap.hints(pane: .placement, inDialog: false, canGoBack: false, readOnly: false)),
                       ["q quit", "? help", "← prev node", "→ next node", "l logs"])
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
