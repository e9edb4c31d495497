/// A rectangle of terminal cells: the output of every view, compared as text in tests and
/// diffed by the terminal backend so that only changed cells are written.
///
/// A cell holds one grapheme of display width 1, or the first half of a width-2 grapheme
/// followed by a continuation cell (`text == ""`). Control characters never enter a cell:
/// `put` shows them escaped (see `DisplayText`).
public struct CellBuffer: Sendable, Equatable {
    /// Size in terminal columns and rows.
    public let width: Int
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    /// A buffer of blank cells in `style`.
    public init(width: Int, height: Int, style: Style = .normal) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(text: " ", style: style), count: self.width * self.height)
    }

    /// The cell at column `x`, row `y` (both 0-based; must be inside the buffer).
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from (`x`, `y`) in `style`, clipped to `maxWidth` columns and the buffer's edge.
    /// Wide graphemes take two cells; one that would straddle the clip edge is replaced by a space.
    /// - Returns: the column after the last one written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        for g in DisplayText.graphemes(text) {
            let w = g.width
            if col + w > limit {
                if col < limit, w == 2, col >= 0 { self[col, y] = Cell(text: " ", style: style); col += 1 }
                break
            }
            if col >= 0 {
                self[col, y] = Cell(text: g.text, style: style)
                if w == 2 { self[col + 1, y] = Cell(text: "", style: style) }
            }
            col += w
        }
        return col
    }

    /// Sets the style of `count` cells from (`x`, `y`) without changing their text.
    public mutating func paint(x: Int, y: Int, count: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for c in max(0, x)..<min(width, x + count) { self[c, y].style = style }
    }

    /// Fills a rectangle with blanks in `style`.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style) {
        for row in max(0, y)..<min(height, y + h) {
            for c in max(0, x)..<min(width, x + w) { self[c, row] = Cell(text: " ", style: style) }
        }
    }

    /// The text of each row (continuation cells omitted), trailing spaces trimmed: what a
    /// person would read on the screen. Tests compare panes with it.
    public var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width { s += self[x, y].text }
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
    }

    /// The cells that differ from `previous` (all of them when the sizes differ), as (x, y).
    public func changes(since previous: CellBuffer?) -> [(x: Int, y: Int)] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).flatMap { y in (0..<width).map { (x: $0, y: y) } }
        }
        var out: [(x: Int, y: Int)] = []
        for i in cells.indices where cells[i] != previous.cells[i] { out.append((x: i % width, y: i / width)) }
        return out
    }
}

/// One terminal cell: a grapheme (or `""` for the right half of a wide one) and its style.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var style: Style
    public init(text: String, style: Style) {
        self.text = text
        self.style = style
    }
}
