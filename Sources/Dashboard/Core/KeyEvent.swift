/// A key press, decoded by the terminal front end from curses' `wget_wch`.
public enum KeyEvent: Sendable, Hashable {
    /// A printable character, e.g. `q`, `+`, `?`, `5`.
    case char(Character)
    /// Ctrl with a letter, e.g. `.ctrl("c")`.
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// A function key F1…F12.
    case function(Int)
    /// Text pasted while the terminal's bracketed paste was on (between `ESC [200~` and
    /// `ESC [201~`), as pasted, line breaks and all. Never a key: it is typed into the `/` and `:`
    /// lines and the log search, and ignored anywhere else.
    case paste(String)
}
