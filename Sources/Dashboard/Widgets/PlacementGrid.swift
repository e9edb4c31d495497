/// Draws the placement grid: a column per node (hostname, then role and state) with a card
/// per task, after a `pending` column when some task has no node (`PlacementView`). Node columns that do not fit scroll sideways, from the selection's `firstColumn`,
/// keeping the selected one in view, with `◀` / `▶` on the hostname row where nodes are hidden;
/// cards that do not fit end in `+N more` (and start with `+N above` when the selection is
/// further down).
enum PlacementGrid {
    /// Narrowest and widest node column, a space between columns included.
    static let minColumnWidth = 14, maxColumnWidth = 32

    /// Where the grid puts each node column and card in a rectangle, for one selection: what
    /// `draw` paints and what the mouse hit test reads.
    struct Geometry: Equatable {
        /// Each node column's width, the space after it included.
        let columnWidth: Int
        /// The node columns shown, by index in the model.
        let shown: Range<Int>
        /// The x of the first column shown: one column in when the ◀ ▶ markers are needed.
        let left: Int
        /// The rectangle the grid fills.
        let rect: Rect

        /// The layout of `count` node columns in `rect`, scrolled from `selection.firstColumn`
        /// just enough to show the selected column.
        init(count: Int, selection: Selection, in rect: Rect) {
            let fit = PlacementGrid.fit(count: count, width: rect.width)
            let first = min(count, Selection.scroll(selection.firstColumn, keeping: selection.column, visible: fit.shown, count: count))
            columnWidth = fit.columnWidth
            shown = first..<min(count, first + fit.shown)
            left = rect.x + (fit.shown < count ? 1 : 0)
            self.rect = rect
        }

        /// The x of node column `c` (one of `shown`).
        func x(ofColumn c: Int) -> Int { left + (c - shown.lowerBound) * columnWidth }

        /// The columns a card's or hostname's text may take in a column: its width less the
        /// space before the next, cut at the rectangle's edge.
        func textWidth(ofColumn c: Int) -> Int { max(0, min(columnWidth - 1, rect.x + rect.width - x(ofColumn: c))) }

        /// The rectangle of a column's cards, under its hostname and role/state rows.
        func cardRect(ofColumn c: Int) -> Rect {
            Rect(x: x(ofColumn: c), y: rect.y + 2, width: textWidth(ofColumn: c), height: rect.height - 2)
        }

        /// The node column under column `x` of the screen, if one is shown there.
        func column(atX x: Int) -> Int? {
            guard x >= left else { return nil }
            let c = shown.lowerBound + (x - left) / columnWidth
            return shown.contains(c) ? c : nil
        }
    }

    /// How node columns share `width`: each one's width (a space included, between the minimum
    /// and the maximum) and how many are shown; when not all `count` fit, a column is kept at
    /// each edge for the markers.
    static func fit(count: Int, width: Int) -> (columnWidth: Int, shown: Int) {
        let columnWidth = max(minColumnWidth, min(maxColumnWidth, width / max(1, count)))
        if count * columnWidth <= width { return (columnWidth, count) }
        return (columnWidth, max(1, (width - 2) / columnWidth))
    }

    /// Which cards a column of `count` cards shows in `height` rows, keeping `selectedRow`
    /// visible: `above` cards hidden before them (a `+N above` row when not 0), then `window`;
    /// the cards after it are summed up in a `+N more` row. A single row shows the selected card alone.
    static func cardWindow(count: Int, selectedRow: Int?, height: Int) -> (above: Int, window: Range<Int>) {
        guard count > height, height > 0 else { return (0, 0..<min(count, max(0, height))) }
        if height == 1 {
            let row = min(max(0, selectedRow ?? 0), count - 1)
            return (0, row..<(row + 1))
        }
        var lines = height - 1
        var start = Selection.scroll(0, keeping: selectedRow ?? 0, visible: lines, count: count)
        var above = 0
        if start > 0, lines > 1 {
            lines -= 1
            start = Selection.scroll(0, keeping: selectedRow ?? 0, visible: lines, count: count)
            above = start
        }
        return (above, start..<(start + max(0, lines)))
    }

    /// The row of `selection` in node column `c`, nil when the selection is elsewhere or empty.
    static func selectedRow(inColumn c: Int, _ selection: Selection) -> Int? {
        c == selection.column && selection.id != nil ? selection.row : nil
    }

    /// The card at the cell (`x`, `y`), as (node column, card index), drawn for `selection` in `rect`.
    static func card(atX x: Int, y: Int, _ columns: [PlacementColumnModel], selection: Selection, in rect: Rect) -> (column: Int, row: Int)? {
        let geometry = Geometry(count: columns.count, selection: selection, in: rect)
        guard rect.contains(x: x, y: y), let c = geometry.column(atX: x) else { return nil }
        let cards = geometry.cardRect(ofColumn: c)
        let (above, window) = cardWindow(count: columns[c].cards.count, selectedRow: selectedRow(inColumn: c, selection), height: cards.height)
        let line = y - cards.y - (above > 0 ? 1 : 0)
        guard line >= 0, line < window.count else { return nil }
        return (c, window.lowerBound + line)
    }

    /// -1 for the `◀` marker at the cell (`x`, `y`), 1 for the `▶` marker, nil for anything else.
    static func marker(atX x: Int, y: Int, count: Int, selection: Selection, in rect: Rect) -> Int? {
        guard y == rect.y else { return nil }
        let shown = Geometry(count: count, selection: selection, in: rect).shown
        if x == rect.x, shown.lowerBound > 0 { return -1 }
        if x == rect.x + rect.width - 1, shown.upperBound < count { return 1 }
        return nil
    }

    /// `selection` with its node columns scrolled `step` columns (within the columns there are);
    /// when the selected column leaves the view, the nearest one shown is selected instead.
    static func scrolled(_ selection: Selection, by step: Int, count: Int, in rect: Rect) -> Selection {
        let shown = Geometry(count: count, selection: selection, in: rect).shown
        let first = max(0, min(shown.lowerBound + step, count - shown.count))
        var sel = selection
        sel.firstColumn = first
        let column = max(first, min(sel.column, first + shown.count - 1))
        if column != sel.column { (sel.column, sel.row, sel.id) = (column, 0, nil) }
        return sel
    }

    static func draw(_ columns: [PlacementColumnModel], selection: Selection, in rect: Rect, into buffer: inout CellBuffer) {
        guard !columns.isEmpty else {
            buffer.put("no nodes", x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        let geometry = Geometry(count: columns.count, selection: selection, in: rect)
        if geometry.shown.lowerBound > 0 { buffer.put("◀", x: rect.x, y: rect.y, style: Style(.dim)) }
        if geometry.shown.upperBound < columns.count { buffer.put("▶", x: rect.x + rect.width - 1, y: rect.y, style: Style(.dim)) }
        for c in geometry.shown {
            let column = columns[c]
            let x = geometry.x(ofColumn: c)
            let w = geometry.textWidth(ofColumn: c)
            buffer.put(DisplayText.truncate(column.hostname, to: w), x: x, y: rect.y, style: column.hostnameStyle, maxWidth: w)
            buffer.put(DisplayText.truncate(column.detail, to: w), x: x, y: rect.y + 1, style: column.detailStyle, maxWidth: w)
            drawCards(column.cards, dimmed: column.dimmed, selectedRow: selectedRow(inColumn: c, selection),
                      in: geometry.cardRect(ofColumn: c), into: &buffer)
        }
    }

    /// The grid beside a table pane, after a vertical rule in the column left of `rect`.
    static func drawBeside(_ columns: [PlacementColumnModel], selection: Selection, in rect: Rect, into buffer: inout CellBuffer) {
        drawRule(leftOf: rect, into: &buffer)
        draw(columns, selection: selection, in: rect, into: &buffer)
    }

    /// The vertical rule between a table and the grid beside it, in the column left of `rect`.
    static func drawRule(leftOf rect: Rect, into buffer: inout CellBuffer) {
        for y in rect.y..<(rect.y + rect.height) { buffer.put("│", x: rect.x - 1, y: y, style: Style(.border)) }
    }

    /// A column's cards in `rect`, each in its own style, or all dim (`dimmed`: a drained or
    /// paused node) but the selected one.
    private static func drawCards(_ cards: [PlacementCard], dimmed: Bool, selectedRow: Int?, in rect: Rect, into buffer: inout CellBuffer) {
        guard rect.height > 0 else { return }
        let (above, window) = cardWindow(count: cards.count, selectedRow: selectedRow, height: rect.height)
        var y = rect.y
        if above > 0 {
            buffer.put("+\(above) above", x: rect.x, y: y, style: Style(.dim), maxWidth: rect.width)
            y += 1
        }
        for i in window {
            let selected = i == selectedRow
            if selected { buffer.fill(x: rect.x, y: y, width: rect.width, height: 1, style: Style(.selected)) }
            buffer.put(DisplayText.truncate(cards[i].text, to: rect.width), x: rect.x, y: y,
                       style: selected ? Style(.selected) : dimmed ? Style(.dim) : cards[i].style, maxWidth: rect.width)
            y += 1
        }
        let below = cards.count - window.upperBound
        if below > 0, y < rect.y + rect.height { buffer.put("+\(below) more", x: rect.x, y: y, style: Style(.dim), maxWidth: rect.width) }
    }
}
