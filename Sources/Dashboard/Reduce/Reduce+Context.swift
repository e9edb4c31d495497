/// `:context NAME`: the dashboard watches another swarm, as `docker context use` would make
/// the docker CLI do, without a restart.
extension AppState {
    /// `:context` alone says which context is watched and which exist; `:context NAME` asks
    /// the front end to switch (`Effect.switchContext`), refused while an action on the swarm
    /// still runs (its answer belongs to the swarm it was sent to).
    mutating func useContext(_ name: String?) -> [Effect] {
        guard let name else {
            let current = context.map { "context \($0) (\(endpoint))" } ?? "no context: \(endpoint)"
            let others = contextNames.isEmpty ? "no contexts found" : "contexts: " + contextNames.joined(separator: ", ")
            status = StatusMessage("\(current); \(others)")
            return []
        }
        if name == context { status = StatusMessage("context \(name) is already watched"); return [] }
        if !running.isEmpty {
            status = StatusMessage("not switched: wait for \(running.map { "\($0.action) \($0.target)" }.joined(separator: ", ")) to finish", isError: true)
            return []
        }
        status = StatusMessage("switching to context \(name)…", isPending: true)
        return [.switchContext(name: name)]
    }

    /// The front end now watches context `name` through `endpoint`: everything learnt of the
    /// old swarm goes (its rows, selections, filters, scope, dialog, undo, log view). The front
    /// end sends this only once the old swarm's refresh has ended, so no snapshot of it follows.
    /// - Returns: the stop of the old swarm's log stream, when one was open.
    mutating func contextSwitched(to name: String, endpoint: String) -> [Effect] {
        let stopLogs: [Effect] = logs.map { [.stopLogs(stream: $0.stream)] } ?? []
        self.endpoint = endpoint
        context = name
        snapshot = nil
        model = SnapshotModel()
        table = .empty
        (scope, drillDown, selections, filters, prompt) = (nil, [], [:], [:], nil)
        (dialog, opening, lastScale, pendingScales, logs, changes, layers, inspect) = (nil, nil, nil, [:], nil, nil, nil, nil)
        status = StatusMessage("context \(name): \(endpoint)")
        return stopLogs
    }
}
