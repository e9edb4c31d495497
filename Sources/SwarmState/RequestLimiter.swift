import Foundation

/// At most `limit` operations at once, the others waiting their turn in order: the bound on
/// requests in flight to node engines (200 nodes do not open 200 connections at the same time).
public actor RequestLimiter {
    /// What the limiter has seen, for tests and measurements.
    public struct Counts: Sendable, Hashable {
        /// Operations running now.
        public var inFlight = 0
        /// The most that ran at once.
        public var peak = 0
        /// Operations that had to wait for a turn.
        public var waited = 0
        /// Operations run.
        public var total = 0
    }

    /// The most operations that run at once.
    public nonisolated let limit: Int
    private var counts = Counts()
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// - Parameter limit: the most operations at once (at least 1).
    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Runs `body` once fewer than `limit` others are running.
    /// - Throws: what `body` throws.
    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    /// The counts so far.
    public var current: Counts { counts }

    private func acquire() async {
        counts.total += 1
        if counts.inFlight >= limit {
            counts.waited += 1
            await withCheckedContinuation { waiting.append($0) }
            // release() handed its turn over: inFlight was not decremented.
        } else {
            counts.inFlight += 1
        }
        counts.peak = max(counts.peak, counts.inFlight)
    }

    private func release() {
        if waiting.isEmpty {
            counts.inFlight -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
