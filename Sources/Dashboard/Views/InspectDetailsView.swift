/// Draws the inspect view over the pane: a header (what is inspected, `raw JSON` while `J` shows
/// it, `secrets shown` while `v` reveals them, which rows are shown), then the rows from the top
/// one: section titles bold, lines cut at the edge (`…`), the search's matches highlighted as in
/// the log view, the failure in the error colour.
enum InspectDetailsView {
    static func draw(_ view: InspectView, in area: Rect, into buffer: inout CellBuffer) {
        guard area.height > 0, area.width > 0 else { return }
        let rows = view.rows
        let shown = max(0, area.height - 1)
        var x = buffer.put("inspect " + view.target.label, x: area.x, y: area.y, style: Style(.title, bold: true), maxWidth: area.width)
        var notes: [(String, Style)] = []
        if view.showsJSON { notes.append(("raw JSON", Style(.warn, bold: true))) }
        if view.revealsSecrets, view.hasSecrets { notes.append(("secrets shown", Style(.error, bold: true))) }
        for (text, style) in notes where x + 2 < area.width {
            x = buffer.put(text, x: x + 2, y: area.y, style: style, maxWidth: area.width - x - 2)
        }
        if view.sections != nil, view.failure == nil, !rows.isEmpty {
            let last = min(rows.count, view.top + shown)
            let range = "rows \(view.top + 1)-\(last) of \(rows.count)"
            let w = DisplayText.width(range)
            if x + 2 + w <= area.width { buffer.put(range, x: area.x + area.width - w, y: area.y, style: Style(.dim)) }
        }
        for (i, index) in (view.top..<min(rows.count, view.top + shown)).enumerated() {
            let row = rows[index]
            let base = view.failure != nil ? Style(.error) : row.isTitle ? Style(.title, bold: true) : view.sections == nil ? Style(.dim) : .normal
            var cells = DisplayText.graphemes(row.text).map { (grapheme: $0, style: base) }
            let match = Style(.selected, bold: view.search.match == index)
            for range in LogsView.matches(of: view.search.query, in: cells.map(\.grapheme.text)) {
                for j in range { cells[j].style = match }
            }
            let graphemes = cells.map(\.grapheme)
            let cut = TextWrap.rows(graphemes, width: area.width).count > 1
            let first = TextWrap.rows(graphemes, width: cut ? area.width - 1 : area.width)[0]
            LogsView.drawRow(LogsView.Row(number: index, cells: cells[first], cut: cut), y: area.y + 1 + i, x: area.x, width: area.width, into: &buffer)
        }
    }
}
