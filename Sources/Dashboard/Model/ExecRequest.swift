/// A command to run in a container through the engine of its node, in the full terminal, as
/// `docker exec -it CONTAINER COMMAND…` does (`e`).
public struct ExecRequest: Sendable, Hashable {
    /// The hostname of the node whose engine runs the container.
    public var hostname: String
    /// The container's full ID.
    public var containerID: String
    /// The container's name as shown (`lab_web.2.x…`), for messages and the action log.
    public var name: String
    /// The program and its arguments, e.g. `["sh"]`, `["sh", "-c", "echo hi"]`.
    public var command: [String]

    /// - Parameters:
    ///   - hostname: the node whose engine runs the container.
    ///   - containerID: the container's ID.
    ///   - name: its name, for messages.
    ///   - command: the program and its arguments.
    public init(hostname: String, containerID: String, name: String, command: [String]) {
        self.hostname = hostname
        self.containerID = containerID
        self.name = name
        self.command = command
    }

    /// The shells whose interactive session ends where the user wants it to (its `exit`).
    static let shells: Set<String> = ["sh", "ash", "bash", "dash", "ksh", "mksh", "zsh", "fish", "tcsh", "csh"]

    /// True when the command is an interactive shell (`sh`, `/bin/bash -l`: a shell without
    /// `-c`): swarmtop returns as soon as it ends. Any other command's output stays on screen
    /// until a key is pressed.
    public var isInteractiveShell: Bool {
        guard let program = command.first?.split(separator: "/").last else { return false }
        return Self.shells.contains(String(program)) && !command.dropFirst().contains { $0 == "-c" }
    }

    /// The command as one line for messages: its words joined by spaces, a word holding a space
    /// or a quote shown in single quotes (`sh -c 'echo hi'`).
    public var commandLine: String {
        command.map { word in
            word.isEmpty || word.contains(where: { $0 == " " || $0 == "'" || $0 == "\"" || $0 == "\\" })
                ? "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'" : word
        }.joined(separator: " ")
    }
}
