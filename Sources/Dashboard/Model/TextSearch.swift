/// The `/` search of the views that show lines (the log view, the inspect view): typing the
/// text, and finding the next line that holds it.
extension LogSearch {
    /// What a key did to the search being typed.
    enum Typed {
        /// Text, Backspace or Delete changed what is typed.
        case edited
        /// Enter: what was typed is the query now (the current match forgotten).
        case entered
        /// Esc: the typing ended, the query kept.
        case cancelled
        /// Ctrl-C.
        case quit
        /// Any other key: nothing changed.
        case ignored
    }

    /// Applies a key while the text after `/` is typed (`typing` not nil).
    mutating func type(_ key: KeyEvent) -> Typed {
        guard var typed = typing else { return .ignored }
        if editText(&typed, key, limit: 200, accepts: { _ in true }) {
            typing = typed
            return .edited
        }
        switch key {
        case .enter:
            typing = nil
            query = typed
            match = nil
            return .entered
        case .escape:
            typing = nil
            return .cancelled
        case .ctrl("c"):
            return .quit
        default:
            return .ignored
        }
    }

    /// The index of the first of `count` lines, from `start` on (down when `forward`, else up),
    /// wrapping around, whose text holds `query`, ignoring case.
    /// - Parameter text: the text of line `i` (0 ..< count).
    /// - Returns: nil when no line holds it (or `query` is empty).
    static func find(_ query: String, count: Int, from start: Int, forward: Bool, text: (Int) -> String) -> Int? {
        let query = query.lowercased()
        guard !query.isEmpty, count > 0 else { return nil }
        for step in 0..<count {
            let i = ((start + (forward ? step : -step)) % count + count) % count
            if text(i).lowercased().contains(query) { return i }
        }
        return nil
    }
}
