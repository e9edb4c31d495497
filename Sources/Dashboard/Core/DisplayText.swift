#if canImport(Glibc)
import Glibc
#endif
import CWCWidth

/// Display width and escaping of engine-supplied text.
///
/// Widths come from the C library's `wcwidth` table (glibc's Unicode data), which needs a
/// UTF-8 `LC_CTYPE` (the terminal front end and tests call `DisplayText.useUTF8Locale()`).
/// Control characters (C0, DEL, C1) are replaced by visible escapes such as `\e` or `\x07`,
/// so escape sequences in labels, errors or names never reach the terminal. Invisible
/// characters (zero-width, bidi controls, a lone combining mark) are shown as `‹U+200B›`, so
/// that two names never look the same and none is reordered on screen.
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

    /// Splits `text` into displayable graphemes: controls and invisible characters escaped,
    /// widths of 1 or 2.
    public static func graphemes(_ text: String) -> [Grapheme] {
        if isPrintableASCII(text) {
            return text.utf8.map { Grapheme(text: String(UnicodeScalar($0)), width: 1) }
        }
        var out: [Grapheme] = []
        for ch in text {
            let w = width(of: ch)
            if let escaped = escape(ch, width: w) {
                for c in escaped { out.append(Grapheme(text: String(c), width: 1)) }
            } else {
                out.append(Grapheme(text: String(ch), width: w))
            }
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

    /// `text` with every control character replaced by its visible escape (`\e`, `\x07`, …)
    /// and every invisible one by its code point (`‹U+200B›`): what `graphemes` shows, as one string.
    public static func escaped(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        var out = ""
        for ch in text { out += escape(ch, width: width(of: ch)) ?? String(ch) }
        return out
    }

    /// The visible form of a grapheme `width` columns wide that holds a control or an invisible
    /// character, nil for any other: controls as `\e`, `\n`, `\x9B`; invisible characters
    /// (zero-width spaces and joiners, bidi controls, fillers, variation selectors, tags) and a
    /// grapheme of no width as `‹U+200B›`. An emoji keeps the joiners, selectors and tags that
    /// build it (👨‍👩‍👧, ❤️, 🏴 flags).
    static func escape(_ ch: Character, width: Int) -> String? {
        let scalars = ch.unicodeScalars
        guard width == 0 || scalars.contains(where: isUnprintable) else { return nil }
        let emoji = isEmoji(ch)
        func shown(_ s: Unicode.Scalar) -> Bool {
            !isUnprintable(s) || (emoji && (s.value == 0x200D || s.value == 0xFE0F || (0xE0020...0xE007F).contains(s.value)))
        }
        guard width == 0 || !scalars.allSatisfy(shown) else { return nil }
        return scalars.map { s -> String in
            if width > 0 && shown(s) { return String(s) }
            switch s.value {
            case 0x1B: return "\\e"
            case 0x0A: return "\\n"
            case 0x0D: return "\\r"
            case 0x09: return "\\t"
            case _ where isControl(s): return "\\x" + String(s.value, radix: 16, uppercase: true).leftPadded(to: 2)
            default: return "‹U+" + String(s.value, radix: 16, uppercase: true).leftPadded(to: 4) + "›"
            }
        }.joined()
    }

    /// True for a grapheme drawn as an emoji: one with an emoji-presentation character, or an
    /// emoji character made one by U+FE0F (❤️; a keycap 1️⃣ needs its U+20E3 as well).
    private static func isEmoji(_ ch: Character) -> Bool {
        let scalars = ch.unicodeScalars
        if scalars.contains(where: { $0.properties.isEmojiPresentation }) { return true }
        guard let first = scalars.first, first.properties.isEmoji, scalars.contains("\u{FE0F}") else { return false }
        return !first.isASCII || scalars.contains("\u{20E3}")
    }

    /// True for a control or an invisible character: what `escaped` shows as an escape
    /// wherever it stands, and what text written out (JSON, the config file) writes as a `\u` escape.
    public static func isUnprintable(_ s: Unicode.Scalar) -> Bool {
        isControl(s) || isInvisible(s)
    }

    /// C0 and C1 controls, DEL, and the line and paragraph separators.
    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029
    }

    /// Characters that draw nothing: format characters (general category Cf: zero-width spaces
    /// and joiners, bidi embeddings, overrides and isolates, the byte order mark, tags) and the
    /// other default-ignorable ones (Hangul fillers, variation selectors, U+034F).
    private static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory == .format || s.properties.isDefaultIgnorableCodePoint
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
