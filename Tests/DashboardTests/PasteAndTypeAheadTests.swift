import XCTest
@testable import Dashboard
import SwarmState

/// Keys that arrive together (a paste without brackets, type-ahead) never answer a dialog that
/// one of them opened, and a bracketed paste is text, never keys.
final class PasteAndTypeAheadTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private func on(_ pane: Character, _ id: RowID) -> AppState {
        var state = AppState.loaded()
        state.press(.char(pane))
        state.select(id)
        return state
    }

    /// The keys a terminal without bracketed paste delivers for a paste of `text`.
    private func keys(_ text: String) -> [KeyEvent] {
        text.map { $0 == "\r" ? .enter : .char($0) }
    }

    func testAPasteWithoutBracketsDoesNotDrainANode() {
        var state = on("1", .node("n2"))
        XCTAssertEqual(reduce(&state, .keys(keys("docker ps\r"), read: 1)), [], "the Enter of the paste confirmed the drain")
        XCTAssertEqual(state.confirmation?.title, "Node availability", "d opened the drain dialog")
        XCTAssertEqual(state.opening?.dropped, 9)
        let screen = render(state, width: 80, height: 24, now: Date()).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("9 keys that came with d were dropped"), screen)
        // A key of a later read answers it.
        XCTAssertEqual(reduce(&state, .keys([.char("y")], read: 2)), [.setAvailability(nodeID: "n2", hostname: "node2", from: "active", .drain)])
    }

    func testAReadSplitOverTurnsOfTheLoopKeepsItsNumber() {
        var state = on("1", .node("n2"))
        XCTAssertEqual(reduce(&state, .keys([.char("d")], read: 7)), [])
        XCTAssertEqual(reduce(&state, .keys([.enter], read: 7)), [])
        XCTAssertNotNil(state.confirmation)
        XCTAssertEqual(state.opening?.dropped, 1)
        XCTAssertEqual(reduce(&state, .keys([.escape], read: 8)), [])
        XCTAssertNil(state.dialog)
    }

    func testTheReplicaInputsConfirmationIsANewDialog() {
        var state = on("2", .service("s-web"))
        XCTAssertEqual(reduce(&state, .keys([.char("=")], read: 1)), [])
        XCTAssertEqual(reduce(&state, .keys([.char("7"), .enter, .char("y")], read: 2)), [], "the y typed ahead confirmed the scale")
        XCTAssertEqual(state.confirmation?.message, ["Scale service lab_web from 5 to 7 replicas?"])
        XCTAssertEqual(state.opening?.dropped, 1)
        // A dialog opened by a single key drops nothing and says nothing.
        state.press(.escape, .char("+"))
        XCTAssertEqual(state.opening?.dropped, 0)
        let screen = render(state, width: 80, height: 24, now: Date()).lines.joined(separator: "\n")
        XCTAssertFalse(screen.contains("dropped"), screen)
    }

    func testKeysBeforeTheOneThatOpensADialogStillAct() {
        var state = on("1", .node("n2"))
        XCTAssertEqual(reduce(&state, .keys([.char("2"), .char("1"), .char("d"), .char("y")], read: 3)), [])
        XCTAssertEqual(state.pane, .nodes)
        XCTAssertEqual(state.confirmation?.title, "Node availability")
    }

    func testAPasteNeverActsAsKeys() {
        var state = on("1", .node("n2"))
        XCTAssertEqual(state.press(.paste("docker ps\r")), [])
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.status?.text, "paste ignored: a paste is text in the / and : lines only")
    }

    func testAPasteNeverAnswersADialog() {
        var state = on("1", .node("n2"))
        state.press(.char("d"))
        XCTAssertEqual(state.press(.paste("y"), .paste("\r")), [])
        XCTAssertNotNil(state.confirmation)
        XCTAssertEqual(state.status?.text, "paste ignored: a dialog is answered by typed keys")

        state = on("2", .service("s-web"))
        state.press(.char("D"))
        state.press(.paste("lab"))
        XCTAssertEqual(state.typedName?.text, "", "a pasted name confirms nothing: it is typed")
        state.press(.escape, .char("="), .paste("3"))
        XCTAssertEqual(state.replicaInput?.text, "")
    }

    func testAPasteIsTextInTheSlashLine() {
        var state = on("3", .task("t-web1"))
        state.press(.char("/"))
        state.press(.paste("web\r\n"))
        XCTAssertEqual(state.prompt?.text, "web", "the line breaks of a paste are not Enter")
        XCTAssertEqual(state.filters[.tasks], "web")
    }

    func testAPasteInTheColonLineDoesNotRunIt() {
        var state = on("2", .service("s-web"))
        state.press(.char(":"))
        XCTAssertEqual(state.press(.paste("scale lab_web 0\r\u{1b}[2J")), [])
        XCTAssertEqual(state.prompt?.text, "scale lab_web 0[2J", "control characters are not typed")
        XCTAssertNil(state.dialog)
    }
}
