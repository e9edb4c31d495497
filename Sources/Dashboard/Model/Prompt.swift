/// A line typed on the hint row: the `/` filter of the pane, or a `:` command.
public struct Prompt: Sendable, Hashable {
    /// What the line is for.
    public enum Kind: Sendable, Hashable {
        /// `/`: filters the pane as it is typed.
        case filter
        /// `:`: a command run by Enter, e.g. `scale lab_web 3`.
        case command
    }

    /// What the line is for.
    public var kind: Kind
    /// What was typed, without the leading `/` or `:`.
    public var text: String
    /// What Tab offered for the word being typed, shown after the line (commands only).
    public var candidates: [String] = []
    /// Why the last Enter was refused, e.g. `no service web2`.
    public var error: String?

    /// A line of `kind` holding `text`.
    public init(_ kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
    }

    /// The character that opened it and starts the line: `/` or `:`.
    public var leader: Character { kind == .filter ? "/" : ":" }
}
