import Dashboard
import Foundation
import SwarmState

/// Builds each new snapshot's model on a thread of its own (`PreparedSnapshot`), with the rows
/// of every pane shown so far (the one on screen first), and hands it to the UI loop, so that
/// the UI thread is free for keys, a pane switch included. Only the newest snapshot waiting
/// is built, and builds are paced (`SnapshotPacing`): a 10,000-task swarm under churn sends
/// some 20 snapshots a second, each 40 ms to build.
final class SnapshotPreparer: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var waiting: ClusterSnapshot?
    /// The panes shown so far, the one on screen first.
    private var panes: [Pane]
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

    /// The pane on screen now: its rows are built first from now on.
    func show(_ pane: Pane) {
        condition.withLock {
            if panes.first != pane { panes = [pane] + panes.filter { $0 != pane } }
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

    private func run(_ deliver: (PreparedSnapshot) -> Void) {
        var pacing = SnapshotPacing()
        while let (snapshot, panes) = next(pacing) {
            let start = ProcessInfo.processInfo.systemUptime
            let prepared = PreparedSnapshot(snapshot, timeZone: timeZone, panes: panes)
            pacing.applied(at: start, cost: ProcessInfo.processInfo.systemUptime - start)
            deliver(prepared)
        }
    }

    /// Waits for a snapshot and for its turn; nil once stopped.
    private func next(_ pacing: SnapshotPacing) -> (ClusterSnapshot, [Pane])? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped {
            let wait = pacing.wait(from: ProcessInfo.processInfo.systemUptime)
            if let snapshot = waiting, wait == 0 {
                waiting = nil
                return (snapshot, panes)
            }
            if waiting == nil { condition.wait() } else { _ = condition.wait(until: Date().addingTimeInterval(wait)) }
        }
        return nil
    }
}
