import Foundation

/// Seconds turned into the whole units that sleeps and deadlines take, total over every
/// `Double`: a negative or NaN number of seconds is 0, and one too large for the unit (a
/// setting of `1e300`, `inf`) is the unit's largest value, where `UInt64(seconds * 1e9)` traps.
public enum Seconds {
    /// Nanoseconds, for `Task.sleep(nanoseconds:)` (at most `UInt64.max`, 584 years).
    public static func nanoseconds(_ seconds: TimeInterval) -> UInt64 { clamped(seconds * 1e9) }

    /// Milliseconds, for NIO's `TimeAmount.milliseconds` (at most `Int64.max`).
    public static func milliseconds(_ seconds: TimeInterval) -> Int64 { clamped(seconds * 1000) }

    /// Whole seconds, rounded down, for NIO's `TimeAmount.seconds` (at most `Int64.max` / 1e9,
    /// so that NIO's own conversion to nanoseconds cannot overflow).
    public static func whole(_ seconds: TimeInterval) -> Int64 { min(clamped(seconds), Int64.max / 1_000_000_000) }

    private static func clamped<I: FixedWidthInteger>(_ value: Double) -> I {
        guard value > 0 else { return 0 }
        return value < Double(I.max) ? I(value) : I.max
    }
}
