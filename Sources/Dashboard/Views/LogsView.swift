/// Draws the log view over the pane: a header (what, following or paused, how the stream
/// ended, which lines), then the lines, newest at the bottom while following; matches of the
/// search highlighted. Lines are cut at the edge (`…`) or wrapped (`w`).
enum LogsView {
    static func draw(_ view: LogView, in area: Rect, into buffer: inout CellBuffer) {
        guard area.height > 0, area.width > 0 else { return }
        let rows = area.height - 1
        let window = visibleRows(view, rows: rows, width: area.width)
        drawHeader(view, shown: window.first?.number, last: window.last?.number, y: area.y, width: area.width, into: &buffer)
        if view.lines.isEmpty, rows > 0 {
            let waiting = view.end == nil ? "waiting for lines…" : "no lines"
            buffer.put(waiting, x: area.x, y: area.y + 1, style: Style(.dim), maxWidth: area.width)
        }
        for (i, row) in window.enumerated() {
            drawRow(row, y: area.y + 1 + i, x: area.x, width: area.width, into: &buffer)
        }
    }

    /// One screen row: a line's number and the styled graphemes it shows there.
    struct Row {
        var number: Int
        var cells: ArraySlice<(grapheme: DisplayText.Grapheme, style: Style)>
        /// True when the line goes on past the right edge (not wrapping).
        var cut: Bool
    }

    /// The rows on screen, top first: from the top line down while paused, or up from the newest
    /// line while following.
    static func visibleRows(_ view: LogView, rows: Int, width: Int) -> [Row] {
        guard rows > 0 else { return [] }
        var out: [Row] = []
        if view.isFollowing {
            var n = view.total - 1
            while n >= view.dropped, out.count < rows {
                out.insert(contentsOf: lineRows(view, n, width: width), at: 0)
                n -= 1
            }
            return Array(out.suffix(rows))
        }
        var n = view.topShown(rows: rows, width: width)
        while n < view.total, out.count < rows {
            out += lineRows(view, n, width: width)
            n += 1
        }
        return Array(out.prefix(rows))
    }

    /// Line `number` as rows: one, cut at `width`, or as many as wrapping needs. A cut line is
    /// read only as far as the edge (and a search match across it): a 40 kB line costs a frame
    /// what a short one does.
    private static func lineRows(_ view: LogView, _ number: Int, width: Int) -> [Row] {
        guard let line = view.line(number) else { return [] }
        let columns = view.wraps ? nil : width + DisplayText.width(view.search.query)
        let cells = styled(line, view: view, isCurrentMatch: view.search.match == number, columns: columns)
        let graphemes = cells.map(\.grapheme)
        let ranges = TextWrap.rows(graphemes, width: width)
        if view.wraps { return ranges.map { Row(number: number, cells: cells[$0], cut: false) } }
        let cut = ranges.count > 1
        let first = cut ? TextWrap.rows(graphemes, width: width - 1)[0] : ranges[0]
        return [Row(number: number, cells: cells[first], cut: cut)]
    }

    /// The line's graphemes with their styles: the timestamp dim, the task prefix as a title,
    /// the message normal, and the search's matches highlighted; only those that fill `columns`
    /// columns and one grapheme more (to tell a cut line), or all of them when nil.
    private static func styled(_ line: LogViewLine, view: LogView, isCurrentMatch: Bool,
                               columns: Int?) -> [(grapheme: DisplayText.Grapheme, style: Style)] {
        var cells: [(grapheme: DisplayText.Grapheme, style: Style)] = []
        var room = columns ?? Int.max
        func add(_ text: String, _ style: Style) {
            for g in columns == nil ? DisplayText.graphemes(text) : head(text, columns: room) {
                cells.append((g, style))
                room -= g.width
            }
        }
        if view.showsTimestamps, !line.timestamp.isEmpty { add(line.timestamp + " ", Style(.dim)) }
        add(line.prefix, Style(.title))
        add(line.text, .normal)
        let match = Style(.selected, bold: isCurrentMatch)
        for range in matches(of: view.search.query, in: cells.map(\.grapheme.text)) {
            for i in range { cells[i].style = match }
        }
        return cells
    }

    /// The first graphemes of `text` up to the first one that ends past `columns` columns.
    private static func head(_ text: String, columns: Int) -> [DisplayText.Grapheme] {
        var out: [DisplayText.Grapheme] = []
        var used = 0
        for ch in text {
            if used > columns { break }
            for g in DisplayText.graphemes(String(ch)) {
                out.append(g)
                used += g.width
            }
        }
        return out
    }

    /// Where `query` occurs in `texts` (one grapheme each), ignoring case, as index ranges.
    static func matches(of query: String, in texts: [String]) -> [Range<Int>] {
        let needle = DisplayText.graphemes(query).map { $0.text.lowercased() }
        guard !needle.isEmpty, needle.count <= texts.count else { return [] }
        let hay = texts.map { $0.lowercased() }
        var found: [Range<Int>] = []
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i..<i + needle.count].elementsEqual(needle) {
                found.append(i..<i + needle.count)
                i += needle.count
            } else {
                i += 1
            }
        }
        return found
    }

    /// Draws a row's graphemes in runs of one style, and `…` at the edge when it is cut (the
    /// inspect view's rows too).
    static func drawRow(_ row: Row, y: Int, x: Int, width: Int, into buffer: inout CellBuffer) {
        var col = x
        var start = row.cells.startIndex
        while start < row.cells.endIndex {
            let style = row.cells[start].style
            let end = row.cells[start...].firstIndex { $0.style != style } ?? row.cells.endIndex
            col = buffer.put(row.cells[start..<end].map(\.grapheme.text).joined(), x: col, y: y, style: style,
                             maxWidth: max(0, x + width - col))
            start = end
        }
        if row.cut { buffer.put("…", x: x + width - 1, y: y, style: Style(.dim)) }
    }

    /// `service lab_web  following` or `paused: 12 new, G follows`, how the stream ended,
    /// and on the right `lines 120-160 of 5000`.
    private static func drawHeader(_ view: LogView, shown first: Int?, last: Int?, y: Int, width: Int, into buffer: inout CellBuffer) {
        var x = buffer.put("logs of " + view.target.label, x: 0, y: y, style: Style(.title, bold: true), maxWidth: width)
        let mode = view.isFollowing ? ("following", Style(.ok))
            : ("paused" + (view.newWhilePaused > 0 ? ": \(view.newWhilePaused) new" : "") + ", G follows", Style(.warn, bold: true))
        var notes = [mode]
        if let end = view.end { notes.append((end.text, end.isError ? Style(.error) : Style(.dim))) }
        for (text, style) in notes where x + 2 < width {
            x = buffer.put(text, x: x + 2, y: y, style: style, maxWidth: width - x - 2)
        }
        guard let first, let last else { return }
        let kept = view.dropped > 0 ? " (last \(view.lines.count) kept)" : ""
        let range = "lines \(first + 1)-\(last + 1) of \(view.total)\(kept)"
        let w = DisplayText.width(range)
        if x + 2 + w <= width { buffer.put(range, x: width - w, y: y, style: Style(.dim)) }
    }
}
