#if canImport(Glibc)
import Glibc
#endif

/// The zone wall-clock times are shown in, converted by the C library: Foundation's `TimeZone`
/// would load ICU's time zone tables (about 3 MB of resident memory for one clock).
public enum ClockZone: Sendable, Equatable {
    /// The user's local time: `TZ`, else `/etc/localtime` (the C library's `localtime_r`).
    case local
    /// A fixed offset east of UTC, in seconds.
    case fixed(seconds: Int)

    /// UTC.
    public static let utc = ClockZone.fixed(seconds: 0)

    /// The hour, minute and second of `secondsSince1970` in this zone; a NaN time is 1970's
    /// first second, and times beyond ±1e15 seconds (30 million years) are taken as that.
    func time(_ secondsSince1970: Double) -> (hour: Int, minute: Int, second: Int) {
        var t = secondsSince1970.isNaN ? 0 : time_t(min(max(secondsSince1970.rounded(.down), -1e15), 1e15))
        var parts = tm()
        switch self {
        case .local:
            localtime_r(&t, &parts)
        case .fixed(let seconds):
            t += time_t(seconds)
            gmtime_r(&t, &parts)
        }
        return (Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
