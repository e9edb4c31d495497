import Foundation

/// The `/` filter of a pane: it keeps the rows whose text matches, ignoring case. What was
/// typed is read as a regular expression (ICU syntax, as `NSRegularExpression` reads it) when
/// it compiles as one, else as plain text: `web`, `lab_web\.[12]` and `running|pending` all
/// work, and `(` alone matches a `(`.
struct RowFilter {
    /// What was typed.
    let text: String
    private let regex: NSRegularExpression?

    /// The filter for `text`; nil when there is nothing to filter on.
    init?(_ text: String?) {
        guard let text, !text.isEmpty else { return nil }
        self.text = text
        regex = try? NSRegularExpression(pattern: text, options: [.caseInsensitive])
    }

    /// True when the text is not a regular expression and is matched as plain text.
    var isPlainText: Bool { regex == nil }

    /// True when `row` matches: its cells' text (ages left out), two spaces apart.
    func matches(_ row: TableRow) -> Bool {
        let line = row.cells.map(\.text).joined(separator: "  ")
        if let regex { return regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil }
        return line.range(of: text, options: .caseInsensitive) != nil
    }
}
