import Foundation

/// Draws the compact placement grid (`z` in the Placement pane): a row per node, its hostname
/// (marked and styled as the columns' headers: `✗` and the error colour when down, dim when
/// drained or paused) then a cell per task (`PlacementCard.cell`: `■` in its service's colour,
/// `✗` failing, `◌` starting), after a `pending` row when some task has no node. Rows that do
/// not fit scroll from the selection's `firstColumn`, keeping the selected node in view; a row
/// with more cells than fit counts the ones cut (`+12`), the selected row scrolling to show its
/// selected cell. The rectangle's last line names the selected task. Beside a table pane (from
/// 200 columns) it replaces the columns while the mode is on.
enum PlacementRows {
    /// The columns a cell takes: its mark and a space.
    static let cellWidth = 2
    /// The widest the hostnames' column gets.
    static let maxHostWidth = 24

    /// Where the rows and cells go in a rectangle, for one selection: what `draw` paints and
    /// what the mouse hit test reads.
    struct Geometry: Equatable {
        /// The hostnames' column width: the widest hostname, at most `maxHostWidth`.
        let hostWidth: Int
        /// The node rows shown, by index in the model.
        let shown: Range<Int>
        /// The rectangle the grid fills, its last line naming the selected task.
        let rect: Rect

        /// The layout of `columns` in `rect`, scrolled from `selection.firstColumn` just
        /// enough to show the selected node (`selection.column`).
        init(_ columns: [PlacementColumnModel], selection: Selection, in rect: Rect) {
            hostWidth = min(maxHostWidth, rect.width / 3, columns.map { DisplayText.width($0.hostname) }.max() ?? 0)
            let visible = PlacementRows.visibleRows(in: rect)
            let first = Selection.scroll(selection.firstColumn, keeping: selection.column, visible: visible, count: columns.count)
            shown = first..<min(columns.count, first + visible)
            self.rect = rect
        }

        /// The x of a row's first cell, after the hostname and a space.
        var cellsX: Int { rect.x + hostWidth + 1 }
        /// How many cells fit on a row (the last one's space may fall outside).
        var capacity: Int { max(0, (rect.x + rect.width - cellsX + 1) / PlacementRows.cellWidth) }
        /// The line that names the selected task: the rectangle's last.
        var nameY: Int { rect.y + rect.height - 1 }
        /// The y of node row `c` (one of `shown`).
        func y(ofRow c: Int) -> Int { rect.y + c - shown.lowerBound }
    }

    /// Node rows that fit in `rect`: all its lines but the last, which names the selected task.
    static func visibleRows(in rect: Rect) -> Int { max(0, rect.height - 1) }

    /// The cells a `+N` count of a row of `count` cells takes, its space included.
    static func markerCells(_ count: Int) -> Int { (DisplayText.width("+\(count)") + 1 + cellWidth - 1) / cellWidth }

    /// Which of a row's `count` cells show in `capacity` cells, keeping `selected` in view:
    /// `before` cut at the start (a `+N` count when not 0), then `window`; the ones after it
    /// are counted at the end.
    static func cellWindow(count: Int, selected: Int?, capacity: Int) -> (before: Int, window: Range<Int>) {
        guard count > capacity else { return (0, 0..<count) }
        let marker = markerCells(count), row = min(max(0, selected ?? 0), count - 1)
        let head = max(1, capacity - marker)
        if row < head { return (0, 0..<head) }
        if row >= count - head { return (count - head, (count - head)..<count) }
        let middle = max(1, capacity - 2 * marker)
        let start = Selection.scroll(0, keeping: row, visible: middle, count: count)
        return (start, start..<(start + middle))
    }

    /// The task cell at the screen cell (`x`, `y`), as (node row, card index), drawn for
    /// `selection` in `rect`; nil off the cells (the space between two cells included).
    static func card(atX x: Int, y: Int, _ columns: [PlacementColumnModel], selection: Selection, in rect: Rect) -> (column: Int, row: Int)? {
        let geometry = Geometry(columns, selection: selection, in: rect)
        guard rect.contains(x: x, y: y), y < geometry.nameY else { return nil }
        let c = geometry.shown.lowerBound + y - rect.y
        guard geometry.shown.contains(c) else { return nil }
        let count = columns[c].cards.count
        let (before, window) = cellWindow(count: count, selected: PlacementGrid.selectedRow(inColumn: c, selection), capacity: geometry.capacity)
        let offset = x - geometry.cellsX - (before > 0 ? markerCells(count) * cellWidth : 0)
        guard offset >= 0, offset % cellWidth == 0, window.contains(window.lowerBound + offset / cellWidth) else { return nil }
        return (c, window.lowerBound + offset / cellWidth)
    }

    /// The rows of `columns` in `rect` with the selected task named on its last line (its age
    /// counted to `now`).
    static func draw(_ columns: [PlacementColumnModel], selection: Selection, now: Date, in rect: Rect, into buffer: inout CellBuffer) {
        guard !columns.isEmpty else {
            buffer.put("no nodes", x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        let geometry = Geometry(columns, selection: selection, in: rect)
        let right = rect.x + rect.width
        for c in geometry.shown {
            let column = columns[c], y = geometry.y(ofRow: c)
            buffer.put(DisplayText.truncate(column.hostname, to: geometry.hostWidth), x: rect.x, y: y, style: column.hostnameStyle,
                       maxWidth: geometry.hostWidth)
            let selectedRow = PlacementGrid.selectedRow(inColumn: c, selection)
            let (before, window) = cellWindow(count: column.cards.count, selected: selectedRow, capacity: geometry.capacity)
            var x = geometry.cellsX
            if before > 0 {
                buffer.put("+\(before)", x: x, y: y, style: Style(.dim), maxWidth: right - x)
                x += markerCells(column.cards.count) * cellWidth
            }
            for i in window where x < right {
                let card = column.cards[i]
                buffer.put(card.cell, x: x, y: y, style: i == selectedRow ? Style(.selected) : column.dimmed ? Style(.dim) : card.style)
                x += cellWidth
            }
            let after = column.cards.count - window.upperBound
            if after > 0, x < right { buffer.put("+\(after)", x: x, y: y, style: Style(.dim), maxWidth: right - x) }
        }
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
