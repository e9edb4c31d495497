import Foundation

/// What the dashboard asks of a replay (`swarmtop replay FILE`): the keys and `:seek`.
public enum ReplayControl: Sendable, Hashable {
    /// Space: pause, or go on.
    case togglePause
    /// `.`: go to the next observation that changes the snapshot, and pause there.
    case stepToNextChange
    /// `[` `]`, `:seek +5m`: move by this many seconds of the recording (negative: back).
    case move(by: TimeInterval)
    /// `:seek 12:30`: go to this many seconds after the recording's start.
    case seek(to: TimeInterval)
    /// `>` `<`: the next or previous speed of `ReplayStatus.speeds`.
    case faster, slower
}

/// Where a replay is, for the status line's timeline.
public struct ReplayStatus: Sendable, Hashable {
    /// The speeds `<` and `>` go through.
    public static let speeds: [Double] = [1, 2, 5, 10, 30, 60]

    /// Seconds since the recording's start shown now.
    public var position: TimeInterval
    /// Seconds from the recording's start to its last observation.
    public var duration: TimeInterval
    /// True while paused (also at the end).
    public var paused: Bool
    /// Seconds of the recording per second, one of `speeds`.
    public var speed: Double
    /// The recording's start (wall clock of the recorded swarm).
    public var start: Date
    /// Counts the statuses a replay gave: statuses reach the dashboard by two ways (a control's
    /// answer, the playing clock) and may arrive out of order; the dashboard keeps the latest.
    public var revision: Int

    public init(position: TimeInterval, duration: TimeInterval, paused: Bool, speed: Double, start: Date, revision: Int = 0) {
        self.position = position
        self.duration = duration
        self.paused = paused
        self.speed = speed
        self.start = start
        self.revision = revision
    }

    /// The recorded moment shown: what "now" was at the position (ages such as "Running 5
    /// minutes ago" count from it).
    public var now: Date { start.addingTimeInterval(position) }

    /// True at the end of the recording.
    public var atEnd: Bool { position >= duration }
}

/// A feed that plays a recording (`ReplayFeed`): the dashboard's replay keys reach it through
/// `control`, by way of `Effect.replay`.
public protocol ReplayControlling: SwarmFeed {
    /// Pauses, steps, seeks or changes speed.
    /// - Returns: the timeline after it.
    func control(_ control: ReplayControl) async -> ReplayStatus
}
