import SwarmState

/// The inspect view: `i` (or `:inspect`) on a node, service, task or container reads it by ID
/// (the manager for the first three, the node's own engine for a container) and shows it over
/// the pane in sections; j/k and pages scroll, `J` shows the raw JSON, `/` searches (n/N),
/// `v` shows or hides secret-looking values, Esc or `q` closes it. A read: allowed in
/// read-only mode.
extension AppState {
    /// `i`: opens the view on the selected row and asks for it.
    mutating func openInspect() -> [Effect] {
        guard let snapshot, let id = selection.id else { return [] }
        switch id {
        case .node(let nodeID):
            return openInspect(.node(id: nodeID, hostname: snapshot.node(id: nodeID)?.hostname ?? nodeID))
        case .service(let serviceID):
            return openInspect(.service(id: serviceID, name: snapshot.service(id: serviceID)?.name ?? serviceID))
        case .task(let taskID):
            guard let task = snapshot.tasks.first(where: { $0.id == taskID }) else { return [] }
            return openInspect(.task(id: taskID, name: snapshot.taskName(task), serviceID: task.serviceID))
        case .container(let hostname, let containerID):
            let name = snapshot.engines.first { $0.hostname == hostname }?.container(id: containerID)?.name
            return openInspect(.container(hostname: hostname, id: containerID, name: name ?? String(containerID.prefix(12))))
        case .stack(let name):
            refuse("\(name) is a stack: select one of its services to inspect it")
            return []
        case .event:
            return []
        }
    }

    /// Opens the view on `target` and asks for it.
    mutating func openInspect(_ target: InspectTarget) -> [Effect] {
        lastInspectView += 1
        inspect = InspectView(number: lastInspectView, target: target)
        return [.inspect(target, view: lastInspectView)]
    }

    /// The engine's answer for view `number` becomes its sections and raw lines; dropped when
    /// that view was closed since.
    mutating func receiveInspect(_ answer: InspectAnswer, view number: Int) {
        guard let view = inspect, view.number == number else { return }
        do {
            inspect?.sections = try InspectSections.make(view.target, answer, snapshot: snapshot)
            inspect?.json = InspectRawJSON.lines(answer.json).map(DisplayText.escaped)
        } catch {
            inspect?.failure = "the engine's answer for \(view.target.label) is not JSON: \(error)"
        }
    }

    /// A failed read for view `number` (gone, engine down, a worker's engine): the view says why.
    mutating func inspectFailed(view number: Int, message: String) {
        guard inspect?.number == number else { return }
        inspect?.failure = message
    }

    /// The keys of the inspect view, after the keymap chose `command`.
    mutating func performInInspect(_ command: Command) -> [Effect] {
        let page = max(1, layout.tableRows)
        switch command {
        case .moveUp: scrollInspect(to: (inspect?.top ?? 0) - 1)
        case .moveDown: scrollInspect(to: (inspect?.top ?? 0) + 1)
        case .pageUp: scrollInspect(to: (inspect?.top ?? 0) - page)
        case .pageDown: scrollInspect(to: (inspect?.top ?? 0) + page)
        case .moveTop: scrollInspect(to: 0)
        case .moveBottom: scrollInspect(to: Int.max / 2)
        case .toggleInspectJSON:
            inspect?.showsJSON.toggle()
            inspect?.top = 0
            inspect?.search.match = nil
        case .revealSecrets:
            inspect?.revealsSecrets.toggle()
            if inspect?.hasSecrets == false { status = StatusMessage("no secret-looking values here") }
        case .searchLogs: inspect?.search.typing = ""
        case .nextMatch: findInspectMatch(forward: true)
        case .previousMatch: findInspectMatch(forward: false)
        case .closeInspect, .back: inspect = nil
        case .nextPane, .previousPane, .showPane:
            inspect = nil
            perform(command)
        case .quit: quit = true
        case .toggleHelp: showsHelp = true
        default: break
        }
        return []
    }

    /// A key while the search text is typed: text, Backspace, Enter (search) or Esc (cancel).
    mutating func editInspectSearch(_ key: KeyEvent) -> [Effect] {
        guard var search = inspect?.search else { return [] }
        let typed = search.type(key)
        inspect?.search = search
        if typed == .quit { quit = true }
        if typed == .entered, !search.query.isEmpty { findInspectMatch(forward: true) }
        return []
    }

    /// Moves the first row shown to `row`, within the body.
    private mutating func scrollInspect(to row: Int) {
        guard let view = inspect else { return }
        let last = max(0, view.rows.count - layout.tableRows)
        inspect?.top = max(0, min(last, row))
    }

    /// `n` / `N` (and Enter after `/`): the next row below (`forward`) or above the current
    /// match holding the query, wrapping around, brought on screen; without a match, from the
    /// top row shown (forward) or the last row.
    private mutating func findInspectMatch(forward: Bool) {
        guard let view = inspect, !view.search.query.isEmpty else { return }
        let rows = view.rows
        let start = view.search.match.map { $0 + (forward ? 1 : -1) } ?? (forward ? view.top : rows.count - 1)
        guard let i = LogSearch.find(view.search.query, count: rows.count, from: start, forward: forward, text: { rows[$0].text }) else {
            return refuse("not found: \(view.search.query)")
        }
        inspect?.search.match = i
        if i < view.top || i >= view.top + layout.tableRows { scrollInspect(to: i) }
    }
}
