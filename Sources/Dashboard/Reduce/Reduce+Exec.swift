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
        var taskID: String?
        if case .task(let id)? = selection.id { taskID = id }
        if let refusal = Self.execRefusal(snapshot, hostname: hostname, containerID: containerID, taskID: taskID) {
            refuse(refusal)
            return []
        }
        let name = snapshot.engines.first { $0.hostname == hostname }?.container(id: containerID)?.name ?? String(containerID.prefix(12))
        prompt = Prompt(.exec(ExecRequest(hostname: hostname, containerID: containerID, name: name, command: [])),
                        text: Self.defaultExecCommand)
        return []
    }

    /// Why no command can run in `containerID` on `hostname` (and, for a task, `taskID`) in
    /// `snapshot`: its node's engine is not reached or does not answer, the task or the
    /// container is not running; nil when it can.
    static func execRefusal(_ snapshot: ClusterSnapshot, hostname: String, containerID: String, taskID: String?) -> String? {
        guard let engine = snapshot.engines.first(where: { $0.hostname == hostname }) else {
            return "swarmtop does not reach the engine of \(hostname): give it with --node-host or --node-host-template to exec there"
        }
        if let error = engine.error { return "the engine of \(hostname) does not answer (\(error)): no exec there" }
        let container = engine.container(id: containerID)
        let name = container?.name ?? String(containerID.prefix(12))
        if let taskID, let task = snapshot.tasks.first(where: { $0.id == taskID }), task.state != "running" {
            return "\(snapshot.taskName(task)) is not running (\(task.state.isEmpty ? "unknown" : task.state)): nothing to exec in"
        }
        if let state = container?.state, state != "running" { return "\(name) is not running (\(state)): nothing to exec in" }
        return nil
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
        // The swarm as it is now, not as when the line opened: a container that stopped or
        // vanished meanwhile gets no exec (by its ID, it cannot be another container).
        if let snapshot {
            let listed = snapshot.engines.first { $0.hostname == request.hostname }?.container(id: request.containerID) != nil
            if let refusal = Self.execRefusal(snapshot, hostname: request.hostname, containerID: request.containerID, taskID: nil)
                ?? (listed ? nil : "\(request.name) is no longer listed on \(request.hostname)") {
                refuse("changed since the line opened: " + refusal)
                return []
            }
        }
        status = StatusMessage("exec \(request.commandLine) in \(request.name) on \(request.hostname)…", isPending: true)
        return [.exec(request)]
    }
}
