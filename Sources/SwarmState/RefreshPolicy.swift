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
public struct TaskPollPolicy: Sendable {
    /// Seconds between polls right after an event and while tasks change.
    public let fast: TimeInterval
    /// Seconds between polls when the swarm is steady.
    public let steady: TimeInterval
    /// Seconds of fast polling after an event.
    public let window: TimeInterval
    private var fastUntil = Date.distantPast
    /// The interval chosen last.
    public private(set) var current: TimeInterval

    public init(fast: TimeInterval, steady: TimeInterval, window: TimeInterval) {
        self.fast = min(fast, steady)
        self.steady = steady
        self.window = window
        current = steady
    }

    /// A service, node or container event arrived: poll fast for `window` seconds.
    public mutating func noteEvent(at now: Date) {
        fastUntil = now.addingTimeInterval(window)
        current = fast
    }

    /// The interval until the next poll, given what the poll just done saw.
    /// - Parameters:
    ///   - now: when the poll finished.
    ///   - settling: some task is transitional (see `SwarmTask.isSettling`).
    ///   - changed: the task list differs from the previous poll's.
    public mutating func next(at now: Date, settling: Bool, changed: Bool) -> TimeInterval {
        if now < fastUntil || (settling && changed) {
            current = fast
        } else if settling {
            current = min(steady, max(fast, current * 1.5))
        } else {
            current = steady
        }
        return current
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
