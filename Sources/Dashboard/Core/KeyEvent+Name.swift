extension KeyEvent {
    /// The key a config file names: one character (`k`, `+`, `/`), `Ctrl-X`, `Enter`, `Esc`,
    /// `Tab`, `Shift-Tab`, `Backspace`, `Del`, `Up`, `Down`, `Left`, `Right`, `PgUp`, `PgDn`,
    /// `Home`, `End`, `Space` or `F1`…`F12` (names in any case; also the labels help shows,
    /// such as `↓`). Nil for anything else.
    public init?(name: String) {
        let lower = name.lowercased()
        if let key = Self.named[lower] {
            self = key
            return
        }
        if name.count == 1, let c = name.first, !c.isWhitespace {
            self = .char(c)
            return
        }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isASCII, c.isLetter {
            self = .ctrl(c)
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
            self = .function(n)
            return
        }
        return nil
    }

    /// The keys with a name, by their lowercased name.
    private static let named: [String: KeyEvent] = [
        "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab, "shift-tab": .backTab,
        "backspace": .backspace, "del": .delete, "delete": .delete, "space": .char(" "),
        "up": .up, "↑": .up, "down": .down, "↓": .down, "left": .left, "←": .left, "right": .right, "→": .right,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
    ]
}
