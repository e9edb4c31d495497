import Foundation

/// One container's writable layer (`SizeRw`) as successive size answers gave it: the first
/// measure, the last, and the bytes of the last `SizeHistory.kept` (a sparkline's points).
/// Times are the observations' `at`, so a replay gives the same figures.
public struct SizeHistory: Sendable, Hashable {
    /// A measure: bytes at a moment.
    public struct Sample: Sendable, Hashable {
        public var at: Date
        public var bytes: Int64

        public init(at: Date, bytes: Int64) {
            self.at = at
            self.bytes = bytes
        }
    }

    /// How many of the last measures are kept.
    public static let kept = 16

    /// The first measure since swarmtop saw the container.
    public private(set) var first: Sample
    /// The last measure: the current size.
    public private(set) var last: Sample
    /// How many measures `recentBytes` holds, the last among them: at most `kept`.
    private var count: UInt8 = 1
    /// Those measures' bytes, oldest first, when they are not all `last.bytes`; nil while they
    /// are. Most writable layers never change: a container's history is then no array at all
    /// (an array of 16 measures was 288 bytes, 2.5 MB at 10,000 containers).
    private var varied: [Int64]?

    /// A history of one measure.
    public init(_ sample: Sample) {
        first = sample
        last = sample
    }

    /// The bytes of the last `kept` measures at most, oldest first (a sparkline's points).
    public var recentBytes: [Int64] {
        varied ?? Array(repeating: last.bytes, count: Int(count))
    }

    /// Adds a measure (one no newer than the last is ignored); the oldest of a full history goes.
    public mutating func note(_ sample: Sample) {
        guard sample.at > last.at else { return }
        if varied == nil, sample.bytes != last.bytes {
            varied = []
            varied!.reserveCapacity(Self.kept)  // room for `kept`, not the 32 that appending grows to
            varied!.append(contentsOf: repeatElement(last.bytes, count: Int(count)))
        }
        if varied != nil {
            if varied!.count >= Self.kept { varied!.removeFirst(varied!.count - Self.kept + 1) }
            varied!.append(sample.bytes)
            if varied!.allSatisfy({ $0 == sample.bytes }) { varied = nil }  // a layer that stopped changing
        }
        count = UInt8(min(Int(count) + 1, Self.kept))
        last = sample
    }

    /// Bytes per minute since the first measure (negative when it shrank); nil with a single
    /// measure or less than a second between the first and the last.
    public var bytesPerMinute: Double? {
        let seconds = last.at.timeIntervalSince(first.at)
        guard seconds >= 1 else { return nil }
        return Double(last.bytes - first.bytes) / seconds * 60
    }
}
