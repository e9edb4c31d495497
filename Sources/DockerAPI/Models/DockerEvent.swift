import Foundation

/// One event from an engine's `/events` stream.
///
/// Source: `GET /events` (Engine API v1.41+, `EventMessage`), one JSON object per line.
/// Swarm objects (service, node, network, secret, config; `scope` `swarm`) have events on
/// managers; containers have events on their own node's engine only (`scope` `local`).
/// Tasks have none.
public struct DockerEvent: Codable, Sendable, Hashable {
    /// `container`, `service`, `node`, `network`, `secret`, `config`, `image`, `volume`, …
    public var type: String
    /// `create`, `update`, `remove`, `start`, `die`, `destroy`, `exec_create: …`, …
    public var action: String
    public var actor: Actor?
    /// `local` or `swarm`.
    public var scope: String?
    /// Seconds since 1970.
    public var time: Int64?
    /// Nanoseconds since 1970: the precise time, used to resume with `since=`.
    public var timeNano: Int64?

    /// The object the event is about.
    public struct Actor: Codable, Sendable, Hashable {
        /// The object's ID (a container's 64-hex ID, a service's or node's 25-char ID).
        public var id: String?
        /// E.g. `name`, `image`, `replicas.new`, `com.docker.swarm.task.id` for containers.
        public var attributes: [String: String]?
        enum CodingKeys: String, CodingKey { case id = "ID", attributes = "Attributes" }
    }

    enum CodingKeys: String, CodingKey {
        case type = "Type", action = "Action", actor = "Actor", scope = "scope", time, timeNano
    }

    public init(type: String, action: String, actorID: String? = nil, attributes: [String: String]? = nil,
                scope: String? = nil, timeNano: Int64? = nil) {
        self.type = type
        self.action = action
        actor = Actor(id: actorID, attributes: attributes)
        self.scope = scope
        self.timeNano = timeNano
        time = timeNano.map { $0 / 1_000_000_000 }
    }

    /// The event's time as `since=` takes it: `seconds.nanoseconds` (e.g. `1795952080.823133959`).
    public var sinceParameter: String? {
        if let n = timeNano { return String(format: "%lld.%09lld", n / 1_000_000_000, n % 1_000_000_000) }
        return time.map(String.init)
    }

    /// The action without its detail: `exec_create` for `exec_create: wget …`.
    public var baseAction: String {
        action.split(separator: ":", maxSplits: 1).first.map(String.init) ?? action
    }
}

/// What an event stream asks the engine for: the `filters` of `GET /events`.
public struct EventFilter: Sendable, Hashable {
    /// Object types (`type` filter), e.g. `service`, `node`, `container`.
    public var types: [String]
    /// Actions (`event` filter); empty for every action.
    public var actions: [String]

    public init(types: [String], actions: [String] = []) {
        self.types = types
        self.actions = actions
    }

    /// The swarm objects a manager reports, with the actions that change what swarmtop shows.
    public static let swarm = EventFilter(types: ["service", "node", "network", "secret", "config"],
                                          actions: ["create", "update", "remove"])
    /// Containers on one engine, without the chatter of exec, attach, top and health checks.
    public static let containers = EventFilter(types: ["container"], actions: containerActions)
    /// Both, for an engine that is a manager and a node swarmtop follows (one stream, not two).
    public static let swarmAndContainers = EventFilter(types: swarm.types + ["container"],
                                                       actions: swarm.actions + containerActions)

    /// The container actions that change a container list row.
    public static let containerActions = ["create", "start", "die", "destroy", "rename", "pause", "unpause", "update", "kill", "stop", "restart", "oom"]

    /// The JSON of the `filters` query parameter, `{"type":{…},"event":{…}}`, written by `EngineFilters`.
    /// - Throws: `EncodingError` (not expected for strings).
    public func json() throws -> String {
        try EngineFilters.json(actions.isEmpty ? ["type": types] : ["type": types, "event": actions])
    }
}

/// Splits a byte stream into newline-terminated lines, with a bound on a line's length so that
/// a broken or hostile stream cannot grow memory: a longer line is dropped whole.
public struct LineSplitter: Sendable {
    /// The longest line kept, in bytes.
    public let maxLine: Int
    private var pending: [UInt8] = []
    private var overflowing = false
    /// Lines dropped for being longer than `maxLine`.
    public private(set) var dropped = 0

    public init(maxLine: Int = 1 << 20) {
        self.maxLine = maxLine
    }

    /// Feeds bytes; returns the complete lines they end (without the newline; empty lines skipped).
    public mutating func feed<C: Collection>(_ bytes: C) -> [[UInt8]] where C.Element == UInt8 {
        var lines: [[UInt8]] = []
        for b in bytes {
            if b == UInt8(ascii: "\n") {
                if overflowing { overflowing = false } else if !pending.isEmpty { lines.append(pending) }
                pending.removeAll(keepingCapacity: true)
            } else if !overflowing {
                if pending.count >= maxLine {
                    overflowing = true
                    dropped += 1
                    pending.removeAll()
                } else {
                    pending.append(b)
                }
            }
        }
        return lines
    }
}
