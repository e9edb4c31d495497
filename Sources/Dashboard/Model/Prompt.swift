/// A line typed on the hint row: the `/` filter of the pane, a `:` command, or the command
/// to run in a container (`e`).
public struct Prompt: Sendable, Hashable {
    /// What the line is for.
    public enum Kind: Sendable, Hashable {
        /// `/`: filters the pane as it is typed.
        case filter
        /// `:`: a command run by Enter, e.g. `scale lab_web 3`.
        case command
        /// `e`: the command to run in this container (the request's own command is replaced
        /// by the words typed when Enter runs it).
        case exec(ExecRequest)
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

    /// What starts the line: `/`, `:`, or `exec in NAME on NODE: `.
    public var leader: String {
        switch kind {
        case .filter: "/"
        case .command: ":"
        case .exec(let request): "exec in \(request.name) on \(request.hostname): "
        }
    }
}
