import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// `/` and `s` / `S` on the panes of the captured lab, read as a person reads the screen.
final class FilterSortTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private func lab(width: Int = 100, height: Int = 24) throws -> AppState {
        AppState.loaded(try LabFixtures.snapshot(), width: width, height: height)
    }

    private func screen(_ state: AppState) throws -> [String] {
        render(state, width: state.width, height: state.height, now: try LabFixtures.capturedAt()).lines
    }

    /// The first cell of each row the table shows.
    private func names(_ state: AppState) -> [String] {
        state.table.rows.map { $0.cells.first?.text ?? "" }
    }

    func testTheFilterNarrowsAsItIsTypedAndSaysHowMany() throws {
        var state = try lab()
        state.press(.char("3"), .char("/"))
        state.type("scr")
        XCTAssertEqual(names(state), ["lab_scribbler.1", "lab_scribbler.2"])
        let lines = try screen(state)
        XCTAssertEqual(lines[0], "swarmtop  1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events   /scr  2 of 10")
        XCTAssertEqual(lines[22], "/scr   Enter keep  Esc clear")
        state.press(.backspace, .backspace, .backspace)
        XCTAssertEqual(names(state).count, 10, "an empty filter keeps every row")
        XCTAssertNotNil(state.prompt)
        state.press(.backspace)
        XCTAssertNil(state.prompt, "Backspace on an empty line closes it")
    }

    func testTheFilterIgnoresCaseAndReadsRegularExpressions() throws {
        var state = try lab()
        state.press(.char("3"), .char("/"))
        state.type("WEB\\.[24]|viz")
        XCTAssertEqual(names(state), ["lab_viz.1", "lab_web.2", "lab_web.4"])
        XCTAssertFalse(try screen(state)[0].contains("plain text"))
    }

    func testDollarEndsAtTheLastShownValueOfTheRow() throws {
        var state = try lab()
        state.press(.char("3"), .char("/"))
        state.type("WEB\\.[12].*running$")
        XCTAssertEqual(names(state), ["lab_web.1", "lab_web.2"], "empty cells (no error) add no trailing spaces")
    }

    func testWhatIsNotARegularExpressionIsMatchedAsPlainText() throws {
        var state = try lab()
        state.press(.char("2"), .char("/"))
        state.type("*:8080")
        XCTAssertEqual(names(state), ["▾ lab  4 services", "  lab_web"], "the stack's heading stays over its service")
        XCTAssertTrue(try screen(state)[0].hasSuffix("/*:8080  1 of 4 (plain text)"))
    }

    func testEnterKeepsTheFilterAndEscClearsIt() throws {
        var state = try lab()
        state.press(.char("4"), .char("/"))
        state.type("node2")
        state.press(.enter)
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.table.rows.count, 5, "node2's containers: agent, scribbler, three web")
        state.press(.down, .down)
        XCTAssertEqual(state.selection.row, 2, "the filtered rows are browsed as usual")
        XCTAssertEqual(try screen(state)[22], "q quit  ? help  Esc back  r size  x stop  R restart  l logs  / filter  s sort  : command")
        state.press(.char("1"), .char("4"))
        XCTAssertEqual(state.table.rows.count, 5, "each pane keeps its filter")
        state.press(.escape)
        XCTAssertEqual(state.table.rows.count, 10)
        XCTAssertNil(state.filters[.containers])
    }

    func testEscWhileTypingClearsAndTheArrowsMoveWhileTyping() throws {
        var state = try lab()
        state.press(.char("3"), .char("/"))
        state.type("web")
        state.press(.down, .down)
        XCTAssertEqual(state.selection.id.flatMap { id in state.table.rows.first { $0.id == id } }?.cells[0].text, "lab_web.3")
        XCTAssertEqual(state.prompt?.text, "web", "j and k are letters while typing; arrows move")
        state.press(.escape)
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.table.rows.count, 10)
        XCTAssertEqual(state.pane, .tasks)
    }

    func testAFilterOnADrillDownIsClearedBeforeGoingBack() throws {
        var state = try lab()
        state.press(.char("2"))
        state.select(.service(try XCTUnwrap(state.snapshot?.services.first { $0.name == "lab_web" }).id))
        state.press(.enter, .char("/"))
        state.type("node1")
        state.press(.enter)
        XCTAssertEqual(names(state), ["lab_web.2", "lab_web.4"])
        state.press(.escape)
        XCTAssertEqual(state.pane, .tasks)
        XCTAssertEqual(names(state).count, 5)
        state.press(.escape)
        XCTAssertEqual(state.pane, .services)
    }

    func testSortCyclesThroughTheShownColumnsWithAnArrowInTheHeader() throws {
        var state = try lab(width: 80)
        state.press(.char("4"), .char("s"))
        let header = try screen(state)[1]
        XCTAssertTrue(header.hasPrefix("NAME↑  "), header)
        state.press(.char("s"))
        XCTAssertTrue(try screen(state)[1].contains("NODE↑"))
        // NAME, NODE, STATUS, SIZE, SIZE AGE are shown at 80 columns (IMAGE is hidden): the
        // fourth `s` sorts by SIZE, in bytes: viz's 0B first, the scribblers' 6.29MB last.
        state.press(.char("s"), .char("s"))
        let lines = try screen(state)
        XCTAssertTrue(lines[1].contains("SIZE↑"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("lab_viz.") && lines[2].contains(" 0B (virtual"), lines[2])
        XCTAssertTrue(lines[10].hasPrefix("lab_scribbler.") && lines[11].hasPrefix("lab_scribbler."), "\(lines)")
        state.press(.char("S"))
        XCTAssertTrue(try screen(state)[1].contains("SIZE↓"))
        XCTAssertTrue(try screen(state)[2].hasPrefix("lab_scribbler."))
        state.press(.char("s"), .char("s"))
        XCTAssertNil(state.sorts[.containers], "after the last column: the natural order")
        XCTAssertFalse(try screen(state)[1].contains("↑"))
    }

    func testSortingTasksByNameComparesSlotsAsNumbersAndKeepsTheSelection() throws {
        var tasks = try lab(width: 100, height: 30)
        tasks.press(.char("3"))
        let selected = tasks.selection.id
        tasks.press(.char("S"))
        XCTAssertEqual(names(tasks).prefix(3), ["lab_web.5", "lab_web.4", "lab_web.3"])
        XCTAssertEqual(tasks.selection.id, selected, "the selection follows its task")
    }

    func testServicesSortWithinTheirStack() throws {
        var state = try lab()
        state.press(.char("2"), .char("s"), .char("S"))
        XCTAssertEqual(names(state), ["▾ lab  4 services", "  lab_web", "  lab_viz", "  lab_scribbler", "  lab_agent"])
    }

    func testNodesSortByMemoryInBytesAndTasksAsCounts() throws {
        let cell = { (text: String, key: Double) in TableCell(text, sortKey: key) }
        XCTAssertEqual(cell("1.9GiB", 2_040_000_000).compare(cell("512MiB", 536_870_912)), .orderedDescending)
        XCTAssertEqual(cell("10", 10).compare(cell("9", 9)), .orderedDescending)
        XCTAssertEqual(TableCell("lab_web.10").compare(TableCell("lab_web.9")), .orderedDescending)
        let now = Date()
        XCTAssertEqual(TableCell("Running", since: now).compare(TableCell("Running", since: now - 60)), .orderedAscending,
                       "the younger first")
    }

    func testThePlacementPaneHasNoFilterOrSort() throws {
        var state = try lab()
        state.press(.char("5"), .char("/"), .char("s"))
        XCTAssertNil(state.prompt)
        XCTAssertTrue(state.sorts.isEmpty)
    }
}

extension FilterSortTests {
    func testAClickEndsTheLineAndKeepsTheFilter() throws {
        var state = try lab()
        state.press(.char("3"), .char("/"))
        state.type("web")
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 1, y: 3)))
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.filters[.tasks], "web")
        XCTAssertEqual(names(state)[state.selection.row], "lab_web.2", "the second row clicked (row 3 of the screen)")
        state.press(.char(":"))
        state.type("stack rm lab")
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 1, y: 2)))
        XCTAssertNil(state.prompt)
        XCTAssertNil(state.dialog, "a command is dropped, never run by a click")
    }
}

extension FilterSortTests {
    /// A pattern that makes a backtracking matcher run for ever (it froze the dashboard with
    /// NSRegularExpression) is matched by glibc's non-backtracking one at once.
    func testARunawayPatternCannotStallTheScreen() throws {
        var state = try lab()
        state.press(.char("3"), .char("/"))
        let started = Date()
        state.type("(.+)+Q")
        XCTAssertEqual(state.table.rows.count, 0)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "typing six characters took this long")
        XCTAssertFalse(try screen(state)[0].contains("plain text"), "it is a regular expression")
    }
}

extension FilterSortTests {
    /// A service of no stack stays after the stacks, never under a stack's heading, in any order.
    func testServicesOfNoStackNeverJoinAStack() {
        var state = AppState.loaded()
        state.press(.char("2"))
        for _ in 0..<4 {
            for key: Character in ["s", "S"] {
                state.press(.char(key))
                XCTAssertEqual(names(state).last, "migrate", "\(state.sorts[.services].map { "\($0)" } ?? "natural"): \(names(state))")
                XCTAssertEqual(names(state).first, "▾ lab  3 services")
            }
        }
    }
}

extension FilterSortTests {
    /// At 80 columns a scope and a filter do not fit beside the five full tabs: the other
    /// panes' tabs shrink to their digit, and a click still finds them.
    func testTheScopeAndFilterStayInSightOnANarrowScreen() throws {
        var state = try lab(width: 80)
        state.press(.char("2"))
        state.select(.service(try XCTUnwrap(state.snapshot?.services.first { $0.name == "lab_web" }).id))
        state.press(.enter, .char("/"))
        state.type("web\\.[12]")
        state.press(.enter)
        let top = try screen(state)[0]
        XCTAssertEqual(top, "swarmtop  1  2  3 Tasks  4  5  6  7   tasks of lab_web  /web\\.[12]  2 of 5")
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 14, y: 0)))
        XCTAssertEqual(state.pane, .services, "the compact tab of Services")
    }

    /// A sorted column cut short keeps its arrow.
    func testACutHeaderKeepsItsSortArrow() {
        XCTAssertEqual(TableWidget.header("IMAGE↓", width: 4), "IM…↓")
        XCTAssertEqual(TableWidget.header("IMAGE↓", width: 6), "IMAGE↓")
        XCTAssertEqual(TableWidget.header("IMAGE", width: 4), "IMA…")
    }
}

extension FilterSortTests {
    /// Text without the extended syntax's special characters is found as text, in any case,
    /// as the regular expression would find it; with them it is a regular expression.
    func testLiteralTextAndPatternsFindTheSameRowsInAnyCase() throws {
        var state = try lab()
        state.press(.char("3"), .char("/"))
        state.type("LAB_WEB")
        let literal = names(state)
        XCTAssertEqual(literal.count, 5)
        XCTAssertTrue(literal.allSatisfy { $0.hasPrefix("lab_web.") }, "\(literal)")
        state.press(.escape, .char("/"))
        state.type("LAB_WE[B]")
        XCTAssertEqual(names(state), literal, "the same rows as a regular expression")
    }
}
