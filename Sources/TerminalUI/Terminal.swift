#if canImport(Glibc)
import Glibc
#endif
import CNCursesW
import Dashboard

/// The curses screen: set-up, teardown, colours, and writing the cells that changed.
/// Owned by one thread (the UI loop's); curses is not thread-safe.
final class Terminal {
    private var pairs: [PairKey: Int16] = [:]
    private var colorsAvailable = false
    private var previous: CellBuffer?
    private let theme: Theme

    private struct PairKey: Hashable {
        var foreground: TermColor
        var background: TermColor
    }

    init(theme: Theme) {
        self.theme = theme
    }

    /// Takes over the terminal: UTF-8 locale, raw keys (Ctrl-C arrives as a key), no echo,
    /// keypad decoding, hidden cursor, `timeoutMillis` key wait, colours on the terminal's defaults.
    func start(timeoutMillis: Int32) {
        setlocale(LC_ALL, "")
        DisplayText.useUTF8Locale()
        Signals.install()
        _ = set_escdelay(25)
        initscr()
        Signals.cursesActive = 1
        raw()
        noecho()
        nonl()
        keypad(swarmtop_stdscr(), true)
        wtimeout(swarmtop_stdscr(), timeoutMillis)
        curs_set(0)
        if has_colors() && getenv("NO_COLOR") == nil {
            start_color()
            use_default_colors()
            colorsAvailable = true
        }
    }

    /// Gives the terminal back as it was. Safe to call twice.
    func stop() {
        guard Signals.cursesActive != 0 else { return }
        Signals.cursesActive = 0
        curs_set(1)
        endwin()
    }

    /// The terminal's size in columns and rows.
    var size: (width: Int, height: Int) {
        (Int(getmaxx(swarmtop_stdscr())), Int(getmaxy(swarmtop_stdscr())))
    }

    /// Forgets what is on screen, so the next `draw` writes every cell (after a resize).
    func invalidate() {
        previous = nil
        wclear(swarmtop_stdscr())
    }

    /// Writes the cells of `buffer` that differ from the last drawn buffer, then refreshes.
    /// An unchanged buffer writes nothing to the terminal.
    func draw(_ buffer: CellBuffer) {
        let changes = buffer.changes(since: previous)
        guard !changes.isEmpty else { return }
        for (x, y) in changes {
            let cell = buffer[x, y]
            guard !cell.text.isEmpty else { continue }  // the right half of a wide grapheme
            var wide: [wchar_t] = cell.text.unicodeScalars.prefix(7).map { wchar_t(bitPattern: $0.value) }
            wide.append(0)
            let (attrs, pair) = attributes(cell.style)
            _ = swarmtop_put_cell(Int32(y), Int32(x), wide, attrs, pair)
        }
        previous = buffer
        wrefresh(swarmtop_stdscr())
    }

    /// Reads one key, waiting up to the configured timeout. Nil on timeout; `.resize` after SIGWINCH.
    func readKey() -> TerminalInput? {
        var ch: wint_t = 0
        let rc = wget_wch(swarmtop_stdscr(), &ch)
        if rc == swarmtop_err() { return nil }
        if rc == swarmtop_key_code_yes() {
            if Int32(ch) == swarmtop_key_resize() { return .resize }
            return KeyDecoder.functionKey(Int32(ch)).map(TerminalInput.key)
        }
        return KeyDecoder.character(UInt32(ch)).map(TerminalInput.key)
    }

    private func attributes(_ style: Style) -> (attr_t, Int16) {
        let a = theme.attributes(for: style)
        var attrs = swarmtop_a_normal()
        if a.bold || style.bold { attrs |= swarmtop_a_bold() }
        if a.reverse { attrs |= swarmtop_a_reverse() }
        if a.underline { attrs |= swarmtop_a_underline() }
        if a.dim { attrs |= swarmtop_a_dim() }
        guard colorsAvailable else { return (attrs, 0) }
        return (attrs, pair(foreground: a.foreground, background: a.background))
    }

    /// The colour pair for these colours, allocated on first use; pair 0 (terminal defaults)
    /// when the terminal has no more pairs or the colour is beyond its palette.
    private func pair(foreground: TermColor, background: TermColor) -> Int16 {
        let key = PairKey(foreground: foreground, background: background)
        if let p = pairs[key] { return p }
        if foreground == .terminalDefault && background == .terminalDefault { return 0 }
        let next = pairs.count + 1
        guard next < Int(swarmtop_color_pairs()), next <= Int(Int16.max) else { return 0 }
        init_pair(Int16(next), curses(foreground), curses(background))
        pairs[key] = Int16(next)
        return Int16(next)
    }

    private func curses(_ color: TermColor) -> Int16 {
        switch color {
        case .terminalDefault: return -1
        case .ansi(let n): return n < Int(swarmtop_colors()) ? Int16(n) : Int16(n % 8)
        }
    }
}

/// What the terminal delivers to the UI loop.
enum TerminalInput {
    case key(KeyEvent)
    case resize
}
