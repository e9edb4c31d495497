/// How often new snapshots are prepared for the screen (`SnapshotPreparer`): the first after a
/// quiet spell at once, the next no sooner than five times what preparing the last one cost
/// after it (at least 0.1 s later). Preparing then takes at most a fifth of a core however fast
/// snapshots come (a 10,000-task swarm under churn sent some 20 a second, each 40 ms of work),
/// and the snapshots held back meanwhile are dropped for the newest, which carries everything
/// they said.
/// Times are monotonic seconds (`ProcessInfo.systemUptime`).
struct SnapshotPacing: Equatable {
    /// The shortest spacing, seconds.
    static let minimumSpacing = 0.1
    /// The spacing as a multiple of the last snapshot's cost.
    static let costFactor = 5.0

    /// When the next snapshot may be prepared.
    private(set) var nextAllowed = -Double.infinity

    /// True when a snapshot may be prepared at `now`.
    func allows(at now: Double) -> Bool { now >= nextAllowed }

    /// Seconds from `now` until a waiting snapshot may be prepared (0 when it may now).
    func wait(from now: Double) -> Double { max(0, nextAllowed - now) }

    /// Notes that a snapshot was prepared from `start`, taking `cost` seconds.
    mutating func applied(at start: Double, cost: Double) {
        nextAllowed = start + max(Self.minimumSpacing, Self.costFactor * cost)
    }
}
