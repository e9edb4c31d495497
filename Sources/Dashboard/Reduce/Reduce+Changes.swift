import SwarmState

/// The changes view: `d` on a container (or a task: its container) reads what it changed
/// against its image through its node's engine and shows it over the pane as a tree; j/k move,
/// `/` filters the paths, Esc or `q` closes it. A read: allowed in read-only mode.
extension AppState {
    /// `d`: opens the changes view on the selected container and asks for its changes.
    mutating func openChanges() -> [Effect] {
        guard let snapshot, let id = selection.id else { return [] }
        let hostname: String, containerID: String
        switch id {
        case .container(let host, let cid):
            (hostname, containerID) = (host, cid)
        case .task(let taskID):
            guard let task = snapshot.tasks.first(where: { $0.id == taskID }) else { return [] }
            guard let cid = task.status?.containerStatus?.containerID, !cid.isEmpty else {
                refuse("\(snapshot.taskName(task)) has no container (\(task.state.isEmpty ? "unknown" : task.state))")
                return []
            }
            (hostname, containerID) = (snapshot.node(id: task.nodeID)?.hostname ?? task.nodeID ?? "?", cid)
        default:
            return []
        }
        let engine = snapshot.engines.first { $0.hostname == hostname }
        guard engine != nil else {
            refuse("swarmtop does not reach the engine of \(hostname): give it with --node-host or --node-host-template to read its containers")
            return []
        }
        let name = engine?.containers.first { $0.id == containerID }?.name ?? String(containerID.prefix(12))
        changes = ChangesView(hostname: hostname, containerID: containerID, name: name)
        return [.readChanges(hostname: hostname, containerID: containerID, name: name)]
    }

    /// The changes read; ignored when the view was closed or opened on another container since.
    mutating func receiveChanges(_ read: ContainerChanges, hostname: String, containerID: String) {
        guard changes?.hostname == hostname, changes?.containerID == containerID else { return }
        changes?.changes = read
        changes?.error = nil
        changes?.selected = 0
    }

    /// The read failed: the open view says why.
    mutating func changesFailed(hostname: String, containerID: String, message: String) {
        guard changes?.hostname == hostname, changes?.containerID == containerID else { return }
        changes?.error = message
    }

    /// The keys of the changes view, after the keymap chose `command`.
    mutating func performInChanges(_ command: Command) -> [Effect] {
        let count = changes?.rows.count ?? 0
        let page = max(1, layout.tableRows - ChangesView.headerRows)
        let selected = changes?.selected ?? 0
        switch command {
        case .moveUp: changes?.selected = max(0, selected - 1)
        case .moveDown: changes?.selected = max(0, min(count - 1, selected + 1))
        case .pageUp: changes?.selected = max(0, selected - page)
        case .pageDown: changes?.selected = max(0, min(count - 1, selected + page))
        case .moveTop: changes?.selected = 0
        case .moveBottom: changes?.selected = max(0, count - 1)
        case .filterChanges:
            let filter = changes?.filter ?? ""
            changes?.typing = filter
        case .closeChanges, .back: changes = nil
        case .nextPane, .previousPane, .showPane:
            changes = nil
            perform(command)
        case .quit: quit = true
        case .toggleHelp: showsHelp = true
        default: break
        }
        return []
    }

    /// A key while the filter is typed: text, Backspace, Enter (apply) or Esc (cancel).
    mutating func editChangesFilter(_ key: KeyEvent) -> [Effect] {
        guard var typed = changes?.typing else { return [] }
        if editText(&typed, key, limit: 200, accepts: { _ in true }) {
            changes?.typing = typed
            return []
        }
        switch key {
        case .enter:
            changes?.typing = nil
            changes?.filter = typed
            changes?.selected = 0
        case .escape: changes?.typing = nil
        case .ctrl("c"): quit = true
        default: break
        }
        return []
    }
}
