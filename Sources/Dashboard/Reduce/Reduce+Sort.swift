/// `s` and `S`: the order of a table pane, kept per pane.
extension AppState {
    /// `s`: sort by the next column on screen (the first one when unsorted); after the last
    /// one, back to the pane's natural order.
    mutating func sortByNextColumn() {
        let shown = shownColumns
        guard !shown.isEmpty else { return }
        if let current = sorts[pane], let i = shown.firstIndex(of: current.column) {
            sorts[pane] = i + 1 < shown.count ? SortOrder(column: shown[i + 1]) : nil
        } else {
            sorts[pane] = SortOrder(column: shown[0])
        }
        refreshTable()
    }

    /// `S`: reverse the order; an unsorted pane is sorted by its first column, descending.
    mutating func reverseSort() {
        guard let first = shownColumns.first else { return }
        var order = sorts[pane] ?? SortOrder(column: first)
        order.descending.toggle()
        sorts[pane] = order
        refreshTable()
    }

    /// The indices of the columns the table shows at the terminal's width.
    private var shownColumns: [Int] {
        TableWidget.widths(table.columns, natural: table.naturalWidths, available: layout.content(of: pane).width)
            .enumerated().filter { $0.element > 0 }.map(\.offset)
    }
}
