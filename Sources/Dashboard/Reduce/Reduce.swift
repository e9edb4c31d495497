import Foundation
import SwarmState

/// Applies `action` to `state` (bubbletea's Update): pure, no I/O, no clock but the one the
/// action carries.
/// - Parameters:
///   - state: the UI state to update.
///   - action: a key, a mouse event, a snapshot, a resize, an effect's outcome or a tick.
/// - Returns: the work to run outside (at most one `Effect`, after a confirmed dialog).
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    if let effects = state.whileQuitting(action) { return effects }
    let effects = apply(&state, action)
    state.trackRunning(effects, after: action)
    return effects
}

/// `reduce` but for the actions on the swarm still running and a quit that waits for them.
private func apply(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .key(let key):
        return state.handle([key], read: nil)
    case .keys(let keys, let read):
        return state.handle(keys, read: read)
    case .mouse(let event):
        state.handle(event)
    case .snapshot(let snapshot):
        state.receive(snapshot, model: SnapshotModel(snapshot, timeZone: state.timeZone))
    case .prepared(let prepared):
        let snapshot = prepared.snapshot
        if let manager = state.manager, snapshot.endpoint != manager, snapshot.managerChange?.from != manager { break }
        state.receive(snapshot, model: prepared.model)
    case .resize(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
        state.resolveSelection()
    case .effectFinished(let effect, let message, let isError) where effect.logStream != nil:
        state.logEffectFinished(effect, message: message, isError: isError)
    case .effectFinished(.readImageLayers(_, let view), let message, _):
        state.imageLayersFailed(view: view, message: message)
    case .imageLayersRead(let answer, let view):
        state.receiveImageLayers(answer, view: view)
    case .effectFinished(.inspect(_, let view), let message, _):
        state.inspectFailed(view: view, message: message)
    case .inspected(let answer, let view):
        state.receiveInspect(answer, view: view)
    case .effectFinished(.listStack(let name), let message, _):
        state.stackListFailed(name, message: message)
    case .effectFinished(.readChanges(let hostname, let containerID, _), let message, _):
        state.changesFailed(hostname: hostname, containerID: containerID, message: message)
    case .changesRead(let hostname, let containerID, let changes):
        state.receiveChanges(changes, hostname: hostname, containerID: containerID)
    case .pathStatsRead(let hostname, let containerID, let stats, let asked):
        state.receiveStats(stats, asked: asked, hostname: hostname, containerID: containerID)
    case .stackListed(let contents):
        state.receiveStackList(contents)
    case .effectFinished(let effect, let message, let isError):
        state.status = StatusMessage(message, isError: isError)
        if isError, case .scale(let id, _, _, _) = effect { state.pendingScales[id] = nil }
        if !isError, case .scale(let id, let name, let from, let to) = effect {
            state.lastScale = ScaleRecord(serviceID: id, serviceName: name, from: from, to: to)
        }
    case .contextSwitched(let name, let endpoint, let manager):
        // A snapshot of the new swarm may have come first (the front end hands snapshots over first).
        let kept = state.snapshot.flatMap { $0.endpoint == manager ? $0 : nil }
        let effects = state.contextSwitched(to: name, endpoint: endpoint)
        state.manager = manager
        if let kept { _ = apply(&state, .snapshot(kept)) }
        return effects
    case .themeLoaded(let name, let theme):
        state.theme = theme
        state.status = StatusMessage("theme \(name)")
    case .tick(let now):
        state.expireStatus(at: now)
    case .logLines(let stream, let batch, let skipped):
        state.receiveLogLines(batch, skipped: skipped, stream: stream)
    case .replayStatus(let status):
        // An answer to an earlier key may come after the clock's newer news: the latest stays.
        if status.revision >= state.replay?.revision ?? 0 { state.replay = status }
    case .quit:
        state.quit = true
    }
    return []
}

extension AppState {
    /// Drops the transient message once it has been shown for its lifetime; a pending one stays.
    mutating func expireStatus(at now: Date) {
        guard var message = status, !message.isPending else { return }
        guard let shownAt = message.shownAt else {
            message.shownAt = now
            status = message
            return
        }
        if now.timeIntervalSince(shownAt) >= message.lifetime { status = nil }
    }
}

extension AppState {
    /// Takes a new snapshot and its model: a move to another manager is said, the table and
    /// the selection follow, a scale the swarm has carried out is no longer pending, an open
    /// dialog is checked against it.
    mutating func receive(_ snapshot: ClusterSnapshot, model: SnapshotModel) {
        if let change = snapshot.managerChange, change != self.snapshot?.managerChange {  // a failover: say so
            status = StatusMessage(change.text, isError: true)
            endpoint = change.to
        }
        if manager != nil { manager = snapshot.endpoint }
        self.snapshot = snapshot
        pendingScales = pendingScales.filter { id, scale in
            snapshot.service(id: id).map { AppState.replicaCount($0) == scale.from } ?? false
        }
        self.model = model
        refreshTable()
        recheckDialog()
    }
}
