import SwarmState

/// A command typed after `:` (k9s' command line), parsed. The words are those of the docker
/// CLI where it has one: `:scale web 3` (or `web=3`), `:stack rm lab`.
enum ColonCommand: Equatable {
    /// `:nodes`, `:services`, `:tasks`, `:containers`, `:placement`, `:disk`, `:events` (or a
    /// unique prefix, or `1`…`7`).
    case show(Pane)
    /// `:scale SERVICE N` or `:scale SERVICE=N`: SERVICE is a full name or, when only one stack
    /// has it, the name inside its stack (`web` for `lab_web`).
    case scale(service: String, replicas: UInt64)
    /// `:stack rm NAME` (also `remove`, `down`, as `docker stack rm` accepts).
    case removeStack(String)
    /// `:theme NAME`: switch colour theme.
    case theme(String)
    /// `:context NAME`: watch the swarm of another docker context; `:context` alone says which is watched.
    case context(String?)
    /// `:seek TIME` in a replay: `12:30`, `+5m`, `-30s` (`SeekTime`).
    case seek(ReplayControl)
    /// `:inspect` (the selected row) or `:inspect SERVICE` (a service, named as for `:scale`).
    case inspect(String?)
    /// `:help` or `:?`.
    case help
    /// `:q`, `:quit`, `:q!`.
    case quit

    /// The first words the line knows, as Tab completes them.
    static let verbs = ["containers", "context", "disk", "events", "help", "inspect", "nodes", "placement", "quit", "scale", "seek", "services", "stack", "tasks", "theme"]

    /// Parses a command line (without its `:`).
    /// - Returns: the command, or a message that says what is wrong, e.g. `usage: scale SERVICE REPLICAS`.
    static func parse(_ line: String) -> Result<ColonCommand, ColonCommandError> {
        let words = line.split(separator: " ").map(String.init)
        guard let verb = words.first else { return .failure(.init("type a command: " + verbs.joined(separator: ", "))) }
        let args = Array(words.dropFirst())
        switch verb {
        case "q", "q!", "quit", "exit": return args.isEmpty ? .success(.quit) : .failure(.init("usage: quit"))
        case "?", "help": return .success(.help)
        case "scale": return parseScale(args)
        case "stack":
            guard args.count == 2, ["rm", "remove", "down"].contains(args[0]) else { return .failure(.init("usage: stack rm STACK")) }
            return .success(.removeStack(args[1]))
        case "theme":
            guard args.count == 1 else { return .failure(.init("usage: theme NAME")) }
            return .success(.theme(args[0]))
        case "seek":
            guard args.count == 1 else { return .failure(.init("usage: seek TIME (12:30, 1:02:03, 90, +5m, -30s, +1h)")) }
            return SeekTime.parse(args[0]).map { .seek($0) }
        case "inspect":
            guard args.count <= 1 else { return .failure(.init("usage: inspect [SERVICE]")) }
            return .success(.inspect(args.first))
        case "context", "ctx":
            guard args.count <= 1 else { return .failure(.init("usage: context [NAME]")) }
            return .success(.context(args.first))
        default:
            if let pane = pane(verb) {
                return args.isEmpty ? .success(.show(pane)) : .failure(.init("usage: \(pane.title.lowercased())"))
            }
            // A prefix only one command has stands for it (`ta` is tasks, `h` help); `t` is two.
            let matches = verbs.filter { $0.hasPrefix(verb.lowercased()) }
            if matches.count == 1 { return parse(([matches[0]] + args).joined(separator: " ")) }
            if matches.count > 1 { return .failure(.init("\(verb) is ambiguous: " + matches.joined(separator: ", "))) }
            return .failure(.init("unknown command \(verb): try " + verbs.joined(separator: ", ")))
        }
    }

    /// The pane a word names: its digit, its title or its singular (`task`).
    private static func pane(_ word: String) -> Pane? {
        let word = word.lowercased()
        return Pane.allCases.first { String($0.digit) == word || $0.title.lowercased() == word || $0.title.lowercased().dropLast() == word }
    }

    private static func parseScale(_ args: [String]) -> Result<ColonCommand, ColonCommandError> {
        let pair = args.count == 1 ? args[0].split(separator: "=", maxSplits: 1).map(String.init) : args
        guard pair.count == 2, !pair[0].isEmpty else { return .failure(.init("usage: scale SERVICE REPLICAS (or SERVICE=REPLICAS)")) }
        guard let replicas = UInt64(pair[1]) else { return .failure(.init("\(pair[1]) is not a number of replicas")) }
        return .success(.scale(service: pair[0], replicas: replicas))
    }
}

/// Why a command line was refused, said on the prompt line.
struct ColonCommandError: Error, Equatable {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
