#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The `/` filter of a pane: it keeps the rows whose text matches, ignoring case. What was
/// typed is read as a POSIX extended regular expression (as `grep -Ei` reads it, glibc's
/// `regcomp`) when it compiles as one, else as plain text: `web`, `lab_web\.[12]\b` and
/// `running|pending` all work, and `(` alone matches a `(`. glibc's matcher does not
/// backtrack, so no pattern can stall the screen (`(.+)+x` costs microseconds a row).
struct RowFilter {
    /// What was typed.
    let text: String
    /// The typed text in lower case, its bytes compared with each row's folded to lower case.
    private let lowered: String
    private let regex: CompiledRegex?
    /// True when the typed text has none of the extended syntax's special characters: it is
    /// then found as text, the same answer as the regular expression's, much faster.
    private let isLiteral: Bool

    /// The filter for `text`; nil when there is nothing to filter on.
    init?(_ text: String?) {
        guard let text, !text.isEmpty else { return nil }
        self.text = text
        lowered = text.lowercased()
        regex = CompiledRegex(text)
        isLiteral = !text.contains { #".[]()*+?{}|^$\"#.contains($0) }
    }

    /// True when the text is not a regular expression and is matched as plain text.
    var isPlainText: Bool { regex == nil }

    /// True when `row` matches: the text of its cells that have any, two spaces apart (so `$`
    /// ends at the last shown value, `TableRow.text`), in any case. Ages ("12 minutes ago") are
    /// left out: they change while the filter stands.
    func matches(_ row: TableRow) -> Bool {
        if let regex, !isLiteral { return regex.matches(row.text) }
        return Self.containsFoldingASCII(row.isASCII ? row.text : row.text.lowercased(), lowered)
    }

    /// True when `text` holds `part` (in lower case), byte for byte in UTF-8 once `text`'s ASCII
    /// capitals are folded (as grep -i compares; a row with other letters is lowered first):
    /// `String.contains` compares characters, some 30 ms for 10,000 rows, and a lower-case copy
    /// of every row's text, kept for this, was 1.5 MB a table.
    private static func containsFoldingASCII(_ text: String, _ part: String) -> Bool {
        var (text, part) = (text, part)
        return text.withUTF8 { t in
            part.withUTF8 { p in
                guard let first = p.first else { return true }
                guard t.count >= p.count else { return false }
                @inline(__always) func folded(_ byte: UInt8) -> UInt8 { byte &- 65 < 26 ? byte | 0x20 : byte }
                outer: for i in 0...(t.count - p.count) where folded(t[i]) == first {
                    for j in 1..<p.count where folded(t[i + j]) != p[j] { continue outer }
                    return true
                }
                return false
            }
        }
    }
}

/// A compiled `regex_t` (extended syntax, any case, no subexpressions), freed with it.
private final class CompiledRegex {
    private var regex = regex_t()

    /// Nil when `pattern` is not a valid extended regular expression.
    init?(_ pattern: String) {
        guard regcomp(&regex, pattern, REG_EXTENDED | REG_ICASE | REG_NOSUB) == 0 else { return nil }
    }

    deinit { regfree(&regex) }

    func matches(_ line: String) -> Bool { regexec(&regex, line, 0, nil, 0) == 0 }
}
