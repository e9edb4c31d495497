import Dashboard

/// Finds bracketed pastes in what curses reads. With bracketed paste on (xterm's mode 2004,
/// `BracketedPaste.enable`), a terminal wraps pasted text in `ESC [200~` … `ESC [201~`;
/// curses knows neither sequence and hands both over as Esc and characters. The text between
/// them becomes one `KeyEvent.paste`: a paste never acts as keys. Everything else is decoded by
/// `KeyDecoder`. Pure, stateful (a marker or a paste may span reads); tested without a terminal.
struct PasteDecoder {
    /// `ESC [200~`, the start of a paste.
    static let start: [UInt32] = [27, 91, 50, 48, 48, 126]
    /// `ESC [201~`, its end.
    static let end: [UInt32] = [27, 91, 50, 48, 49, 126]
    /// Seconds without a character after which a paste whose end never came ends.
    static let silence = 1.0

    /// The start of a marker read so far, not yet known to be one.
    private var held: [UInt32] = []
    /// The text of the paste being read; nil outside a paste.
    private var text: String.UnicodeScalarView?
    /// Inside a paste: whether a character came since the last read ended, and when it ended.
    private var readSomething = false
    private var lastRead = 0.0

    /// A character read by `wget_wch` (OK).
    /// - Returns: what it completes: keys, a paste, or nothing yet.
    mutating func character(_ code: UInt32) -> [TerminalInput] {
        readSomething = true
        held.append(code)
        let marker = text == nil ? Self.start : Self.end
        if held == marker {
            held = []
            if let pasted = text {
                text = nil
                return [.key(.paste(String(pasted)))]
            }
            text = String.UnicodeScalarView()
            return []
        }
        if marker.starts(with: held) { return [] }
        // Not a marker: what was held is keys (or text), and the last character may start one.
        let last = held.removeLast()
        return release() + (last == 27 ? character(last) : plain(last))
    }

    /// A function key, a mouse event or a resize. Inside a paste, keys and clicks are pasted
    /// text curses decoded (an escape sequence in it): dropped, never acted on.
    mutating func other(_ input: TerminalInput) -> [TerminalInput] {
        readSomething = true
        let before = release()
        if text != nil, input != .resize { return before }
        return before + [input]
    }

    /// The read ended (curses has nothing more) at `now`, in seconds on any steady clock.
    /// Outside a paste, what was held is keys (a lone Esc); a paste that has had no character
    /// for `silence` seconds ends with what it holds.
    mutating func endOfRead(at now: Double) -> [TerminalInput] {
        guard var pasted = text else { return release() }
        if readSomething {
            readSomething = false
            lastRead = now
            return []
        }
        guard now - lastRead >= Self.silence else { return [] }
        pasted.append(contentsOf: held.compactMap { Unicode.Scalar($0) })
        held = []
        text = nil
        return [.key(.paste(String(pasted)))]
    }

    /// Hands over what was held: as keys outside a paste, as text inside one.
    private mutating func release() -> [TerminalInput] {
        defer { held = [] }
        return held.flatMap { plain($0) }
    }

    /// One character that is no marker: a key, or text of the paste.
    private mutating func plain(_ code: UInt32) -> [TerminalInput] {
        guard text != nil else { return KeyDecoder.character(code).map { [.key($0)] } ?? [] }
        if let scalar = Unicode.Scalar(code) { text?.append(scalar) }
        return []
    }
}
