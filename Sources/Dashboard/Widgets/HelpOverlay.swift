/// Draws the help overlay: the keymap bindings it is given (those of the pane shown, or of the
/// log view; keys, description, `(confirm)` for actions on the swarm; a dialog shows its own
/// keys), in as many columns as the height needs, then a note on the pane (the nodes pane: how
/// to reach each node's engine) and where actions are logged.
enum HelpOverlay {
    /// Spaces between help columns.
    static let gap = 2

    static func draw(_ bindings: [KeyBinding], title: String, readOnly: Bool, actionLog: String?, note: [String] = [],
                     in area: Rect, into buffer: inout CellBuffer) {
        let logLine = readOnly ? "actions are off (--read-only)" : actionLog.map { "actions are logged to \($0)" }
        let logLines = note + [logLine].compactMap { $0 }
        let extra = logLines.isEmpty ? 0 : 1 + logLines.count
        let rowsAvailable = max(1, area.height - 4 - extra)
        let columnCount = (bindings.count + rowsAvailable - 1) / rowsAvailable
        let rows = (bindings.count + columnCount - 1) / columnCount
        let columns = stride(from: 0, to: bindings.count, by: rows).map { Array(bindings[$0..<min(bindings.count, $0 + rows)]) }
        let layouts = columns.map { column -> (label: Int, width: Int) in
            let label = column.map { DisplayText.width($0.label) }.max() ?? 0
            return (label, column.map { label + 2 + DisplayText.width(text($0, readOnly: readOnly)) }.max() ?? 0)
        }
        let contentWidth = max(layouts.map(\.width).reduce(0, +) + gap * (columns.count - 1), logLines.map(DisplayText.width).max() ?? 0)
        let box = Box.centred(width: contentWidth + 4, height: rows + 2 + extra, in: area)
        let toggle = bindings.first { $0.command == .toggleHelp }?.label ?? "?"
        let back = bindings.first { $0.command == .back || $0.command == .closeLogs }?.label ?? "Esc"
        let cut = box.width < contentWidth + 4 || box.height < rows + 2 + extra
        Box.draw(box, title: title, footer: cut ? "cut: enlarge to see all" : "\(toggle) or \(back) closes", into: &buffer)
        let right = box.x + box.width - 2
        var x = box.x + 2
        for (column, layout) in zip(columns, layouts) {
            for (i, binding) in column.enumerated() where i < box.height - 2 && x < right {
                let y = box.y + 1 + i
                buffer.put(binding.label, x: x, y: y, style: Style(.key, bold: true, on: .dialog), maxWidth: right - x)
                let descX = x + layout.label + 2
                guard descX < right else { continue }
                buffer.put(DisplayText.truncate(text(binding, readOnly: readOnly), to: right - descX), x: descX, y: y,
                           style: Style(.dialog), maxWidth: right - descX)
            }
            x += layout.width + gap
        }
        if box.height >= rows + 2 + extra {
            for (i, line) in logLines.enumerated() {
                buffer.put(DisplayText.truncate(line, to: box.width - 4), x: box.x + 2, y: box.y + rows + 2 + i,
                           style: Style(.dim, on: .dialog), maxWidth: box.width - 4)
            }
        }
    }

    /// The description, marked `(confirm)` for actions (or `(off: read-only)` in read-only mode).
    private static func text(_ binding: KeyBinding, readOnly: Bool) -> String {
        guard binding.dangerous else { return binding.description }
        return binding.description + (readOnly ? " (off: read-only)" : " (confirm)")
    }
}
