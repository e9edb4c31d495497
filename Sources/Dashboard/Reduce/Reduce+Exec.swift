import SwarmState

/// `e`: a command (a shell by default) in the selected container, or the selected task's, run
/// through its own node's engine in the full terminal.
extension AppState {
    /// What the command line of `e` holds when it opens.
    static let defaultExecCommand = "sh"

    /// `e`: opens the command line for the selected container (Containers, Disk) or task's
    /// container (Tasks, a placement card), prefilled with `sh`; refused on the status line
    /// when the container is not running or its node's engine is not reached.
    mutating func openExecPrompt() -> [Effect] {
        guard let snapshot, let (hostname, containerID) = selectedContainer() else { return [] }
        guard let engine = snapshot.engines.first(where: { $0.hostname == hostname }) else {
            refuse("swarmtop does not reach the engine of \(hostname): give it with --node-host or --node-host-template to exec there")
            return []
        }
        if let error = engine.error {
            refuse("the engine of \(hostname) does not answer (\(error)): no exec there")
            return []
        }
        let container = engine.container(id: containerID)
        let name = container?.name ?? String(containerID.prefix(12))
        if case .task(let taskID)? = selection.id, let task = snapshot.tasks.first(where: { $0.id == taskID }), task.state != "running" {
            refuse("\(snapshot.taskName(task)) is not running (\(task.state.isEmpty ? "unknown" : task.state)): nothing to exec in")
            return []
        }
        if let state = container?.state, state != "running" {
            refuse("\(name) is not running (\(state)): nothing to exec in")
            return []
        }
        prompt = Prompt(.exec(ExecRequest(hostname: hostname, containerID: containerID, name: name, command: [])),
                        text: Self.defaultExecCommand)
        return []
    }

    /// Enter on the exec line: the words typed become the command of `request`; a blank line
    /// or an unclosed quote opens the line again with what is wrong.
    mutating func runExec(_ request: ExecRequest, typed line: Prompt) -> [Effect] {
        var request = request
        let reopen = { (state: inout AppState, message: String) in
            var line = line
            line.error = message
            state.prompt = line
        }
        switch CommandWords.split(line.text) {
        case .failure(let error):
            reopen(&self, error.message)
            return []
        case .success(let words) where words.isEmpty:
            reopen(&self, "type a command, e.g. \(Self.defaultExecCommand)")
            return []
        case .success(let words):
            request.command = words
        }
        status = StatusMessage("exec \(request.commandLine) in \(request.name) on \(request.hostname)…", isPending: true)
        return [.exec(request)]
    }
}
