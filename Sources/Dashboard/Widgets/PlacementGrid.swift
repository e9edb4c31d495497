/// Draws the placement grid: a column per node (hostname, then role and state) with a card
/// per task. Columns that do not fit scroll to keep the selected one in view; cards that do
/// not fit end in `+N more` (and start with `+N above` when the selection is further down).
enum PlacementGrid {
    /// Narrowest and widest node column, a space between columns included.
    static let minColumnWidth = 14, maxColumnWidth = 32

    static func draw(_ columns: [PlacementColumnModel], selection: Selection, in rect: Rect, into buffer: inout CellBuffer) {
        guard !columns.isEmpty else {
            buffer.put("no nodes", x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        let columnWidth = max(minColumnWidth, min(maxColumnWidth, rect.width / columns.count))
        let fitting = max(1, rect.width / columnWidth)
        let first = Selection.scroll(0, keeping: selection.column, visible: fitting, count: columns.count)
        for (slot, c) in (first..<min(columns.count, first + fitting)).enumerated() {
            let column = columns[c]
            let x = rect.x + slot * columnWidth
            let w = min(columnWidth - 1, rect.width - x)
            buffer.put(DisplayText.truncate(column.hostname, to: w), x: x, y: rect.y, style: Style(.header, bold: true), maxWidth: w)
            buffer.put(DisplayText.truncate(column.detail, to: w), x: x, y: rect.y + 1, style: column.detailStyle, maxWidth: w)
            let selectedRow = c == selection.column && selection.id != nil ? selection.row : nil
            drawCards(column.cards, selectedRow: selectedRow, in: Rect(x: x, y: rect.y + 2, width: w, height: rect.height - 2), into: &buffer)
        }
    }

    private static func drawCards(_ cards: [PlacementCard], selectedRow: Int?, in rect: Rect, into buffer: inout CellBuffer) {
        guard rect.height > 0 else { return }
        var window = 0..<cards.count
        var above = 0
        if cards.count > rect.height {
            var lines = rect.height - 1
            var start = lines > 0 ? Selection.scroll(0, keeping: selectedRow ?? 0, visible: lines, count: cards.count) : 0
            if start > 0, lines > 1 {
                lines -= 1
                start = Selection.scroll(0, keeping: selectedRow ?? 0, visible: lines, count: cards.count)
                above = start
            }
            window = start..<(start + max(0, lines))
        }
        var y = rect.y
        if above > 0 {
            buffer.put("+\(above) above", x: rect.x, y: y, style: Style(.dim), maxWidth: rect.width)
            y += 1
        }
        for i in window {
            let selected = i == selectedRow
            if selected { buffer.fill(x: rect.x, y: y, width: rect.width, height: 1, style: Style(.selected)) }
            buffer.put(DisplayText.truncate(cards[i].text, to: rect.width), x: rect.x, y: y,
                       style: selected ? Style(.selected) : cards[i].style, maxWidth: rect.width)
            y += 1
        }
        let below = cards.count - window.upperBound
        if below > 0 { buffer.put("+\(below) more", x: rect.x, y: y, style: Style(.dim), maxWidth: rect.width) }
    }
}
