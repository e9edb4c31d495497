#if canImport(Glibc)
import Glibc
#endif
import CWCWidth

/// Display width and escaping of engine-supplied text.
///
/// Widths come from the C library's `wcwidth` table (glibc's Unicode data), which needs a
/// UTF-8 `LC_CTYPE` (the terminal front end and tests call `DisplayText.useUTF8Locale()`).
/// Control characters (C0, DEL, C1) are replaced by visible escapes such as `\e` or `\x07`,
/// so escape sequences in labels, errors or names never reach the terminal.
public enum DisplayText {
    /// A grapheme ready for a cell: its text (never a control character) and its width (1 or 2).
    public struct Grapheme: Sendable, Equatable {
        public var text: String
        public var width: Int
    }

    /// Selects a UTF-8 character type locale: the user's if it is UTF-8, else `C.UTF-8`.
    public static func useUTF8Locale() {
        if let current = setlocale(LC_CTYPE, ""), String(cString: current).uppercased().contains("UTF-8") { return }
        if let current = setlocale(LC_CTYPE, nil), String(cString: current).uppercased().contains("UTF-8") { return }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }

    /// Splits `text` into displayable graphemes: controls escaped, zero-width graphemes
    /// dropped, widths of 1 or 2.
    public static func graphemes(_ text: String) -> [Grapheme] {
        if isPrintableASCII(text) {
            return text.utf8.map { Grapheme(text: String(UnicodeScalar($0)), width: 1) }
        }
        var out: [Grapheme] = []
        for ch in text {
            if let escaped = escape(ch) {
                for c in escaped { out.append(Grapheme(text: String(c), width: 1)) }
                continue
            }
            let w = width(of: ch)
            if w > 0 { out.append(Grapheme(text: String(ch), width: w)) }
        }
        return out
    }

    /// The number of terminal columns `text` takes once escaped.
    public static func width(_ text: String) -> Int {
        isPrintableASCII(text) ? text.utf8.count : graphemes(text).reduce(0) { $0 + $1.width }
    }

    /// True when every byte is a printable ASCII character: one column each, nothing to escape
    /// (the common case, measured without grapheme breaking or `wcwidth`).
    private static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// `text` cut to at most `columns` columns, ending in `…` when it was cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        let gs = graphemes(text)
        let total = gs.reduce(0) { $0 + $1.width }
        if total <= columns { return gs.map(\.text).joined() }
        var out = ""
        var used = 0
        for g in gs {
            if used + g.width > columns - 1 { break }
            out += g.text
            used += g.width
        }
        return out + "…"
    }

    /// The end of `text` that fits in `columns` columns, in whole graphemes.
    static func suffix(_ text: String, columns: Int) -> String {
        var kept: [String] = []
        var used = 0
        for g in graphemes(text).reversed() {
            if used + g.width > columns { break }
            kept.append(g.text)
            used += g.width
        }
        return kept.reversed().joined()
    }

    /// `text` padded with spaces (or truncated) to exactly `columns` columns; right-aligned if asked.
    public static func pad(_ text: String, to columns: Int, right: Bool = false) -> String {
        let cut = truncate(text, to: columns)
        let fill = String(repeating: " ", count: max(0, columns - width(cut)))
        return right ? fill + cut : cut + fill
    }

    /// `text` with every control character replaced by its visible escape (`\e`, `\x07`, …):
    /// what `graphemes` shows, as one string (zero-width graphemes kept).
    public static func escaped(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        var out = ""
        for ch in text { out += escape(ch) ?? String(ch) }
        return out
    }

    /// The visible escape for a control character, nil for any other character.
    static func escape(_ ch: Character) -> String? {
        guard ch.unicodeScalars.contains(where: isControl) else { return nil }
        return ch.unicodeScalars.map { s -> String in
            guard isControl(s) else { return String(s) }
            switch s.value {
            case 0x1B: return "\\e"
            case 0x0A: return "\\n"
            case 0x0D: return "\\r"
            case 0x09: return "\\t"
            default: return "\\x" + String(s.value, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }.joined()
    }

    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029
    }

    /// Columns of one grapheme: the widest of its scalars by `wcwidth` (an emoji presentation
    /// selector makes it 2), 0 for a grapheme made only of combining or format characters.
    private static func width(of ch: Character) -> Int {
        if ch.isASCII { return 1 }
        var w = 0
        for s in ch.unicodeScalars {
            if s.value == 0xFE0F { w = max(w, 2); continue }
            let sw = Int(wcwidth(wchar_t(bitPattern: s.value)))
            w = max(w, sw < 0 ? 1 : sw)
        }
        return min(w, 2)
    }
}

extension String {
    fileprivate func leftPadded(to n: Int) -> String {
        count >= n ? self : String(repeating: "0", count: n - count) + self
    }
}
