import Foundation
import SwarmState

/// A replay's position in the recording as the wall clock runs (pure: every method takes the
/// wall time). The position moves `speed` seconds of the recording per second unless paused,
/// and stays within the recording's start and end.
public struct ReplayClock: Sendable, Equatable {
    /// Seconds from the recording's start to its last observation.
    public let duration: TimeInterval
    /// One of `ReplayStatus.speeds`.
    public private(set) var speed: Double = 1
    /// True while paused.
    public private(set) var paused = false
    /// The position at `anchor`, and the wall time it was taken.
    private var anchorPosition: TimeInterval = 0
    private var anchor: Date

    /// A clock at the recording's start, running at 1x.
    /// - Parameters:
    ///   - duration: the recording's length, in seconds.
    ///   - now: the wall time.
    public init(duration: TimeInterval, now: Date) {
        self.duration = max(0, duration)
        anchor = now
    }

    /// The position at wall time `now`, in seconds from the recording's start.
    public func position(at now: Date) -> TimeInterval {
        let moved = paused ? 0 : max(0, now.timeIntervalSince(anchor)) * speed
        return min(duration, anchorPosition + moved)
    }

    /// Wall seconds from `now` until the position reaches `position`; nil while paused or
    /// when it never will (past the end).
    public func wallSeconds(until position: TimeInterval, now: Date) -> TimeInterval? {
        guard !paused, position <= duration else { return nil }
        return max(0, (position - self.position(at: now)) / speed)
    }

    /// Goes to `position` (kept within the recording), paused or not as before.
    public mutating func seek(to position: TimeInterval, now: Date) {
        anchorPosition = min(duration, max(0, position))
        anchor = now
    }

    /// Pauses, or goes on (from the start again when at the end).
    public mutating func togglePause(now: Date) {
        let position = position(at: now)
        paused.toggle()
        seek(to: !paused && position >= duration ? 0 : position, now: now)
    }

    /// Pauses where the clock is.
    public mutating func pause(now: Date) {
        seek(to: position(at: now), now: now)
        paused = true
    }

    /// The next faster (`by: 1`) or slower (`by: -1`) speed of `ReplayStatus.speeds`; the
    /// fastest and slowest stay.
    public mutating func changeSpeed(by step: Int, now: Date) {
        seek(to: position(at: now), now: now)
        let speeds = ReplayStatus.speeds
        let index = speeds.firstIndex(of: speed) ?? 0
        speed = speeds[min(speeds.count - 1, max(0, index + step))]
    }

    /// The status line's view of the clock at `now`.
    public func status(at now: Date, start: Date) -> ReplayStatus {
        let position = position(at: now)
        return ReplayStatus(position: position, duration: duration, paused: paused || position >= duration, speed: speed, start: start)
    }
}
