import Foundation

/// What an event (or a timer) asks the refresh engine to fetch again. Pure; many events
/// collapse into one set, so a burst costs one request per collection.
public struct RefreshNeeds: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The manager's `/info`.
    public static let info = RefreshNeeds(rawValue: 1)
    /// `/nodes`.
    public static let nodes = RefreshNeeds(rawValue: 2)
    /// `/services?status=true`.
    public static let services = RefreshNeeds(rawValue: 4)
    /// `/tasks` now, then fast for a while (tasks have no events of their own).
    public static let tasks = RefreshNeeds(rawValue: 8)
    /// The container list of the engine the event came from.
    public static let containers = RefreshNeeds(rawValue: 16)
    /// The tasks and counts of the services that moved (the refresh engine keeps which), not the whole swarm's.
    public static let serviceTasks = RefreshNeeds(rawValue: 32)
    /// Everything the manager answers.
    public static let manager: RefreshNeeds = [.info, .nodes, .services, .tasks]

    /// What `event` changed among the things swarmtop shows.
    /// - service create/update/remove: the services, and their tasks (fast for a while);
    /// - node create/update/remove: the nodes, and the tasks (a node that leaves takes its tasks);
    /// - a container change: that engine's containers, and the tasks when it runs a swarm task;
    /// - network, secret, config: nothing shown (they matter to stack removal only).
    public static func needs(for event: DockerEvent) -> RefreshNeeds {
        switch event.type {
        case "service": return [.services, .tasks]
        case "node": return [.nodes, .tasks]
        case "container":
            guard EventFilter.containerActions.contains(event.baseAction) else { return [] }
            let isTask = event.actor?.attributes?["com.docker.swarm.task.id"] != nil
            return isTask ? [.containers, .tasks] : [.containers]
        default: return []
        }
    }
}

/// The adaptive cadence of the task poll. Tasks have no events, so they are polled: fast for
/// `window` seconds after a service or node event, fast while tasks are on their way (new,
/// pending, assigned, accepted, preparing, starting, or running but asked to stop) and still
/// changing, backing off by half each unchanged poll when they are stuck (e.g. a task pending
/// for want of a node), and slow when the swarm is steady.
///
/// A crash loop is bounded on its own: a service is *cycling* while `cycleFailures` (3) of its
/// tasks were first seen failed (or rejected) within the last `cycleSpan` (60) seconds. Its task
/// containers' events then ask for no task poll and open no fast window, and its tasks count
/// neither as settling nor as changed: it is polled at the steady cadence (or with the rest of
/// the swarm), so a service that never stops failing cannot keep the poll fast. A service event
/// of its own (the operator changed it) forgets its failures; so does a minute without them.
public struct TaskPollPolicy: Sendable {
    /// Seconds between polls right after an event and while tasks change.
    public let fast: TimeInterval
    /// Seconds between polls when the swarm is steady.
    public let steady: TimeInterval
    /// Seconds of fast polling after an event.
    public let window: TimeInterval
    /// Failures within `cycleSpan` that make a service cycling.
    public let cycleFailures: Int
    /// Seconds a failure counts towards `cycleFailures`.
    public let cycleSpan: TimeInterval
    private var fastUntil = Date.distantPast
    /// The interval chosen last.
    public private(set) var current: TimeInterval
    /// The watched tasks' states and desired states at the last poll, as one number: the
    /// wrapping sum of a hash of each task's ID, state and desired state, which a list's order
    /// does not change (nil before the first poll). A dictionary of them held 10,000 tasks'
    /// states twice while the next poll's was made (1 MB).
    private var lastStates: Int?
    /// IDs of the failed tasks in the last poll's list.
    private var failedIDs: Set<String> = []
    /// When each failure of a service was first seen, by service ID (within `cycleSpan`).
    private var failures: [String: [Date]] = [:]
    /// IDs of the services cycling now.
    public private(set) var cycling: Set<String> = []

    public init(fast: TimeInterval, steady: TimeInterval, window: TimeInterval,
                cycleFailures: Int = 3, cycleSpan: TimeInterval = 60) {
        self.fast = min(fast, steady)
        self.steady = steady
        self.window = window
        self.cycleFailures = max(1, cycleFailures)
        self.cycleSpan = cycleSpan
        current = steady
    }

    /// Something changed (a node event, an action): poll fast for `window` seconds.
    public mutating func noteEvent(at now: Date) {
        fastUntil = now.addingTimeInterval(window)
        current = fast
    }

    /// What an event asks of the task poll, given what `RefreshNeeds.needs(for:)` said: a
    /// cycling service's task container asks for no task poll (its containers are still
    /// listed); any other event that asks for tasks opens the fast window, and a service's own
    /// event forgets that service's failures.
    /// - Returns: `needs`, without `.tasks` for a cycling service's container.
    public mutating func admit(_ event: DockerEvent, needs: RefreshNeeds, at now: Date) -> RefreshNeeds {
        guard needs.contains(.tasks) else { return needs }
        if event.type == "container", let service = event.actor?.attributes?["com.docker.swarm.service.id"],
           cycling.contains(service) {
            return needs.subtracting(.tasks)
        }
        if event.type == "service", let service = event.actor?.id {
            failures[service] = nil
            cycling.remove(service)
        }
        noteEvent(at: now)
        return needs
    }

    /// The interval until the next poll, given the task list the poll just got.
    /// - Parameters:
    ///   - now: when the poll finished.
    ///   - tasks: every task (`GET /tasks`).
    public mutating func next(at now: Date, tasks: [SwarmTask]) -> TimeInterval {
        noteFailures(tasks, at: now)
        var states = 0
        var settling = false
        for task in tasks where !cycling.contains(task.serviceID) {
            var hasher = Hasher()
            hasher.combine(task.id)
            hasher.combine(task.state)
            hasher.combine(task.desiredState)
            states &+= hasher.finalize()
            settling = settling || task.isSettling
        }
        let changed = lastStates != states
        lastStates = states
        if now < fastUntil || (settling && changed) {
            current = fast
        } else if settling {
            current = min(steady, max(fast, current * 1.5))
        } else {
            current = steady
        }
        return current
    }

    /// Counts the failures first seen in this list (those of the first poll are history, not
    /// counted), forgets those older than `cycleSpan`, and works out which services cycle.
    private mutating func noteFailures(_ tasks: [SwarmTask], at now: Date) {
        let failed = tasks.filter { $0.state == "failed" || $0.state == "rejected" }
        if lastStates != nil {
            for task in failed where !failedIDs.contains(task.id) { failures[task.serviceID, default: []].append(now) }
        }
        failedIDs = Set(failed.map(\.id))
        failures = failures.compactMapValues { dates in
            let recent = dates.filter { now.timeIntervalSince($0) < cycleSpan }
            return recent.isEmpty ? nil : recent
        }
        cycling = Set(failures.filter { $0.value.count >= cycleFailures }.keys)
    }
}

/// The cadence of writable-layer size queries on one engine: `size=1` makes the engine walk
/// every container's upper directory, so the query may take at most `budget` (5%) of the wall
/// time on that engine, and never run more often than every `minimum` seconds.
public struct SizePolicy: Sendable, Hashable {
    public let minimum: TimeInterval
    /// The largest share of wall time size queries may take, e.g. 0.05.
    public let budget: Double

    public init(minimum: TimeInterval, budget: Double = 0.05) {
        self.minimum = minimum
        self.budget = budget
    }

    /// Seconds to wait after a query that took `duration` seconds.
    public func interval(after duration: TimeInterval) -> TimeInterval {
        max(minimum, duration / max(budget, 0.0001))
    }
}

extension SwarmTask {
    /// True while the task is on its way somewhere: transitional (new … starting), or still
    /// running while asked to shut down. Such tasks make the task poll fast.
    public var isSettling: Bool {
        if isTransitional { return true }
        let desired = desiredState ?? ""
        return (desired == "shutdown" || desired == "remove") && state == "running"
    }
}
