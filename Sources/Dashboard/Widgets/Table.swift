import Foundation

/// Draws a pane's table: a header row, then the visible rows only, the selected one in
/// reverse video. Column widths come from the table's natural widths, shrunk and then
/// hidden as the columns ask when the terminal is narrow.
enum TableWidget {
    /// Spaces between columns.
    static let gap = 2

    /// The width of each column in `available` columns (0 = hidden). Starting from the
    /// natural widths, the columns' shrink and hide steps are taken in order until the row
    /// fits: a shrink step lets that column give up space down to its `minWidth` (columns
    /// shrink in the order of their steps), a hide step removes it. Each step starts over from
    /// the natural widths, so a hidden column's space goes back to the ones shrunk before.
    /// Whatever still does not fit is clipped.
    static func widths(_ columns: [Column], natural: [Int], available: Int) -> [Int] {
        enum Step { case shrink(Int), hide(Int) }
        let steps = columns.indices.flatMap { i in
            [columns[i].shrinkStep.map { ($0, Step.shrink(i)) }, columns[i].hideStep.map { ($0, Step.hide(i)) }].compactMap { $0 }
        }.sorted { $0.0 < $1.0 }.map(\.1)
        var shrinkable: [Int] = []
        var hidden = Set<Int>()
        var widths = natural
        for taken in 0...steps.count {
            if taken > 0 {
                switch steps[taken - 1] {
                case .shrink(let i): shrinkable.append(i)
                case .hide(let i): hidden.insert(i)
                }
            }
            widths = natural.indices.map { hidden.contains($0) ? 0 : natural[$0] }
            var overflow = widths.reduce(0, +) + gap * max(0, widths.filter { $0 > 0 }.count - 1) - available
            for i in shrinkable where overflow > 0 && widths[i] > 0 {
                let cut = min(overflow, max(0, widths[i] - columns[i].minWidth))
                widths[i] -= cut
                overflow -= cut
            }
            if overflow <= 0 { break }
        }
        return widths
    }

    /// `widths` cut so that a row ends within `available` columns (what `widths` could not fit):
    /// the column at the edge keeps what is left, its text then ending in `…`; those after it are hidden.
    static func clipped(_ widths: [Int], to available: Int) -> [Int] {
        var x = 0
        return widths.map { w in
            guard w > 0 else { return 0 }
            defer { x += w + gap }
            return max(0, min(w, available - x))
        }
    }

    /// The indices of the rows shown in `rect` under the header: from the selection's scroll,
    /// moved just enough to show the selected row. Shared by `draw` and the mouse hit test.
    static func shownRows(count: Int, selection: Selection, in rect: Rect) -> Range<Int> {
        let visible = max(0, rect.height - 1)
        let scroll = Selection.scroll(selection.scroll, keeping: selection.row, visible: visible, count: count)
        return scroll..<min(count, scroll + visible)
    }

    /// The index of the row drawn at the cell (`x`, `y`) of `rect`, nil for the header or a blank line.
    static func row(atX x: Int, y: Int, count: Int, selection: Selection, in rect: Rect) -> Int? {
        guard rect.contains(x: x, y: y) else { return nil }
        let shown = shownRows(count: count, selection: selection, in: rect)
        let index = shown.lowerBound + y - rect.y - 1
        return shown.contains(index) ? index : nil
    }

    /// Draws `table` in `rect`: the header on its first row, rows below from the selection's scroll.
    /// - Parameter emptyText: what an empty table says, e.g. `no tasks of lab_web`.
    static func draw(_ table: PaneTable, selection: Selection, emptyText: String, in rect: Rect, now: Date,
                     into buffer: inout CellBuffer) {
        guard rect.height > 0 else { return }
        let shown = shownRows(count: table.rows.count, selection: selection, in: rect)
        var natural = table.naturalWidths
        for (i, column) in table.columns.enumerated() where column.showsAge {
            for index in shown where !table.rows[index].isHeading && i < table.rows[index].cellCount {
                let row = table.rows[index]
                let cell = row.cell(i)
                natural[i] = max(natural[i], DisplayText.width(cell.display(since: table.since(cell, of: row), now: now)))
            }
        }
        let widths = clipped(widths(table.columns, natural: natural, available: rect.width), to: rect.width)
        var x = rect.x
        for (column, w) in zip(table.columns, widths) where w > 0 {
            buffer.put(header(column.title, width: w), x: x, y: rect.y, style: Style(.header, bold: true), maxWidth: w)
            x += w + gap
        }
        guard !table.rows.isEmpty else {
            buffer.put(emptyText, x: rect.x, y: rect.y + 1, style: Style(.dim), maxWidth: rect.width)
            return
        }
        for (line, index) in shown.enumerated() {
            let row = table.rows[index]
            let y = rect.y + 1 + line
            let selected = selection.id != nil && index == selection.row
            if selected { buffer.fill(x: rect.x, y: y, width: rect.width, height: 1, style: Style(.selected)) }
            if row.isHeading {
                let text = DisplayText.truncate(row.cellCount > 0 ? row.cell(0).text : "", to: rect.width)
                buffer.put(text, x: rect.x, y: y, style: selected ? Style(.selected, bold: true) : row.style, maxWidth: rect.width)
                continue
            }
            var x = rect.x
            for (cell, w) in zip(row.cells, widths) {
                guard w > 0 else { continue }
                let style = selected ? Style(.selected) : cell.style ?? row.style
                buffer.put(DisplayText.truncate(cell.display(since: table.since(cell, of: row), now: now), to: w), x: x, y: y,
                           style: style, maxWidth: w)
                x += w + gap
            }
        }
    }

    /// A column's title cut to `width`, keeping the sort arrow (`IMA…↓`) when it has one.
    static func header(_ title: String, width: Int) -> String {
        guard let arrow = title.last, arrow == "↑" || arrow == "↓", DisplayText.width(title) > width, width > 1 else {
            return DisplayText.truncate(title, to: width)
        }
        return DisplayText.truncate(String(title.dropLast()), to: width - 1) + String(arrow)
    }
}
