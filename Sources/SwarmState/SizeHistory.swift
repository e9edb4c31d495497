import Foundation

/// One container's writable layer (`SizeRw`) as successive size answers gave it: the first
/// measure, and the last `SizeHistory.kept` ones (a sparkline's points). Times are the
/// observations' `at`, so a replay gives the same figures.
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
    /// The last measures, oldest first (the last is the current size); at most `kept`.
    public private(set) var recent: [Sample]

    /// A history of one measure.
    public init(_ sample: Sample) {
        first = sample
        recent = [sample]
    }

    /// Adds a measure (one no newer than the last is ignored). The oldest goes before the new
    /// one comes: appended first, a full history's array grew to room for 32 measures, 512
    /// bytes a container kept all day (5 MB at 10,000 containers).
    public mutating func note(_ sample: Sample) {
        guard let last = recent.last, sample.at > last.at else { return }
        if recent.count >= Self.kept { recent.removeFirst(recent.count - Self.kept + 1) }
        recent.append(sample)
    }

    /// Bytes per minute since the first measure (negative when it shrank); nil with a single
    /// measure or less than a second between the first and the last.
    public var bytesPerMinute: Double? {
        guard let last = recent.last else { return nil }
        let seconds = last.at.timeIntervalSince(first.at)
        guard seconds >= 1 else { return nil }
        return Double(last.bytes - first.bytes) / seconds * 60
    }
}
