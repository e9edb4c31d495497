import SwarmState

/// The changes view: `d` on a container (or a task: its container) reads what it changed
/// against its image through its node's engine and shows it over the pane as a tree; j/k move,
/// `/` filters the paths, Esc or `q` closes it. A read: allowed in read-only mode.
extension AppState {
    /// `d`: opens the changes view on the selected container and asks for its changes.
    mutating func openChanges() -> [Effect] {
        guard let snapshot, let (hostname, containerID) = selectedContainer() else { return [] }
        let engine = snapshot.engines.first { $0.hostname == hostname }
        guard engine != nil else {
            refuse("swarmtop does not reach the engine of \(hostname): give it with --node-host or --node-host-template to read its containers")
            return []
        }
        let name = engine?.container(id: containerID)?.name ?? String(containerID.prefix(12))
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

    /// More sizes arrived: the tree is rebuilt with them (siblings may change places), the
    /// selection stays on its path.
    mutating func receiveStats(_ stats: [String: ContainerPathStat], asked: Int, hostname: String, containerID: String) {
        guard let view = changes, view.hostname == hostname, view.containerID == containerID, let read = view.changes else { return }
        let selectedPath = view.rows.indices.contains(view.selected) ? view.rows[view.selected].path : nil
        changes?.changes = read.adding(stats)
        if let selectedPath, let index = changes?.rows.firstIndex(where: { $0.path == selectedPath }) { changes?.selected = index }
        status = StatusMessage("measured \(stats.count) of \(asked) files of \(view.name)" + (stats.count < asked ? " (the others are gone)" : ""))
    }

    /// `r` in the changes view: asks the size of the selected file, or of up to
    /// `ContainerChanges.statLimit` files not measured yet in the selected directory.
    private mutating func measureSelected() -> [Effect] {
        guard let view = changes, let read = view.changes, view.rows.indices.contains(view.selected) else { return [] }
        let entry = view.rows[view.selected]
        let paths = read.unsized(under: entry.path)
        guard !paths.isEmpty else {
            refuse(entry.kind == .deleted ? "\(entry.path) is deleted: a whiteout has no size" : "every size in \(entry.path) is known")
            return []
        }
        status = StatusMessage("measuring \(paths.count) files in \(entry.path)…", isPending: true)
        return [.statPaths(hostname: view.hostname, containerID: view.containerID, name: view.name, paths: paths)]
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
        case .measureChanges: return measureSelected()
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
