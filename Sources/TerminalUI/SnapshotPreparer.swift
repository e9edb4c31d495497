import Dashboard
import Foundation
import SwarmState

/// Builds each new snapshot's model on a thread of its own (`PreparedSnapshot`) and hands it
/// to the UI loop, so that the UI thread is free for keys. Only the newest snapshot waiting
/// is built, and builds are paced (`SnapshotPacing`): a 10,000-task swarm under churn sends
/// some 20 snapshots a second, each 40 ms to build.
final class SnapshotPreparer: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var waiting: ClusterSnapshot?
    private var pane: Pane
    private var stopped = false

    private let timeZone: ClockZone

    /// - Parameters:
    ///   - timeZone: the state's (`AppState.timeZone`).
    ///   - pane: the pane on screen at first.
    init(timeZone: ClockZone, pane: Pane) {
        self.timeZone = timeZone
        self.pane = pane
    }

    /// Queues a snapshot, replacing one still waiting; from any thread.
    func submit(_ snapshot: ClusterSnapshot) {
        condition.withLock {
            waiting = snapshot
            condition.signal()
        }
    }

    /// The pane on screen now, whose rows the next snapshots get built.
    func show(_ pane: Pane) {
        condition.withLock { self.pane = pane }
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
        while let (snapshot, pane) = next(pacing) {
            let start = ProcessInfo.processInfo.systemUptime
            let prepared = PreparedSnapshot(snapshot, timeZone: timeZone, pane: pane)
            pacing.applied(at: start, cost: ProcessInfo.processInfo.systemUptime - start)
            deliver(prepared)
        }
    }

    /// Waits for a snapshot and for its turn; nil once stopped.
    private func next(_ pacing: SnapshotPacing) -> (ClusterSnapshot, Pane)? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped {
            let wait = pacing.wait(from: ProcessInfo.processInfo.systemUptime)
            if let snapshot = waiting, wait == 0 {
                waiting = nil
                return (snapshot, pane)
            }
            if waiting == nil { condition.wait() } else { _ = condition.wait(until: Date().addingTimeInterval(wait)) }
        }
        return nil
    }
}
