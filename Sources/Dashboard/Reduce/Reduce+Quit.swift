/// Quitting while actions on the swarm run: the quit waits for their outcomes (the front end
/// bounds the wait by `quitWaitSeconds`), says so, and takes no other key meanwhile; a second
/// quit leaves at once, with `running` naming what did not finish.
extension AppState {
    /// While a quit waits: a quit key or signal leaves now, other keys and clicks are dropped.
    /// - Returns: nil for the actions handled as usual (snapshots, outcomes, ticks, resizes).
    mutating func whileQuitting(_ action: Action) -> [Effect]? {
        guard quitRequested, !quit else { return nil }
        switch action {
        case .key(let key):
            if keymap.binding(for: key, pane: pane, inDialog: false)?.command == .quit { quit = true }
            return []
        case .mouse: return []
        case .quit:
            quit = true
            return []
        default: return nil
        }
    }

    /// Adds the effects sent that change the swarm to `running`, drops the one `action`
    /// reports finished, and turns a quit into a wait while any runs.
    mutating func trackRunning(_ effects: [Effect], after action: Action) {
        running += effects.filter(\.changesSwarm)
        if case .effectFinished(let effect, _, _) = action, let index = running.firstIndex(of: effect) {
            running.remove(at: index)
        }
        if quit, !quitRequested, !running.isEmpty {
            quit = false
            quitRequested = true
        }
        guard quitRequested, !quit else { return }
        if running.isEmpty {
            quit = true
        } else {
            let again = keymap.bindings.first { $0.command == .quit }.map { " (\($0.keys[0].label) again: quit now)" } ?? ""
            let actions = running.map { "\($0.action) \($0.target)" }.joined(separator: ", ")
            status = StatusMessage("waiting up to \(Self.quitWaitSeconds) s for \(actions) to finish…" + again, isPending: true)
        }
    }
}
