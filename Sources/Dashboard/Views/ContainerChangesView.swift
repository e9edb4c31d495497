import SwarmState

/// Draws the changes view over the pane: a title (the container, its storage driver and what
/// that means), the summary (copied up vs newly written, whiteouts, opaque directories), the
/// column names, then the tree: `C`/`A`/`D`, the path indented under its parent, its size
/// (siblings largest first) and its meaning; the selected row highlighted.
enum ContainerChangesView {
    static func draw(_ view: ChangesView, in area: Rect, into buffer: inout CellBuffer) {
        guard area.height > 0, area.width > 0 else { return }
        let width = area.width
        var x = buffer.put("changes of " + DisplayText.escaped(view.label), x: area.x, y: area.y, style: Style(.title, bold: true), maxWidth: width)
        if !view.filter.isEmpty, x + 2 < width {
            x = buffer.put("/" + DisplayText.escaped(view.filter), x: x + 2, y: area.y, style: Style(.warn, bold: true), maxWidth: width - x - 2)
        }
        guard area.height > 1 else { return }
        guard let changes = view.changes else {
            let (text, style) = view.error.map { ($0, Style(.error)) } ?? ("reading the container's changes…", Style(.dim))
            buffer.put(DisplayText.escaped(text), x: area.x, y: area.y + 1, style: style, maxWidth: width)
            return
        }
        let rows = view.rows
        if x + 2 < width {
            let count = view.filter.isEmpty ? "\(rows.count) entries" : "\(rows.count) of \(changes.entries.count) entries"
            buffer.put("  " + count + "  " + ChangesText.driverNote(changes.driver), x: x, y: area.y, style: Style(.dim), maxWidth: width - x)
        }
        buffer.put(ChangesText.summary(changes.summary, entries: changes.entries.count), x: area.x, y: area.y + 1,
                   style: Style(.normal, bold: true), maxWidth: width)
        guard area.height > ChangesView.headerRows else { return }
        let sizeWidth = 8
        let paths = rows.map(pathCell)
        // The path column fits the widest path, leaving the meaning at least 20 columns.
        let pathWidth = max(6, min(paths.map(DisplayText.width).max() ?? 0, width - sizeWidth - 4 - 20))
        let columns = [DisplayText.pad("  PATH", to: pathWidth), DisplayText.pad("SIZE", to: sizeWidth, right: true), "MEANING"]
        buffer.put(columns.joined(separator: "  "), x: area.x, y: area.y + 2, style: Style(.header, bold: true), maxWidth: width)
        let shown = area.height - ChangesView.headerRows
        let top = max(0, min(view.selected - shown / 2, rows.count - shown))
        for (i, index) in (top..<min(rows.count, top + shown)).enumerated() {
            let (entry, path, y) = (rows[index], paths[index], area.y + ChangesView.headerRows + i)
            let line = [DisplayText.pad(path, to: pathWidth), DisplayText.pad(ChangesText.size(entry), to: sizeWidth, right: true),
                        entry.meaning.explanation].joined(separator: "  ")
            if index == view.selected {
                buffer.put(DisplayText.pad(line, to: width), x: area.x, y: y, style: Style(.selected), maxWidth: width)
            } else {
                let end = buffer.put(entry.kind.letter, x: area.x, y: y, style: style(entry.kind), maxWidth: width)
                buffer.put(String(line.dropFirst()), x: end, y: y, style: entry.kind == .deleted ? Style(.dim) : .normal, maxWidth: width - end)
            }
        }
        if rows.isEmpty {
            let empty = changes.entries.isEmpty ? "the container changed nothing" : "no path matches /\(view.filter)"
            buffer.put(empty, x: area.x, y: area.y + ChangesView.headerRows, style: Style(.dim), maxWidth: width)
        }
    }

    /// `C   name/`: the kind, the name indented under its parent (the whole path at the top level), `/` after a directory.
    private static func pathCell(_ entry: ContainerChanges.Entry) -> String {
        let name = entry.depth == 0 ? entry.path : String(entry.path.split(separator: "/").last ?? "")
        return entry.kind.letter + " " + String(repeating: "  ", count: entry.depth) + DisplayText.escaped(name)
            + (entry.isDirectory ? "/" : "")
    }

    /// The letter's colour: added green, deleted red, changed yellow.
    private static func style(_ kind: ContainerChange.Kind) -> Style {
        switch kind {
        case .added: Style(.ok, bold: true)
        case .deleted: Style(.error, bold: true)
        case .changed: Style(.warn, bold: true)
        }
    }
}
