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
}
