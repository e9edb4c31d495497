import Foundation

/// A column of a pane's table: its header (Docker's word) and how it gives way when the
/// terminal is narrow. `shrink` and `hide` are steps in one order shared by the table's
/// columns: the lowest step is taken first (see `TableWidget.widths`).
struct Column: Sendable, Equatable {
    /// The header, e.g. `DESIRED STATE`.
    var title: String
    /// The narrowest it may shrink to; the header is truncated below its own width.
    var minWidth: Int
    /// The step at which it may shrink down to `minWidth`; nil keeps the natural width.
    var shrinkStep: Int?
    /// The step at which it is hidden; nil never hides it.
    var hideStep: Int?
    /// True when its cells end in an age (`… 5 minutes ago`): its width is measured on the
    /// visible rows at render time, since ages change length.
    var showsAge: Bool

    init(_ title: String, min: Int? = nil, shrink: Int? = nil, hide: Int? = nil, showsAge: Bool = false) {
        self.title = title
        minWidth = min ?? title.count
        shrinkStep = shrink
        hideStep = hide
        self.showsAge = showsAge
    }
}

/// One cell's content: plain text, or text followed by an age that is formatted at render time.
struct TableCell: Sendable, Equatable {
    /// How an age reads.
    enum AgeFormat: Sendable, Equatable {
        /// `docker service ps`: `5 minutes ago`, `about an hour ago`.
        case docker
        /// A narrow column: `12s ago`.
        case short
    }

    var text: String
    /// `since` and `sortKey` as bits, `none` for nil: an optional `Date` and `Double` take 16
    /// bytes each with their padding, and a table holds a cell per column of 10,000 rows.
    private var sinceBits = Self.none
    private var sortBits = Self.none
    /// The cell's own style, over the row's.
    var style: Style?
    /// True when the cell shows the age of its row's size measurement instead (the Containers
    /// pane's SIZE AGE), looked up when drawn or sorted (`PaneTable.since(_:of:)`): a size
    /// round makes every such age new and leaves the rows as they were.
    var sinceSizesMeasured = false
    var ageFormat: AgeFormat

    /// When set, the cell shows `text` then the age of this moment.
    var since: Date? {
        get { sinceBits == Self.none ? nil : Date(timeIntervalSinceReferenceDate: Double(bitPattern: sinceBits)) }
        set { sinceBits = newValue.map { $0.timeIntervalSinceReferenceDate.bitPattern } ?? Self.none }
    }

    /// What `s` sorts the column by when its text does not order well, e.g. bytes for
    /// `23.54GiB`; nil to sort by the text.
    var sortKey: Double? {
        get { sortBits == Self.none ? nil : Double(bitPattern: sortBits) }
        set { sortBits = newValue.map(\.bitPattern) ?? Self.none }
    }

    /// No moment, no sort key: a NaN's bits that no `Date` or key is made of.
    private static let none = UInt64.max

    init(_ text: String, style: Style? = nil, since: Date? = nil, ageFormat: AgeFormat = .docker, sortKey: Double? = nil) {
        self.text = text
        self.style = style
        self.ageFormat = ageFormat
        self.since = since
        self.sortKey = sortKey
    }

    /// A SIZE AGE cell: the age of its row's size measurement, e.g. `12s ago`.
    static let sizeAge = {
        var cell = TableCell("", ageFormat: .short)
        cell.sinceSizesMeasured = true
        return cell
    }()

    /// What the cell shows at `now`, its age counted from `since` (`PaneTable.since(_:of:)`).
    func display(since: Date?, now: Date) -> String {
        guard let since else { return text }
        let interval = now.timeIntervalSince(since)
        let age = ageFormat == .docker ? Format.ago(interval) : Format.shortAgo(interval)
        return text.isEmpty ? age : text + " " + age
    }

    /// The columns of its text without the age: measured once, when the row is built.
    var naturalWidth: Int { DisplayText.width(text) }
}

/// One row of a pane, built once per snapshot: its identity, cells, style, and the keys a
/// drill-down scope filters on. Immutable, and a single reference to copy: tables of 10,000
/// rows are filtered, quieted and sorted into new arrays on every key of the `/` filter, and
/// a row of a dozen fields retained one by one made most of that time.
struct TableRow: Sendable, Equatable {
    private final class Storage: Sendable {
        let id: RowID
        let cells: [TableCell]
        let style: Style
        let isHeading: Bool
        let serviceID: String?, nodeID: String?, stack: String?
        let quiet: Bool
        let widths: [UInt16]
        let searchText: String

        init(id: RowID, cells: [TableCell], style: Style, isHeading: Bool, serviceID: String?, nodeID: String?,
             stack: String?, quiet: Bool) {
            self.id = id
            self.cells = cells
            self.style = style
            self.isHeading = isHeading
            self.serviceID = serviceID
            self.nodeID = nodeID
            self.stack = stack
            self.quiet = quiet
            widths = isHeading ? [] : cells.map { UInt16(clamping: $0.naturalWidth) }
            searchText = cells.map(\.text).filter { !$0.isEmpty }.joined(separator: "  ").lowercased()
        }
    }

    private let storage: Storage

    var id: RowID { storage.id }
    var cells: [TableCell] { storage.cells }
    var style: Style { storage.style }
    /// A heading (a stack row): `cells[0]` spans the whole width.
    var isHeading: Bool { storage.isHeading }
    /// The service, node and stack the row belongs to, for `Scope.includes`.
    var serviceID: String? { storage.serviceID }
    var nodeID: String? { storage.nodeID }
    var stack: String? { storage.stack }
    /// A row the table leaves out until `a` shows them all: a task that ended long ago, a
    /// container that exited (`docker ps` without `-a`).
    var quiet: Bool { storage.quiet }
    /// Each cell's `naturalWidth` (without ages), measured once; 65,535 columns at most.
    var widths: [UInt16] { storage.widths }
    /// What the `/` filter reads (`RowFilter`), made once with the row: the text of the cells
    /// that have any, two spaces apart, in lower case.
    var searchText: String { storage.searchText }

    init(id: RowID, cells: [TableCell], style: Style = .normal, isHeading: Bool = false,
         serviceID: String? = nil, nodeID: String? = nil, stack: String? = nil, quiet: Bool = false) {
        storage = Storage(id: id, cells: cells, style: style, isHeading: isHeading, serviceID: serviceID, nodeID: nodeID,
                          stack: stack, quiet: quiet)
    }

    /// True when both are one row (one storage), as `RowReuse` keeps an unchanged row.
    func isSameRow(as other: TableRow) -> Bool { storage === other.storage }

    static func == (a: TableRow, b: TableRow) -> Bool {
        a.storage === b.storage || (a.id == b.id && a.cells == b.cells && a.style == b.style && a.isHeading == b.isHeading
            && a.serviceID == b.serviceID && a.nodeID == b.nodeID && a.stack == b.stack && a.quiet == b.quiet)
    }
}

/// The rows a table pane shows under its current scope, with each column's natural width.
/// Rebuilt when a snapshot arrives or the location changes, never per frame.
struct PaneTable: Sendable, Equatable {
    var columns: [Column]
    var rows: [TableRow]
    /// The widest cell (or header) of each column, ages left out.
    var naturalWidths: [Int]
    /// The rows (headings left out) before the `/` filter; nil when no filter is applied.
    var unfilteredCount: Int?
    /// The quiet rows of the table (`TableRow.quiet`), left out or shown (`quieted`).
    var quietCount = 0
    /// True while the rows are being built away from the UI thread (`SnapshotModel.waitsForRows`).
    var building = false
    /// When the containers' sizes were measured, for the SIZE AGE cells (`TableCell.sinceSizesMeasured`).
    var sizesMeasured = SizesMeasured()

    init(columns: [Column], rows: [TableRow]) {
        self.columns = columns
        self.rows = rows
        var widths = columns.map { DisplayText.width($0.title) }
        for row in rows where !row.isHeading {
            for (i, w) in row.widths.enumerated() where i < widths.count && Int(w) > widths[i] { widths[i] = Int(w) }
        }
        naturalWidths = widths
    }

    static let empty = PaneTable(columns: [], rows: [])

    /// The moment `cell` of `row` counts its age from: its own, or its row's size measurement.
    func since(_ cell: TableCell, of row: TableRow) -> Date? {
        cell.sinceSizesMeasured ? sizesMeasured.at(row.id) : cell.since
    }

    /// The index of the row with this identity.
    func index(of id: RowID?) -> Int? {
        guard let id else { return nil }
        return rows.firstIndex { $0.id == id }
    }
}
