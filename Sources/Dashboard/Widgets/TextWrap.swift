/// Word wrapping in display columns, for dialog text.
enum TextWrap {
    /// `text` broken into lines of at most `width` columns at spaces; a word longer than a
    /// line is cut with `…`.
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let piece = DisplayText.truncate(String(word), to: width)
            let w = DisplayText.width(piece)
            if used > 0, used + 1 + w > width {
                lines.append(line)
                (line, used) = ("", 0)
            }
            if used > 0 { line += " "; used += 1 }
            line += piece
            used += w
        }
        if used > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}

extension TextWrap {
    /// Graphemes cut into rows of at most `width` columns, as index ranges: a wide grapheme that
    /// would straddle the edge starts the next row. At least one (empty) row.
    static func rows(_ graphemes: [DisplayText.Grapheme], width: Int) -> [Range<Int>] {
        guard width > 0 else { return [0..<graphemes.count] }
        var rows: [Range<Int>] = []
        var start = 0, used = 0
        for (i, g) in graphemes.enumerated() {
            if used + g.width > width, i > start {
                rows.append(start..<i)
                (start, used) = (i, 0)
            }
            used += g.width
        }
        rows.append(start..<graphemes.count)
        return rows
    }
}
