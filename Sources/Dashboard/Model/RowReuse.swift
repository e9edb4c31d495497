/// The rows of a pane's last build, by identity, for its next build: a row built again equal
/// to its last build is kept as that row. The UI shows the last build while the preparer makes
/// the next, so both live at once; at 10,000 tasks and 10,000 containers under churn, where a
/// snapshot changes a few rows, the two builds were some 30 MB of the heap's peak, and an
/// unchanged row is now held once. The row is still built (to compare it), then dropped.
struct RowReuse {
    private let last: [RowID: TableRow]

    /// - Parameter rows: the pane's last build; none for a first build.
    init(_ rows: [TableRow] = []) {
        last = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `row`, or its last build when that is equal to it.
    func callAsFunction(_ row: TableRow) -> TableRow {
        guard let kept = last[row.id], kept == row else { return row }
        return kept
    }
}
