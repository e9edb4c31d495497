import Foundation

/// Draws the compact placement grid (`z` in the Placement pane): a row per node, its hostname
/// (marked and styled as the columns' headers: `✗` and the error colour when down, dim when
/// drained or paused) then a cell per task (`PlacementCard.cell`: `■` in its service's colour,
/// `✗` failing, `◌` starting), after a `pending` row when some task has no node. When the rows
/// do not fit the height, the cells narrow to one column and the rows go in side-by-side bands
/// (read down a band, then the next), as many as the width holds; rows that still do not fit
/// scroll from the selection's `firstColumn`, keeping the selected node in view; a row with more
/// cells than fit counts the ones cut (`+12`), the selected row scrolling to show its selected
/// cell. The rectangle's last line names the selected task. Beside a table pane (from
/// 200 columns) it replaces the columns while the mode is on.
enum PlacementRows {
    /// The columns a cell takes when every row fits the height: its mark and a space (in bands,
    /// the mark alone).
    static let spaciousCellWidth = 2
    /// The widest the hostnames' column gets.
    static let maxHostWidth = 24

    /// Where the rows and cells go in a rectangle, for one selection: what `draw` paints and
    /// what the mouse hit test reads.
    struct Geometry: Equatable {
        /// The hostnames' column width: the widest hostname, at most `maxHostWidth`.
        let hostWidth: Int
        /// The columns a cell takes: 2 when every row fits the height, else 1.
        let cellWidth: Int
        /// Side-by-side bands of rows, each `bandWidth` columns apart (a band's last column
        /// left blank), each `bandRows` rows high.
        let bands: Int, bandWidth: Int, bandRows: Int
        /// The node rows shown, by index in the model: down the first band, then the next.
        let shown: Range<Int>
        /// The rectangle the grid fills, its last line naming the selected task.
        let rect: Rect

        /// The layout of `columns` in `rect`, scrolled from `selection.firstColumn` just
        /// enough to show the selected node (`selection.column`).
        init(_ columns: [PlacementColumnModel], selection: Selection, in rect: Rect) {
            hostWidth = min(maxHostWidth, rect.width / 3, columns.map { DisplayText.width($0.hostname) }.max() ?? 0)
            let lines = PlacementRows.visibleRows(in: rect), count = columns.count
            let banded = count > lines && lines > 0
            cellWidth = banded ? 1 : spaciousCellWidth
            let widest = max(1, columns.map(\.cards.count).max() ?? 0)
            let fit = max(1, (rect.width + 1) / (hostWidth + 1 + widest + 1))
            bands = banded ? min(fit, (count + lines - 1) / lines) : 1
            bandWidth = (rect.width + 1) / bands
            let first = Selection.scroll(selection.firstColumn, keeping: selection.column, visible: bands * lines, count: count)
            shown = first..<min(count, first + bands * lines)
            bandRows = banded ? (shown.count + bands - 1) / bands : lines
            self.rect = rect
        }

        /// How many node rows one page holds.
        var pageRows: Int { bands * PlacementRows.visibleRows(in: rect) }
        /// The line that names the selected task: the rectangle's last.
        var nameY: Int { rect.y + rect.height - 1 }

        /// Where node row `c` (one of `shown`) goes: its band's columns on its line.
        func row(_ c: Int) -> Rect {
            let band = (c - shown.lowerBound) / bandRows, x = rect.x + band * bandWidth
            return Rect(x: x, y: rect.y + (c - shown.lowerBound) % bandRows, width: min(bandWidth - 1, rect.x + rect.width - x), height: 1)
        }
        /// The x of a row's first cell, after the hostname and a space.
        func cellsX(_ row: Rect) -> Int { row.x + hostWidth + 1 }
        /// How many cells fit on a row (the last one's space may fall outside).
        func capacity(_ row: Rect) -> Int { max(0, (row.x + row.width - cellsX(row) + cellWidth - 1) / cellWidth) }
        /// The cells a `+N` count of a row of `count` cells takes, its space included.
        func markerCells(_ count: Int) -> Int { (DisplayText.width("+\(count)") + 1 + cellWidth - 1) / cellWidth }
        /// The node row drawn at (`x`, `y`), when one is.
        func row(atX x: Int, y: Int) -> Int? {
            guard rect.contains(x: x, y: y), y - rect.y < bandRows else { return nil }
            let c = shown.lowerBound + (x - rect.x) / bandWidth * bandRows + y - rect.y
            return shown.contains(c) && row(c).contains(x: x, y: y) ? c : nil
        }
    }

    /// Node rows that fit in `rect`, per band: all its lines but the last, which names the selected task.
    static func visibleRows(in rect: Rect) -> Int { max(0, rect.height - 1) }

    /// Which of a row's `count` cells show in `capacity` cells, keeping `selected` in view (a
    /// `+N` count taking `marker` cells): `before` cut at the start (a `+N` count when not 0), then `window`; the ones after it
    /// are counted at the end.
    static func cellWindow(count: Int, selected: Int?, capacity: Int, marker: Int) -> (before: Int, window: Range<Int>) {
        guard count > capacity else { return (0, 0..<count) }
        let row = min(max(0, selected ?? 0), count - 1)
        let head = max(1, capacity - marker)
        if row < head { return (0, 0..<head) }
        if row >= count - head { return (count - head, (count - head)..<count) }
        let middle = max(1, capacity - 2 * marker)
        let start = Selection.scroll(0, keeping: row, visible: middle, count: count)
        return (start, start..<(start + middle))
    }

    /// The task cell at the screen cell (`x`, `y`), as (node row, card index), drawn for
    /// `selection` in `rect`, in any band; nil off the cells (a hostname, the space between two
    /// spacious cells and the blank column between two bands included).
    static func card(atX x: Int, y: Int, _ columns: [PlacementColumnModel], selection: Selection, in rect: Rect) -> (column: Int, row: Int)? {
        let g = Geometry(columns, selection: selection, in: rect)
        guard y < g.nameY, let c = g.row(atX: x, y: y) else { return nil }
        let count = columns[c].cards.count, row = g.row(c)
        let (before, window) = cellWindow(count: count, selected: PlacementGrid.selectedRow(inColumn: c, selection),
                                          capacity: g.capacity(row), marker: g.markerCells(count))
        let offset = x - g.cellsX(row) - (before > 0 ? g.markerCells(count) * g.cellWidth : 0)
        guard offset >= 0, offset % g.cellWidth == 0, window.contains(window.lowerBound + offset / g.cellWidth) else { return nil }
        return (c, window.lowerBound + offset / g.cellWidth)
    }

    /// The rows of `columns` in `rect` with the selected task named on its last line (its age
    /// counted to `now`).
    static func draw(_ columns: [PlacementColumnModel], selection: Selection, now: Date, in rect: Rect, into buffer: inout CellBuffer) {
        guard !columns.isEmpty else {
            buffer.put("no nodes", x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        let geometry = Geometry(columns, selection: selection, in: rect)
        for c in geometry.shown {
            let column = columns[c], row = geometry.row(c), y = row.y, right = row.x + row.width
            buffer.put(DisplayText.truncate(column.hostname, to: geometry.hostWidth), x: row.x, y: y, style: column.hostnameStyle,
                       maxWidth: geometry.hostWidth)
            let selectedRow = PlacementGrid.selectedRow(inColumn: c, selection), marker = geometry.markerCells(column.cards.count)
            let (before, window) = cellWindow(count: column.cards.count, selected: selectedRow, capacity: geometry.capacity(row), marker: marker)
            var x = geometry.cellsX(row)
            if before > 0 {
                buffer.put("+\(before)", x: x, y: y, style: Style(.dim), maxWidth: right - x)
                x += marker * geometry.cellWidth
            }
            for i in window where x < right {
                let card = column.cards[i]
                buffer.put(card.cell, x: x, y: y, style: i == selectedRow ? Style(.selected) : column.dimmed ? Style(.dim) : card.style)
                x += geometry.cellWidth
            }
            let after = column.cards.count - window.upperBound
            let markerX = x + spaciousCellWidth - geometry.cellWidth  // a space before it in bands too
            if after > 0, markerX < right { buffer.put("+\(after)", x: markerX, y: y, style: Style(.dim), maxWidth: right - markerX) }
        }
        let right = rect.x + rect.width
        guard rect.height > 1 else { return }
        let position = geometry.shown.count < columns.count
            ? "rows \(geometry.shown.lowerBound + 1)-\(geometry.shown.upperBound) of \(columns.count)" : ""
        let positionX = right - DisplayText.width(position)
        if !position.isEmpty { buffer.put(position, x: positionX, y: geometry.nameY, style: Style(.dim)) }
        if let name = selectedTaskText(columns, selection: selection, now: now) {
            let width = max(0, positionX - rect.x - (position.isEmpty ? 0 : 2))
            buffer.put(DisplayText.truncate(name, to: width), x: rect.x, y: geometry.nameY, style: .normal, maxWidth: width)
        }
    }

    /// The compact grid beside a table pane, after a vertical rule in the column left of `rect`.
    static func drawBeside(_ columns: [PlacementColumnModel], selection: Selection, now: Date, in rect: Rect, into buffer: inout CellBuffer) {
        PlacementGrid.drawRule(leftOf: rect, into: &buffer)
        draw(columns, selection: selection, now: now, in: rect, into: &buffer)
    }

    /// The selected task in words, as `docker service ps` names it: `lab_web.3 running on node2 · 2 minutes`
    /// (`pending, no node` for a task without one; the age of its current state at `now`); nil
    /// when no task is selected.
    static func selectedTaskText(_ columns: [PlacementColumnModel], selection: Selection, now: Date) -> String? {
        guard case .task(let id)? = selection.id, columns.indices.contains(selection.column) else { return nil }
        let column = columns[selection.column]
        guard column.cards.indices.contains(selection.row), column.cards[selection.row].taskID == id else { return nil }
        let card = column.cards[selection.row]
        let place = column.nodeID.isEmpty ? ", no node" : " on \(column.nodeHostname)"
        let age = card.since.map { " · " + Format.humanDuration(now.timeIntervalSince($0)).lowercased() } ?? ""
        return "\(card.name) \(card.state)\(place)\(age)"
    }
}
