import Foundation

/// What happened in the swarm while swarmtop watched, oldest first and bounded (the newest
/// `capacity` entries are kept): the answer to "what happened overnight", which the engines
/// forget. Pure: fed by the snapshot assembler with every observation and the snapshots before
/// and after it, so a replayed recording builds the same timeline as the live run did.
///
/// An entry comes from an event (`service update` with `replicas.old`/`replicas.new`,
/// `node update` with `state.new`, a container's `die`…) or from the difference between two
/// snapshots (a task that became `failed`, a replica count that changed, an engine error that
/// appeared). What both report is said once: each object's last reported value (its replica
/// count, node state, availability, update state, existence, reachability) is remembered, and
/// a second report of the same value is dropped.
public struct Timeline: Sendable, Equatable {
    /// The most entries kept; older ones are dropped first.
    public let capacity: Int
    /// The entries, oldest first (by `time`; equal times in order of arrival).
    public private(set) var entries: [TimelineEntry] = []
    /// The last value reported per fact, e.g. `replicas <service ID>` -> `3`.
    private var facts: [String: String] = [:]
    /// When each service was created, by ID: the allocator's own `update` right after a
    /// `create` is not an update anyone made.
    private var createdAt: [String: Date] = [:]
    /// The next entry's `id`.
    private var nextID = 1
    /// The time (`timeNano`) of the last event noted from each engine.
    private var lastEvent: [EngineObservation.Engine: Int64] = [:]

    /// An empty timeline.
    /// - Parameter capacity: the most entries kept (at least 1; default 5,000).
    public init(capacity: Int = 5_000) {
        self.capacity = max(1, capacity)
    }

    /// Adds what `observation` tells: the entries of an event, then those of the change from
    /// `before` to `after` (the snapshots around applying the observation).
    /// - Parameters:
    ///   - observation: what an engine said; an `.event` is decoded as a `DockerEvent` (an
    ///     undecodable one adds nothing).
    ///   - before: the snapshot before the observation was applied.
    ///   - after: the snapshot after it.
    public mutating func note(_ observation: EngineObservation, before: ClusterSnapshot, after: ClusterSnapshot) {
        if case .event(let data) = observation.content,
           let event = try? DockerJSON.decode(DockerEvent.self, from: data, path: "/events") {
            note(event, from: observation.engine, at: observation.at, in: after)
        }
        noteChanges(from: before, to: after, at: observation.at)
    }

    /// Adds an entry unless `fact` was last reported with `value` (then says nothing).
    /// - Parameters:
    ///   - fact: what the value is of, e.g. `replicas <service ID>`; nil to add the entry always.
    ///   - value: its new value, e.g. `3`.
    mutating func add(_ entry: TimelineEntry, fact: String? = nil, value: String = "") {
        if let fact {
            guard facts[fact] != value else { return }
            facts[fact] = value
        }
        var entry = entry
        entry.id = nextID
        nextID += 1
        var i = entries.endIndex
        while i > entries.startIndex, entries[i - 1].time > entry.time { i -= 1 }
        entries.insert(entry, at: i)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }

    /// Remembers `value` for `fact` without an entry (e.g. a stack seen again).
    mutating func remember(_ fact: String, _ value: String?) {
        facts[fact] = value
    }

    /// The value last reported for `fact`.
    func reported(_ fact: String) -> String? { facts[fact] }

    /// True when `event` is not newer than the last one noted from `engine`: a stream reopened
    /// with `since=` sends again what was already noted. Remembers it otherwise.
    mutating func isReplay(_ event: DockerEvent, from engine: EngineObservation.Engine) -> Bool {
        guard let nano = event.timeNano else { return false }
        if let last = lastEvent[engine], nano <= last { return true }
        lastEvent[engine] = nano
        return false
    }

    /// Notes that a service was created at `time` (nil: forgets it, the service is gone).
    mutating func created(_ serviceID: String, at time: Date?) {
        createdAt[serviceID] = time
    }

    /// True when the service was created less than 10 seconds before `time`.
    func isFresh(_ serviceID: String, at time: Date) -> Bool {
        createdAt[serviceID].map { time.timeIntervalSince($0) < 10 } ?? false
    }
}
