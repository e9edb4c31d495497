#if canImport(Glibc)
import Glibc
#endif

/// xterm's bracketed paste mode (2004): the terminal wraps pasted text in `ESC [200~` …
/// `ESC [201~` (`PasteDecoder`), so that a paste is never taken for keys. Terminals without
/// the mode ignore both sequences.
enum BracketedPaste {
    /// Turns the mode on (`ESC [?2004h`), once curses has the terminal.
    static func enable() { send("\u{1b}[?2004h") }

    /// Turns it off (`ESC [?2004l`) on every way out, the crash handler's included: one
    /// `write`, async-signal-safe.
    static func disable() { send("\u{1b}[?2004l") }

    private static func send(_ sequence: StaticString) {
        _ = write(STDOUT_FILENO, sequence.utf8Start, sequence.utf8CodeUnitCount)
    }
}
