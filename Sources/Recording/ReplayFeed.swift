import DockerAPI
import Foundation
import SwarmState

/// A recording played back as a `SwarmFeed` (`swarmtop replay FILE`): its observations go
/// through a `SnapshotAssembler` at their recorded times, scaled by the speed; seeking back
/// rebuilds the snapshot from the start of the file. It asks no engine.
public actor ReplayFeed: ReplayControlling {
    /// The recording's header.
    public nonisolated let header: RecordingHeader
    private let path: String
    private var clock: ReplayClock
    private var reader: RecordingReader
    private var assembler: SnapshotAssembler
    /// The next observation not applied yet, read ahead.
    private var next: EngineObservation?
    private var publish: (@Sendable (ClusterSnapshot) -> Void)?
    /// Set when the snapshot was rebuilt: the next `advance` publishes it even if unchanged.
    private var rebuilt = false
    private let statusChanged: @Sendable (ReplayStatus) -> Void
    /// The timeline last given to `statusChanged`.
    private var told: ReplayStatus?
    /// The last status's `revision`.
    private var revision = 0
    private let wallClock: @Sendable () -> Date

    /// Opens the recording at `path` and reads it through once (for its duration, and so that a
    /// damaged line is reported before the dashboard opens).
    /// - Parameters:
    ///   - path: the recording file.
    ///   - speed: the speed to start at, one of `ReplayStatus.speeds`.
    ///   - statusChanged: called with the timeline after every change of position, pause or speed.
    ///   - wallClock: the wall time (tests give their own).
    /// - Throws: `RecordingError` naming the file (and line) when it cannot be read.
    public init(path: String, statusChanged: @escaping @Sendable (ReplayStatus) -> Void = { _ in },
                wallClock: @escaping @Sendable () -> Date = Date.init) throws {
        let scan = try RecordingReader(path: path)
        var last = scan.header.start
        while let observation = try scan.next() { last = max(last, observation.at) }
        header = scan.header
        self.path = path
        self.statusChanged = statusChanged
        self.wallClock = wallClock
        clock = ReplayClock(duration: last.timeIntervalSince(scan.header.start), now: wallClock())
        reader = try RecordingReader(path: path)
        assembler = SnapshotAssembler(endpoint: scan.header.endpoint)
        next = try reader.next()
    }

    /// Where the replay is now.
    public var status: ReplayStatus { clock.status(at: wallClock(), start: header.start) }

    /// Plays the recording until the calling task is cancelled: applies each observation when
    /// the clock reaches it and publishes the snapshot when it changed; the timeline when its
    /// second, pause or speed changes.
    public func run(publish: @escaping @Sendable (ClusterSnapshot) -> Void) async {
        self.publish = publish
        publish(assembler.snapshot)
        while !Task.isCancelled {
            advance()
            let now = wallClock()
            let wait = next.flatMap { clock.wallSeconds(until: $0.at.timeIntervalSince(header.start), now: now) } ?? 1
            try? await Task.sleep(for: .seconds(min(0.25, max(0.01, wait))))
        }
    }

    /// Pauses, steps, seeks or changes speed, and publishes what changed.
    /// - Returns: the timeline after it.
    public func control(_ control: ReplayControl) -> ReplayStatus {
        let now = wallClock()
        switch control {
        case .togglePause: clock.togglePause(now: now)
        case .faster: clock.changeSpeed(by: 1, now: now)
        case .slower: clock.changeSpeed(by: -1, now: now)
        case .move(by: let seconds): seek(to: clock.position(at: now) + seconds)
        case .seek(to: let position): seek(to: position)
        case .stepToNextChange: step()
        }
        advance()
        return stamped()
    }

    /// `status` with the next revision.
    private func stamped() -> ReplayStatus {
        revision += 1
        var status = status
        status.revision = revision
        return status
    }

    /// Nothing to ask: a replay has what was recorded.
    public func refreshNow() async {}

    /// Refused: a replay asks no engine.
    /// - Throws: `DockerError.transport` saying so.
    public func refreshSize(hostname: String, containerID: String) async throws -> DockerClient.ContainerSize {
        throw DockerError.transport(endpoint: hostname, reason: "a replay of a recording measures nothing")
    }

    /// The snapshot at the replay's position.
    public var current: ClusterSnapshot { assembler.snapshot }

    /// Applies every observation up to the clock's position; publishes the snapshot if it changed.
    func advance() {
        let position = clock.position(at: wallClock())
        var changed = false
        while let observation = next, observation.at.timeIntervalSince(header.start) <= position {
            changed = assembler.apply(observation) || changed
            next = readNext()
        }
        if changed || rebuilt { publish?(assembler.snapshot) }
        rebuilt = false
        let now = stamped()
        if now.shown != told?.shown {
            told = now
            statusChanged(now)
        }
    }

    /// Goes to `position`: forward by applying what lies between, back by starting over.
    private func seek(to position: TimeInterval) {
        let now = wallClock()
        if position < clock.position(at: now) { restart() }
        clock.seek(to: position, now: now)
    }

    /// Applies observations up to the next one that changes the snapshot, and pauses there.
    private func step() {
        clock.pause(now: wallClock())
        var changed = false
        while !changed, let observation = next {
            changed = assembler.apply(observation)
            next = readNext()
            clock.seek(to: observation.at.timeIntervalSince(header.start), now: wallClock())
        }
        if changed { publish?(assembler.snapshot) }
    }

    /// Back to the recording's start, with a fresh assembler (its snapshot published by the
    /// next `advance`, at the position sought).
    private func restart() {
        guard let reopened = try? RecordingReader(path: path) else { return }
        reader = reopened
        assembler = SnapshotAssembler(endpoint: header.endpoint)
        next = readNext()
        rebuilt = true
    }

    /// The next observation; a line that fails now (the file changed since it was opened) ends the replay there.
    private func readNext() -> EngineObservation? {
        (try? reader.next()) ?? nil
    }
}

private extension ReplayStatus {
    /// What the status line shows of it: the whole second, pause and speed.
    var shown: [Double] { [position.rounded(.down), paused ? 1 : 0, speed] }
}
