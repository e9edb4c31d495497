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
    fileprivate var sinceBits = Self.none
    fileprivate var sortBits = Self.none
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

    /// True when it is more than its text: a style, a moment, a sort key, a size age.
    fileprivate var hasDetail: Bool {
        sinceBits != Self.none || sortBits != Self.none || style != nil || sinceSizesMeasured || ageFormat != .docker
    }
}

/// One row of a pane, built once per snapshot: its identity, cells, style, and the keys a
/// drill-down scope filters on. Immutable, and a single reference to copy: tables of 10,000
/// rows are filtered, quieted and sorted into new arrays on every key of the `/` filter, and
/// a row of a dozen fields retained one by one made most of that time.
///
/// The cells are packed: their texts in one string (`text`, what the `/` filter reads), where
/// each is found by its UTF-8 offsets, and the few cells with a style, a moment or a sort key
/// kept aside. A table holds a row per task and per container (10,000 each on a big swarm):
/// a cell of its own (64 bytes) with a string of its own, and the filter's lower-case copy of
/// the text, made a row some 850 bytes; `cells` makes the cells again when asked (the rows
/// drawn, the sorted column).
struct TableRow: @unchecked Sendable, Equatable {  // its storage is never changed once made (ManagedBuffer is not Sendable)
    /// Where a cell's text is in `text`, and its columns.
    private struct Span: Sendable, Equatable {
        /// UTF-8 offsets of the text's start and end.
        var start: UInt32, end: UInt32
        /// `TableCell.naturalWidth`, up to 65,535 columns.
        var width: UInt16
    }

    /// What a cell has besides its text (a style, a moment, a sort key, a size age), for the
    /// few cells that have any: a `TableCell` without its string, 40 bytes with its column
    /// instead of 72.
    private struct Detail: Sendable, Equatable {
        let sinceBits: UInt64, sortBits: UInt64
        let style: Style?
        let column: UInt8
        let sinceSizesMeasured: Bool
        let ageFormat: TableCell.AgeFormat

        init(column: Int, _ cell: TableCell) {
            sinceBits = cell.sinceBits
            sortBits = cell.sortBits
            style = cell.style
            self.column = UInt8(column)
            sinceSizesMeasured = cell.sinceSizesMeasured
            ageFormat = cell.ageFormat
        }

        /// The cell, with `text`.
        func cell(_ text: String) -> TableCell {
            var cell = TableCell(text, style: style, ageFormat: ageFormat)
            cell.sinceBits = sinceBits
            cell.sortBits = sortBits
            cell.sinceSizesMeasured = sinceSizesMeasured
            return cell
        }
    }

    /// All of a row but its spans, which follow it in the same allocation (`Storage`).
    private struct Header {
        let id: RowID
        let text: String
        let spanCount: Int
        let details: [Detail]
        let style: Style
        let serviceID: String?, nodeID: String?, stack: String?
        let isHeading: Bool
        let quiet: Bool
        let isASCII: Bool
    }

    /// A row in one allocation: its header, then a span per cell. With the spans and the
    /// details in arrays of their own, and the text and arrays grown as cells were appended,
    /// a task's row was some 490 bytes in four allocations.
    private final class Storage: ManagedBuffer<Header, Span> {
        static func make(id: RowID, cells: [TableCell], style: Style, isHeading: Bool, serviceID: String?, nodeID: String?,
                         stack: String?, quiet: Bool) -> Storage {
            let separators = 2 * max(0, cells.lazy.filter { !$0.text.isEmpty }.count - 1)
            var text = ""
            text.reserveCapacity(cells.reduce(separators) { $0 + $1.text.utf8.count })
            var spans: [Span] = []
            spans.reserveCapacity(cells.count)
            var details: [Detail] = []
            details.reserveCapacity(cells.lazy.filter(\.hasDetail).count)
            for (column, cell) in cells.enumerated() {
                if !cell.text.isEmpty && !text.isEmpty { text += "  " }
                let start = UInt32(text.utf8.count)
                text += cell.text
                spans.append(Span(start: start, end: UInt32(text.utf8.count), width: isHeading ? 0 : UInt16(clamping: cell.naturalWidth)))
                if cell.hasDetail { details.append(Detail(column: column, cell)) }
            }
            let header = Header(id: id, text: text, spanCount: spans.count, details: details, style: style,
                                serviceID: serviceID, nodeID: nodeID, stack: stack, isHeading: isHeading, quiet: quiet,
                                isASCII: text.utf8.allSatisfy { $0 < 0x80 })
            let storage = unsafeDowncast(create(minimumCapacity: spans.count) { _ in header }, to: Storage.self)
            storage.withUnsafeMutablePointerToElements { $0.initialize(from: spans, count: spans.count) }
            return storage
        }

        func span(_ column: Int) -> Span {
            precondition(column >= 0 && column < header.spanCount, "no cell \(column)")
            return withUnsafeMutablePointerToElements { $0[column] }
        }

        func cell(_ column: Int) -> TableCell {
            let span = self.span(column)
            let utf8 = header.text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: Int(span.start))
            let end = utf8.index(start, offsetBy: Int(span.end - span.start))
            let text = String(decoding: utf8[start..<end], as: UTF8.self)
            return header.details.first { $0.column == column }?.cell(text) ?? TableCell(text)
        }

        func isEqual(to other: Storage) -> Bool {
            let a = header, b = other.header
            return a.id == b.id && a.text == b.text && a.spanCount == b.spanCount && a.style == b.style && a.isHeading == b.isHeading
                && a.serviceID == b.serviceID && a.nodeID == b.nodeID && a.stack == b.stack && a.quiet == b.quiet
                && a.details == b.details && (0..<a.spanCount).allSatisfy { span($0) == other.span($0) }
        }
    }

    private let storage: Storage

    var id: RowID { storage.header.id }
    /// The cells, made from the packed text and details (`cell(_:)` for one).
    var cells: [TableCell] { (0..<cellCount).map(storage.cell) }
    /// How many cells the row has.
    var cellCount: Int { storage.header.spanCount }
    /// The cell of `column` (0 ..< `cellCount`).
    func cell(_ column: Int) -> TableCell { storage.cell(column) }
    var style: Style { storage.header.style }
    /// A heading (a stack row): `cells[0]` spans the whole width.
    var isHeading: Bool { storage.header.isHeading }
    /// The service, node and stack the row belongs to, for `Scope.includes`.
    var serviceID: String? { storage.header.serviceID }
    var nodeID: String? { storage.header.nodeID }
    var stack: String? { storage.header.stack }
    /// A row the table leaves out until `a` shows them all: a task that ended long ago, a
    /// container that exited (`docker ps` without `-a`).
    var quiet: Bool { storage.header.quiet }
    /// The `naturalWidth` of the cell of `column` (without its age), measured once; 65,535 at most.
    func width(_ column: Int) -> Int { Int(storage.span(column).width) }
    /// What the `/` filter reads (`RowFilter`): the text of the cells that have any, two spaces
    /// apart, as they are (the filter ignores case).
    var text: String { storage.header.text }
    /// True when `text` is ASCII alone: the filter then folds case byte by byte.
    var isASCII: Bool { storage.header.isASCII }

    init(id: RowID, cells: [TableCell], style: Style = .normal, isHeading: Bool = false,
         serviceID: String? = nil, nodeID: String? = nil, stack: String? = nil, quiet: Bool = false) {
        storage = Storage.make(id: id, cells: cells, style: style, isHeading: isHeading, serviceID: serviceID, nodeID: nodeID,
                               stack: stack, quiet: quiet)
    }

    /// True when both are one row (one storage), as `RowReuse` keeps an unchanged row.
    func isSameRow(as other: TableRow) -> Bool { storage === other.storage }

    static func == (a: TableRow, b: TableRow) -> Bool {
        a.storage === b.storage || a.storage.isEqual(to: b.storage)
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
            for i in 0..<min(row.cellCount, widths.count) where row.width(i) > widths[i] { widths[i] = row.width(i) }
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
