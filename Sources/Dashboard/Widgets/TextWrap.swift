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
