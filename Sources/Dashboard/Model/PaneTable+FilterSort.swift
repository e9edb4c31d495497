import Foundation

/// The `/` filter and the `s` / `S` order applied to a pane's rows.
extension PaneTable {
    /// The rows `filter` keeps; a stack heading stays when a row of its stack does. Column
    /// widths stay those of the whole table, so that typing does not shift the columns.
    func filtered(by filter: RowFilter?) -> PaneTable {
        guard let filter else { return self }
        // By index: a row is copied (a dozen references retained) only when it is kept.
        var kept: [TableRow] = []
        var heading: Int?
        for i in rows.indices {
            if rows[i].isHeading {
                heading = i
            } else if filter.matches(rows[i]) {
                if let h = heading, rows[h].stack == rows[i].stack {
                    kept.append(rows[h])
                    heading = nil
                }
                kept.append(rows[i])
            }
        }
        var table = self
        table.unfilteredCount = rows.filter { !$0.isHeading }.count
        table.rows = kept
        return table
    }

    /// The rows ordered by `order`'s column, within each group of rows of one stack (a stack's
    /// services stay under their heading, the services of no stack after the stacks); equal
    /// cells keep their natural order. The sorted column's title ends in `↑` or `↓`.
    func sorted(by order: SortOrder?) -> PaneTable {
        guard let order, columns.indices.contains(order.column) else { return self }
        var table = self
        table.columns[order.column].title += order.arrow
        table.naturalWidths[order.column] = max(naturalWidths[order.column], DisplayText.width(table.columns[order.column].title))
        var sorted: [TableRow] = []
        var group: [TableRow] = []
        func flush() {
            // Each row's cell and its moment are read once, not at every comparison: a SIZE AGE
            // moment is a lookup (`since(_:of:)`), and sorting 10,000 rows makes some 130,000 comparisons.
            let keyed = group.enumerated().map { offset, row in
                let cell = order.column < row.cellCount ? row.cell(order.column) : nil
                return (offset: offset, row: row, cell: cell, since: cell.flatMap { since($0, of: row) })
            }
            sorted += keyed.sorted { a, b in
                guard let x = a.cell, let y = b.cell else { return a.offset < b.offset }
                let result = x.compare(y, since: (a.since, b.since))
                if result == .orderedSame { return a.offset < b.offset }
                return (result == .orderedAscending) != order.descending
            }.map(\.row)
            group = []
        }
        var stack: String?
        for row in rows {
            if row.isHeading || row.stack != stack {
                flush()
                stack = row.stack
            }
            if row.isHeading { sorted.append(row) } else { group.append(row) }
        }
        flush()
        table.rows = sorted
        return table
    }
}

extension TableCell {
    /// The order of two cells of a column: by `sortKey` when both have one (bytes, counts),
    /// else by text with numbers compared as numbers (`lab_web.2` before `lab_web.10`),
    /// ignoring case; then the one with the more recent moment (the smaller age) first: the
    /// cells' own `since`, or `moments` as their table reads them (`PaneTable.since(_:of:)`).
    func compare(_ other: TableCell, since moments: (Date?, Date?)? = nil) -> ComparisonResult {
        if let a = sortKey, let b = other.sortKey {
            if a != b { return a < b ? .orderedAscending : .orderedDescending }
        } else {
            let byText = text.compare(other.text, options: [.caseInsensitive, .numeric])
            if byText != .orderedSame { return byText }
        }
        let (first, second) = moments ?? (since, other.since)
        guard let a = first, let b = second, a != b else { return .orderedSame }
        return a > b ? .orderedAscending : .orderedDescending
    }
}
