@testable import Dashboard
import Foundation
import XCTest

/// A row packs its cells (one string of their texts, the cells with more than text kept aside)
/// and gives them back as they were built; the `/` filter reads the packed text in any case.
final class TableRowTests: XCTestCase {
    private let moment = Date(timeIntervalSince1970: 1_800_000_000)

    private func row(_ cells: [TableCell], id: String = "t1") -> TableRow {
        TableRow(id: .task(id), cells: cells, serviceID: "s1", nodeID: "n1")
    }

    func testTheCellsComeBackAsBuilt() {
        let cells = [
            TableCell("lab_web.1"),
            TableCell(""),
            TableCell("Ünïcode 名前 ✓"),
            TableCell("Running", since: moment),
            TableCell("2.1GB", style: Style(.warn), ageFormat: .short, sortKey: 2_100_000_000),
            .sizeAge,
            TableCell(""),
        ]
        let built = row(cells)
        XCTAssertEqual(built.cells, cells)
        XCTAssertEqual(built.cellCount, 7)
        XCTAssertEqual((0..<7).map(built.cell), cells)
        XCTAssertEqual((0..<7).map(built.width), cells.map(\.naturalWidth))
        XCTAssertEqual(built.width(2), 14, "wide characters count two columns")
        XCTAssertEqual(built.text, "lab_web.1  Ünïcode 名前 ✓  Running  2.1GB", "empty cells add no spaces")
        XCTAssertFalse(built.isASCII)
        XCTAssertTrue(row([TableCell("lab_web.1"), TableCell("Running")]).isASCII)
    }

    /// Rows are reused by equality (`RowReuse`): the same packed text split otherwise, or a
    /// detail that differs, is another row.
    func testEqualityFollowsEveryCell() {
        let a = row([TableCell("web"), TableCell("")])
        XCTAssertEqual(a, row([TableCell("web"), TableCell("")]))
        XCTAssertNotEqual(a, row([TableCell(""), TableCell("web")]), "the same text in another column")
        XCTAssertNotEqual(a, row([TableCell("we"), TableCell("b")]))
        XCTAssertNotEqual(a, row([TableCell("web", since: moment), TableCell("")]))
        XCTAssertNotEqual(a, row([TableCell("web"), TableCell("", sortKey: 0)]))
        XCTAssertNotEqual(a, row([TableCell("web"), TableCell("")], id: "t2"))
    }

    /// Literal text is found in any case in ASCII rows (folded byte by byte) and in others
    /// (lowered first), and never across two cells but where the row's text has it.
    func testTheFilterFindsTextInAnyCase() throws {
        let ascii = row([TableCell("lab_web.1"), TableCell("Running"), TableCell("\"No Such Image\"")])
        let other = row([TableCell("ÜBER_web.1"), TableCell("Läuft")])
        func matches(_ typed: String, _ row: TableRow) throws -> Bool { try XCTUnwrap(RowFilter(typed)).matches(row) }
        XCTAssertTrue(try matches("running", ascii))
        XCTAssertTrue(try matches("RUNNING", ascii))
        XCTAssertTrue(try matches("no such", ascii))
        XCTAssertTrue(try matches("1  run", ascii), "two spaces part the cells")
        XCTAssertFalse(try matches("1 run", ascii))
        XCTAssertFalse(try matches("runningx", ascii))
        XCTAssertTrue(try matches("über", other))
        XCTAssertTrue(try matches("LÄUFT", other))
        XCTAssertTrue(try matches("web", other))
        XCTAssertFalse(try matches("uber", other))
        XCTAssertFalse(try matches("RUNNING$", ascii), "a regular expression reads the whole row: the error ends it")
        XCTAssertTrue(try matches("IMAGE\"$", ascii))
    }
}
