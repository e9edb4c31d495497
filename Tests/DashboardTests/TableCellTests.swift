@testable import Dashboard
import Foundation
import XCTest

/// A table cell keeps its moment and sort key as bits: 64 bytes a cell, not 80, for tables of
/// a cell per column of 10,000 rows; nothing of what it says is lost.
final class TableCellTests: XCTestCase {
    func testACellIsAtMost64Bytes() {
        XCTAssertLessThanOrEqual(MemoryLayout<TableCell>.stride, 64)
    }

    func testMomentAndSortKeyAreKeptOrAbsent() {
        let moment = Date(timeIntervalSince1970: 1_800_000_000.25)
        let plain = TableCell("web")
        XCTAssertNil(plain.since)
        XCTAssertNil(plain.sortKey)
        let full = TableCell("2.1GB", style: Style(.warn), since: moment, ageFormat: .short, sortKey: -.infinity)
        XCTAssertEqual(full.since, moment)
        XCTAssertEqual(full.sortKey, -.infinity)
        XCTAssertEqual(full.style, Style(.warn))
        XCTAssertEqual(TableCell("0B", sortKey: 0).sortKey, 0)
        var cleared = full
        cleared.since = nil
        cleared.sortKey = nil
        XCTAssertNil(cleared.since)
        XCTAssertNil(cleared.sortKey)
    }

    /// Cells without a moment or key are equal when their text is (rows are reused by equality,
    /// `RowReuse`); a moment or key tells them apart.
    func testEqualityFollowsWhatTheCellSays() {
        XCTAssertEqual(TableCell("web"), TableCell("web"))
        XCTAssertNotEqual(TableCell("web"), TableCell("web", since: Date(timeIntervalSince1970: 0)))
        XCTAssertNotEqual(TableCell("1kB", sortKey: 1000), TableCell("1kB", sortKey: 1024))
        XCTAssertEqual(TableCell("1kB", sortKey: 1000), TableCell("1kB", sortKey: 1000))
    }
}
