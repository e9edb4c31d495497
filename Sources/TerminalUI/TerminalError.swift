/// Why the dashboard cannot take over the terminal.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, /dev/null).
    case notATerminal
    /// `TERM` is unset or names a terminal the terminfo database does not know.
    case unknownTerminal(String)
    /// The terminal cannot move the cursor (e.g. `TERM=dumb`).
    case cannotAddressCursor(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "swarmtop needs a terminal on standard input and output (for scripts: swarmtop snapshot)"
        case .unknownTerminal(let term):
            return term.isEmpty ? "TERM is not set: set it to your terminal's type, e.g. TERM=xterm-256color"
                : "unknown terminal type \"\(term)\" (TERM): no terminfo entry for it"
        case .cannotAddressCursor(let term):
            return "terminal type \"\(term)\" cannot move the cursor: set TERM to your terminal's real type"
        }
    }
}
