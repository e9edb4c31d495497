import Dashboard
import Foundation
import SwarmState

/// Builds each new snapshot's model on a thread of its own (`PreparedSnapshot`), with the rows
/// of every pane shown so far (the one on screen first), and hands it to the UI loop, so that
/// the UI thread is free for keys, a pane switch included. Only the newest snapshot waiting
/// is built, and builds are paced (`SnapshotPacing`): a 10,000-task swarm under churn sends
/// some 20 snapshots a second, each 40 ms to build. The states they replace are freed here too.
final class SnapshotPreparer: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var waiting: ClusterSnapshot?
    /// States replaced on the UI thread, to be freed here (`free`).
    private var replaced: [AppState] = []
    /// The panes shown so far, the one on screen first.
    private var panes: [Pane]
    /// The last snapshot taken to prepare: prepared again when a pane is shown for the first time.
    private var last: ClusterSnapshot?
    /// True when the next snapshot is prepared without waiting for its turn (a pane shown for the
    /// first time waits for its rows).
    private var urgent = false
    private var stopped = false

    private let timeZone: ClockZone

    /// - Parameters:
    ///   - timeZone: the state's (`AppState.timeZone`).
    ///   - pane: the pane on screen at first.
    init(timeZone: ClockZone, pane: Pane) {
        self.timeZone = timeZone
        panes = [pane]
    }

    /// Queues a snapshot, replacing one still waiting; from any thread.
    func submit(_ snapshot: ClusterSnapshot) {
        condition.withLock {
            waiting = snapshot
            condition.signal()
        }
    }

    /// Takes the UI's state as it was before a prepared snapshot replaced it, and lets it go on
    /// this thread: what only it still holds (the old snapshot, its rows) is freed here.
    func free(_ state: AppState) {
        condition.withLock {
            replaced.append(state)
            condition.signal()
        }
    }

    /// The pane on screen now: its rows are built first from now on. A pane shown for the first
    /// time has the last snapshot prepared again at once, with its rows.
    func show(_ pane: Pane) {
        condition.withLock {
            guard panes.first != pane else { return }
            if !panes.contains(pane) {
                if waiting == nil { waiting = last }
                urgent = true
                condition.signal()
            }
            panes = [pane] + panes.filter { $0 != pane }
        }
    }

    /// Starts the thread, which calls `deliver` with each prepared snapshot; `stop` ends it.
    func start(deliver: @escaping @Sendable (PreparedSnapshot) -> Void) {
        let thread = Thread { [self] in run(deliver) }
        thread.name = "swarmtop-prepare"
        thread.start()
    }

    func stop() {
        condition.withLock {
            stopped = true
            condition.signal()
        }
    }

    /// What the thread does next.
    private enum Work {
        case prepare(ClusterSnapshot, panes: [Pane])
        /// Replaced states, whose last references these are: freed when the case is dropped.
        case free([AppState])
    }

    private func run(_ deliver: (PreparedSnapshot) -> Void) {
        var pacing = SnapshotPacing()
        // The snapshot prepared last, whose rows the next one reuses where equal: the UI holds
        // it too (or the one after, which is this thread's next `last`).
        var last: PreparedSnapshot?
        while let work = next(pacing) {
            guard case .prepare(let snapshot, let panes) = work else { continue }  // .free: freed here, unlocked
            let start = ProcessInfo.processInfo.systemUptime
            let prepared = PreparedSnapshot(snapshot, timeZone: timeZone, panes: panes, last: last)
            last = prepared
            pacing.applied(at: start, cost: ProcessInfo.processInfo.systemUptime - start)
            deliver(prepared)
        }
    }

    /// Waits for replaced states to free, or a snapshot and its turn; nil once stopped.
    private func next(_ pacing: SnapshotPacing) -> Work? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped {
            if !replaced.isEmpty {
                defer { replaced = [] }
                return .free(replaced)
            }
            let wait = urgent ? 0 : pacing.wait(from: ProcessInfo.processInfo.systemUptime)
            if let snapshot = waiting, wait == 0 {
                waiting = nil
                last = snapshot
                urgent = false
                return .prepare(snapshot, panes: panes)
            }
            if waiting == nil { condition.wait() } else { _ = condition.wait(until: Date().addingTimeInterval(wait)) }
        }
        return nil
    }
}
