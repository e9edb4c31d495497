#if canImport(Glibc)
import Glibc
#endif
import CNCursesW
import Dashboard

/// The curses screen: set-up, teardown, colours, and writing the cells that changed.
/// Owned by one thread (the UI loop's); curses is not thread-safe.
final class Terminal {
    private var pairs: [PairKey: Int16] = [:]
    private var depth = ColorDepth.none
    private var styles: [Style: (attr_t, Int16)] = [:]
    private var previous: CellBuffer?
    private var theme: Theme
    private var paste = PasteDecoder()
    /// Input decoded and not yet handed over (a held Esc comes out with what follows it).
    private var decoded: [TerminalInput] = []

    /// Curses colour numbers after quantisation: themes' colours that look alike share a pair.
    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    init(theme: Theme) {
        self.theme = theme
    }

    /// Takes over the terminal: UTF-8 locale, raw keys (Ctrl-C arrives as a key), no echo,
    /// keypad decoding, mouse reporting (clicks and the wheel), bracketed paste, hidden cursor, `timeoutMillis`
    /// key wait, colours on the terminal's defaults
    /// unless `NO_COLOR` is set to anything but the empty string (no-color.org).
    /// - Parameter wake: the pipe end that signal handlers write to, to wake the UI loop.
    /// - Throws: `TerminalError` when stdin/stdout is not a terminal, `TERM` is unknown, or the
    ///   terminal cannot move its cursor; the terminal is left untouched then.
    func start(timeoutMillis: Int32, wake: Int32) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        setlocale(LC_ALL, "")
        DisplayText.useUTF8Locale()
        _ = set_escdelay(25)
        guard !term.isEmpty, let screen = swarmtop_newterm() else { throw .unknownTerminal(term) }
        set_term(screen)
        let cup = tigetstr("cup")
        guard let cup, Int(bitPattern: cup) != -1 else {
            endwin()
            throw .cannotAddressCursor(term)
        }
        Signals.install(wake: wake)
        StderrCapture.begin()
        Signals.cursesActive = 1
        raw()
        noecho()
        nonl()
        keypad(swarmtop_stdscr(), true)
        mouseinterval(0)
        mousemask(MouseDecoder.mask, nil)
        wtimeout(swarmtop_stdscr(), timeoutMillis)
        BracketedPaste.enable()
        curs_set(0)
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        if has_colors() && !noColor {
            start_color()
            use_default_colors()
            depth = ColorDepth(colors: Int(swarmtop_colors()))
        }
    }

    /// Gives the terminal back as it was, mouse reporting off (`endwin` turns it off, here and
    /// in the crash handler), bracketed paste off. Safe to call twice.
    func stop() {
        guard Signals.cursesActive != 0 else { return }
        Signals.cursesActive = 0
        Signals.wakeDescriptor = -1
        BracketedPaste.disable()
        curs_set(1)
        endwin()
        StderrCapture.end()
    }

    /// Lends the terminal to another program until `resume`: bracketed paste off, the cursor
    /// shown, then `endwin` (mouse reporting off, the shell's tty modes and main screen back).
    func suspend() {
        BracketedPaste.disable()
        curs_set(1)
        endwin()
        Signals.cursesActive = 0
    }

    /// Takes the terminal back after `suspend`: curses' tty modes, alternate screen, keypad and
    /// mouse reporting (`doupdate` after `endwin` restores them), the size read again from the
    /// terminal (it may have changed meanwhile), bracketed paste, the cursor hidden; every cell
    /// is written at the next `draw`.
    func resume() {
        Signals.cursesActive = 1
        doupdate()
        var window = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0,
           Int(window.ws_col) != size.width || Int(window.ws_row) != size.height {
            resizeterm(Int32(window.ws_row), Int32(window.ws_col))
        }
        BracketedPaste.enable()
        curs_set(0)
        invalidate()
    }

    /// The terminal's size in columns and rows.
    var size: (width: Int, height: Int) {
        (Int(getmaxx(swarmtop_stdscr())), Int(getmaxy(swarmtop_stdscr())))
    }

    /// Draws with `theme` from now on: every style is resolved again and every cell written
    /// at the next `draw` (`:theme`). Colour pairs already made are kept for reuse.
    func setTheme(_ theme: Theme) {
        self.theme = theme
        styles = [:]
        previous = nil
    }

    /// Forgets what is on screen, so the next `draw` writes every cell (after a resize).
    func invalidate() {
        previous = nil
        wclear(swarmtop_stdscr())
    }

    /// Writes the cells of `buffer` that differ from the last drawn buffer, then refreshes.
    /// An unchanged buffer writes nothing to the terminal.
    /// - Returns: true when some cell was written.
    @discardableResult
    func draw(_ buffer: CellBuffer) -> Bool {
        let changes = buffer.changes(since: previous)
        guard !changes.isEmpty else { return false }
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
        return true
    }

    /// Reads one key, paste or mouse event, waiting up to the configured timeout. Nil on timeout;
    /// `.resize` after SIGWINCH. Input swarmtop ignores (a button release, an unknown key) is
    /// skipped, so that what follows it in the same burst is still read. A bracketed paste
    /// comes as one `.paste` (`PasteDecoder`).
    func readKey() -> TerminalInput? {
        while decoded.isEmpty {
            var ch: wint_t = 0
            let rc = wget_wch(swarmtop_stdscr(), &ch)
            if rc == swarmtop_err() {
                var now = timespec()
                clock_gettime(CLOCK_MONOTONIC, &now)
                decoded = paste.endOfRead(at: Double(now.tv_sec) + Double(now.tv_nsec) / 1e9)
                if decoded.isEmpty { return nil }
            } else if rc == swarmtop_key_code_yes() {
                decoded = functionKey(Int32(ch)).map { paste.other($0) } ?? []
            } else {
                decoded = paste.character(UInt32(ch))
            }
        }
        return decoded.removeFirst()
    }

    /// A function key, the terminal's new size, or a mouse event (read with `getmouse`).
    private func functionKey(_ code: Int32) -> TerminalInput? {
        switch code {
        case swarmtop_key_resize():
            return .resize
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) != swarmtop_err() else { return nil }
            return MouseDecoder.event(x: event.x, y: event.y, buttons: event.bstate).map(TerminalInput.mouse)
        default:
            return KeyDecoder.functionKey(code).map(TerminalInput.key)
        }
    }

    /// The curses attributes and pair of `style`, worked out once per style.
    private func attributes(_ style: Style) -> (attr_t, Int16) {
        if let cached = styles[style] { return cached }
        let result = resolve(style)
        styles[style] = result
        return result
    }

    private func resolve(_ style: Style) -> (attr_t, Int16) {
        let a = theme.attributes(for: style)
        var attrs = swarmtop_a_normal()
        if a.bold || style.bold { attrs |= swarmtop_a_bold() }
        if a.reverse { attrs |= swarmtop_a_reverse() }
        if a.underline { attrs |= swarmtop_a_underline() }
        if a.dim { attrs |= swarmtop_a_dim() }
        guard depth != .none else {
            // Without colour, a role told apart by its background (the selection, the status
            // bar) is shown in reverse video instead.
            if a.background != theme.normal.background { attrs |= swarmtop_a_reverse() }
            return (attrs, 0)
        }
        return (attrs, pair(foreground: depth.curses(a.foreground), background: depth.curses(a.background)))
    }

    /// The colour pair for these curses colours, allocated on first use (`init_extended_pair`,
    /// so direct-colour values above 32767 work). Pair numbers go up to the terminal's
    /// `COLOR_PAIRS` (65536 on 256-colour terminals, capped at 32767 by `setcchar`); when they
    /// run out, the foreground on the default background, else pair 0 (terminal defaults).
    private func pair(foreground: Int32, background: Int32) -> Int16 {
        let key = PairKey(foreground: foreground, background: background)
        if let p = pairs[key] { return p }
        if foreground == -1 && background == -1 { return 0 }
        let next = pairs.count + 1
        guard next < Int(swarmtop_color_pairs()), next <= Int(Int16.max) else {
            return background == -1 ? 0 : pair(foreground: foreground, background: -1)
        }
        init_extended_pair(Int32(next), foreground, background)
        pairs[key] = Int16(next)
        return Int16(next)
    }
}

/// What the terminal delivers to the UI loop.
enum TerminalInput: Equatable {
    case key(KeyEvent)
    case mouse(MouseEvent)
    case resize
}
