import XCTest
@testable import Dashboard

final class KeymapTests: XCTestCase {
    func testNoKeyHasTwoMeaningsInAnyContext() {
        XCTAssertNil(Keymap.standard.clash)
        XCTAssertEqual(Set(Keymap.standard.bindings.map(\.name)).count, Keymap.standard.bindings.count, "names are unique")
    }

    func testOverridesReplaceTheKeysOfABindingByName() throws {
        let keymap = try Keymap.standard.overriding(["scale_up": [.char("K")], "quit": [.char("Q"), .ctrl("q")]])
        XCTAssertEqual(keymap.binding(for: .char("K"), pane: .services, inDialog: false)?.command, .scaleUp)
        XCTAssertNil(keymap.binding(for: .char("+"), pane: .services, inDialog: false), "+ no longer scales")
        XCTAssertEqual(keymap.binding(for: .ctrl("q"), pane: .nodes, inDialog: false)?.command, .quit)
        XCTAssertEqual(keymap.hints(pane: .services, inDialog: false, canGoBack: false, readOnly: false).prefix(4).map(\.label),
                       ["Q/Ctrl-Q", "?", "Enter", "K"])
        var state = AppState(endpoint: "unix:///x.sock", keymap: keymap)
        _ = reduce(&state, .key(.char("q")))
        XCTAssertFalse(state.quit)
        _ = reduce(&state, .key(.char("Q")))
        XCTAssertTrue(state.quit)
    }

    func testOverridesThatClashOrNameNothingAreRefused() {
        XCTAssertThrowsError(try Keymap.standard.overriding(["scale_up": [.char("j")]])) { error in
            XCTAssertEqual(error as? KeymapError, KeymapError("j would mean both down and scale_up in the Services pane", bindings: ["down", "scale_up"]))
        }
        XCTAssertThrowsError(try Keymap.standard.overriding(["confirm": [.enter, .char("n")]])) { error in
            XCTAssertEqual((error as? KeymapError)?.description, "n would mean both confirm and cancel in a dialog")
        }
        XCTAssertThrowsError(try Keymap.standard.overriding(["scale": [.char("K")]])) { error in
            XCTAssertEqual((error as? KeymapError)?.bindings, ["scale"])
        }
        XCTAssertNoThrow(try Keymap.standard.overriding(["scale_up": [.char("a")]]), "a is the nodes pane's, + the services'")
        XCTAssertThrowsError(try Keymap.standard.overriding(["confirm": [.char("y")]])) { error in
            XCTAssertEqual((error as? KeymapError)?.description,
                           "confirm must keep Enter: a dialog where a name or a number is typed is answered with it")
        }
        XCTAssertThrowsError(try Keymap.standard.overriding(["cancel": [.char("n")]]))
        XCTAssertEqual(try Keymap.standard.overriding(["quit": [.char("Q"), .char("Q")]]).binding(for: .char("Q"), pane: .nodes, inDialog: false)?.label,
                       "Q", "a key listed twice counts once")
        XCTAssertEqual(try Keymap.standard.overriding(["quit": [.char(" ")]]).bindings.first?.label, "Space")
    }

    func testKeyNamesOfTheConfigFile() {
        XCTAssertEqual(KeyEvent(name: "K"), .char("K"))
        XCTAssertEqual(KeyEvent(name: "Ctrl-U"), .ctrl("u"))
        XCTAssertEqual(KeyEvent(name: "esc"), .escape)
        XCTAssertEqual(KeyEvent(name: "PgDn"), .pageDown)
        XCTAssertEqual(KeyEvent(name: "↓"), .down)
        XCTAssertEqual(KeyEvent(name: "F5"), .function(5))
        XCTAssertEqual(KeyEvent(name: "Space"), .char(" "))
        for bad in ["", " ", "Ctrl-", "Ctrl-1", "F13", "Hyper-K", "kk"] { XCTAssertNil(KeyEvent(name: bad), bad) }
        for binding in Keymap.standard.bindings {
            for key in binding.keys { XCTAssertEqual(KeyEvent(name: key.label), key, "help's label \(key.label) reads back") }
        }
    }

    func testFilterSortAndCommandLineKeys() {
        for pane in Keymap.tablePanes {
            XCTAssertEqual(Keymap.standard.binding(for: .char("/"), pane: pane, inDialog: false)?.command, .filter)
            XCTAssertEqual(Keymap.standard.binding(for: .char("s"), pane: pane, inDialog: false)?.command, .sortByNextColumn)
            XCTAssertEqual(Keymap.standard.binding(for: .char("S"), pane: pane, inDialog: false)?.command, .reverseSort)
        }
        XCTAssertNil(Keymap.standard.binding(for: .char("/"), pane: .placement, inDialog: false))
        XCTAssertEqual(Keymap.standard.binding(for: .char(":"), pane: .placement, inDialog: false)?.command, .commandLine)
        XCTAssertNil(Keymap.standard.binding(for: .char(":"), pane: .services, inDialog: true))
        XCTAssertEqual(Keymap.standard.binding(for: .char("/"), pane: .tasks, inDialog: false, inLogs: true)?.command, .searchLogs)
    }

    /// In the log view its own keys win (`q` and Esc close it), global keys move and help, and
    /// no pane key or action on the swarm applies.
    func testTheLogViewsKeys() {
        for pane in Pane.allCases {
            let command = { (key: KeyEvent) in Keymap.standard.binding(for: key, pane: pane, inDialog: false, inLogs: true)?.command }
            XCTAssertEqual(command(.char("q")), .closeLogs)
            XCTAssertEqual(command(.escape), .closeLogs)
            XCTAssertEqual(command(.char("j")), .moveDown)
            XCTAssertEqual(command(.char("?")), .toggleHelp)
            XCTAssertEqual(command(.char("/")), .searchLogs)
            XCTAssertNil(command(.char("u")))
            XCTAssertNil(command(.char("x")))
            XCTAssertNil(command(.char("l")))
            XCTAssertEqual(Keymap.standard.hints(pane: pane, inDialog: false, canGoBack: true, readOnly: false, inLogs: true).map(\.label),
                           ["?", "/", "n", "t", "w", "q/Esc"])
        }
        XCTAssertNil(Keymap.standard.binding(for: .char("t"), pane: .services, inDialog: false))
    }

    func testActionsAreTheDangerousBindings() {
        let dangerous = Set(Keymap.standard.bindings.filter(\.dangerous).map(\.command))
        XCTAssertEqual(dangerous, [.scaleUp, .scaleDown, .setReplicas, .undoScale, .stopContainer, .restartContainer, .removeStack,
                                   .stopOrStartStack, .rollback, .forceUpdate, .setAvailability(.active), .setAvailability(.pause),
                                   .setAvailability(.drain), .exec])
    }

    func testDispatchFollowsScopes() {
        XCTAssertEqual(Keymap.standard.binding(for: .char("+"), pane: .services, inDialog: false)?.command, .scaleUp)
        XCTAssertNil(Keymap.standard.binding(for: .char("+"), pane: .nodes, inDialog: false))
        XCTAssertEqual(Keymap.standard.binding(for: .char("x"), pane: .tasks, inDialog: false)?.command, .stopContainer)
        XCTAssertEqual(Keymap.standard.binding(for: .enter, pane: .services, inDialog: false)?.command, .drillDown)
        XCTAssertEqual(Keymap.standard.binding(for: .enter, pane: .services, inDialog: true)?.command, .confirm)
        XCTAssertEqual(Keymap.standard.binding(for: .escape, pane: .tasks, inDialog: true)?.command, .cancel)
        XCTAssertEqual(Keymap.standard.binding(for: .ctrl("c"), pane: .tasks, inDialog: true)?.command, .quit)
        XCTAssertNil(Keymap.standard.binding(for: .char("q"), pane: .tasks, inDialog: true))
        XCTAssertEqual(Keymap.standard.binding(for: .char("4"), pane: .nodes, inDialog: false)?.command, .showPane(.containers))
    }

    func testHintsComeFromTheKeymap() {
        let labels = { (hints: [KeyBinding]) in hints.map { "\($0.label) \($0.hint!)" } }
        XCTAssertEqual(labels(Keymap.standard.hints(pane: .services, inDialog: false, canGoBack: false, readOnly: false)),
                       ["q quit", "? help", "Enter open", "+ scale up", "- scale down", "= replicas", "D remove stack", "X stop/start stack",
                        "l logs", "/ filter", "s sort", ": command"])
        XCTAssertEqual(labels(Keymap.standard.hints(pane: .services, inDialog: false, canGoBack: true, readOnly: true)),
                       ["q quit", "? help", "Enter open", "Esc back", "l logs", "/ filter", "s sort", ": command"])
        XCTAssertEqual(labels(Keymap.standard.hints(pane: .placement, inDialog: false, canGoBack: false, readOnly: false)),
                       ["q quit", "? help", "← prev node", "→ next node", "z compact", "l logs", ": command"])
        XCTAssertEqual(labels(Keymap.standard.hints(pane: .tasks, inDialog: true, canGoBack: true, readOnly: false)),
                       ["y/Enter confirm", "n/Esc cancel"])
    }

    func testKeyLabels() {
        XCTAssertEqual(KeyEvent.ctrl("c").label, "Ctrl-C")
        XCTAssertEqual(KeyEvent.backTab.label, "Shift-Tab")
        XCTAssertEqual(KeyEvent.function(5).label, "F5")
        XCTAssertEqual(Keymap.standard.bindings.first { $0.command == .moveDown }?.label, "j/↓")
    }
}
