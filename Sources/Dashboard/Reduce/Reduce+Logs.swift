import SwarmState

/// The log view: `l` opens the selected service's, task's or container's log stream over the
/// pane; it follows new lines at the bottom and pauses when scrolled up (as `less +F`); `/`
/// searches, `t` shows timestamps, `w` wraps, Esc or `q` closes it and stops the stream.
extension AppState {
    /// `l`: opens the log view on the selection and asks for its stream.
    mutating func openLogs() -> [Effect] {
        guard let snapshot, let id = selection.id else { return [] }
        let target: LogTarget
        var slotDigits = 1
        switch id {
        case .service(let serviceID):
            guard let service = snapshot.service(id: serviceID) else { return [] }
            target = .service(id: serviceID, name: service.name)
            if let replicas = service.spec.mode?.replicated?.replicas { slotDigits = String(replicas).count }
        case .task(let taskID):
            guard let task = snapshot.tasks.first(where: { $0.id == taskID }) else { return [] }
            target = .task(id: taskID, name: snapshot.taskName(task))
            slotDigits = String(task.slot ?? 0).count
        case .container(let hostname, let containerID):
            let name = snapshot.engines.first { $0.hostname == hostname }?.containers.first { $0.id == containerID }?.name
            target = .container(hostname: hostname, id: containerID, name: name ?? String(containerID.prefix(12)))
        case .stack(let name):
            refuse("\(name) is a stack: select one of its services to see its logs")
            return []
        case .node, .event:
            return []
        }
        let stream = (logs?.stream ?? lastLogStream) + 1
        lastLogStream = stream
        logs = LogView(stream: stream, target: target, slotDigits: slotDigits)
        return [.followLogs(target, stream: stream)]
    }

    /// Esc, `q`, or a pane key: closes the log view and stops its stream.
    mutating func closeLogs() -> [Effect] {
        guard let stream = logs?.stream else { return [] }
        logs = nil
        return [.stopLogs(stream: stream)]
    }

    /// New lines of stream `stream`, after `skipped` lost ones; ignored when that stream's view was closed since.
    mutating func receiveLogLines(_ batch: [LogLine], skipped: Int, stream: Int) {
        guard logs?.stream == stream else { return }
        logs?.append(batch, skipped: skipped, snapshot: snapshot)
    }

    /// The end of a log effect: a followed stream that ended says why in its view.
    mutating func logEffectFinished(_ effect: Effect, message: String, isError: Bool) {
        guard case .followLogs(_, let stream) = effect, logs?.stream == stream else { return }
        logs?.end = StatusMessage(message, isError: isError)
    }

    /// The keys of the log view, after the keymap chose `command`.
    mutating func performInLogs(_ command: Command) -> [Effect] {
        let (rows, width) = (layout.tableRows, layout.width)
        switch command {
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom:
            logs?.scroll(command, rows: rows, width: width)
        case .searchLogs: logs?.search.typing = ""
        case .nextMatch: findMatch(forward: true)
        case .previousMatch: findMatch(forward: false)
        case .toggleTimestamps: logs?.showsTimestamps.toggle()
        case .toggleWrap: logs?.wraps.toggle()
        case .closeLogs, .back: return closeLogs()
        case .nextPane, .previousPane, .showPane:
            let stop = closeLogs()
            perform(command)
            return stop
        case .quit: quit = true
        case .toggleHelp: showsHelp = true
        default: break
        }
        if let view = logs, !view.isFollowing, view.top == view.bottomTop(rows: rows, width: width),
           [.moveDown, .pageDown, .moveBottom].contains(command) {
            logs?.top = nil
            logs?.newWhilePaused = 0
        }
        return []
    }

    /// A key while the search text is typed: text, Backspace, Enter (search) or Esc (cancel).
    mutating func editLogSearch(_ key: KeyEvent) -> [Effect] {
        guard var search = logs?.search else { return [] }
        let typed = search.type(key)
        logs?.search = search
        if typed == .quit { quit = true }
        if typed == .entered, !search.query.isEmpty { findMatch(forward: logs?.isFollowing == false) }
        return []
    }

    /// `n` / `N` (and Enter after `/`): the next match below (`forward`) or above the current one,
    /// wrapping around; the view pauses with the match on screen. With no current match, the
    /// search starts from the top line shown (forward) or from the newest line (backward).
    private mutating func findMatch(forward: Bool) {
        guard let view = logs, !view.search.query.isEmpty else { return }
        let (rows, width) = (layout.tableRows, layout.width)
        let count = view.lines.count
        guard count > 0 else { return refuse("no lines to search for \(view.search.query)") }
        let start: Int
        if let match = view.search.match {
            start = match - view.dropped + (forward ? 1 : -1)
        } else {
            start = forward ? view.topShown(rows: rows, width: width) - view.dropped : count - 1
        }
        guard let i = LogSearch.find(view.search.query, count: count, from: start, forward: forward,
                                     text: { view.lines[$0].shown(timestamps: view.showsTimestamps) }) else {
            return refuse("not found: \(view.search.query)")
        }
        let number = view.dropped + i
        logs?.search.match = number
        if !view.isShown(number, rows: rows, width: width) { logs?.top = min(number, view.bottomTop(rows: rows, width: width)) }
        if logs?.top == nil { logs?.top = view.bottomTop(rows: rows, width: width) }
    }
}

extension LogView {
    /// Moves the top line for j/k, pages, first/last line: scrolling up pauses the view (the
    /// reducer resumes following once a move down reaches the bottom).
    mutating func scroll(_ command: Command, rows: Int, width: Int) {
        let bottom = bottomTop(rows: rows, width: width)
        let current = top ?? bottom
        let page = max(1, rows)
        let next: Int = switch command {
        case .moveUp: current - 1
        case .moveDown: current + 1
        case .pageUp: current - page
        case .pageDown: current + page
        case .moveTop: dropped
        default: bottom
        }
        if top == nil { newWhilePaused = 0 }
        top = max(dropped, min(next, bottom))
    }
}
