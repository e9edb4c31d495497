@_exported import DockerAPI
import Foundation

/// One immutable picture of the swarm, as the refresh engine last saw it.
///
/// Built from the manager (`/info`, `/nodes`, `/services?status=true`, `/tasks`) and from each
/// node's own engine (`/containers/json`, sizes with `size=1`). Views render it; nothing mutates it.
public struct ClusterSnapshot: Sendable, Equatable {
    /// The manager endpoint, e.g. `unix:///run/swarmtop-lab/node1.sock`.
    public var endpoint: String
    /// The last move to another manager (failover), nil while swarmtop talks to its first one.
    public var managerChange: ManagerChange?
    /// The negotiated Engine API version of the manager, e.g. `1.41`; nil before the first answer.
    public var apiVersion: String?
    /// `/info` of the manager engine.
    public var info: SystemInfo?
    public var nodes: [Node] { didSet { nodeIndex = Self.index(nodes) } }
    public var services: [Service] { didSet { serviceIndex = Self.index(services) } }
    public var tasks: [SwarmTask]
    /// One entry per node engine swarmtop follows (`Connections.plan`): the `--node-host` ones
    /// in the order given, then the others by hostname.
    public var engines: [NodeEngine]
    /// When the manager last answered every swarm query; nil before the first success.
    public var refreshedAt: Date?
    /// The manager's last error, e.g. "engine said 503: This node is not a swarm manager…"; nil when fine.
    public var error: String?
    /// What happened while swarmtop watched (`Timeline.entries`), oldest first.
    public var timeline: [TimelineEntry] = []
    /// Position of each node and service by ID, kept in step with the arrays (O(1) lookups).
    private(set) var nodeIndex: [String: Int]
    private(set) var serviceIndex: [String: Int]

    public init(endpoint: String, apiVersion: String? = nil, info: SystemInfo? = nil, nodes: [Node] = [],
                services: [Service] = [], tasks: [SwarmTask] = [], engines: [NodeEngine] = [],
                refreshedAt: Date? = nil, error: String? = nil) {
        self.endpoint = endpoint
        self.apiVersion = apiVersion
        self.info = info
        self.nodes = nodes
        self.services = services
        self.tasks = tasks
        self.engines = engines
        self.refreshedAt = refreshedAt
        self.error = error
        nodeIndex = Self.index(nodes)
        serviceIndex = Self.index(services)
    }

    private static func index<T: Identifiable>(_ items: [T]) -> [String: Int] where T.ID == String {
        Dictionary(items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// What one node's engine reported: its containers and their writable-layer sizes.
public struct NodeEngine: Sendable, Hashable {
    /// The node's hostname (as the swarm lists it, or as given to `--node-host HOSTNAME=URL`).
    public var hostname: String
    /// The engine's endpoint string; empty when the node host template did not expand for
    /// this node (`error` says why).
    public var endpoint: String
    /// Where the endpoint came from (`NodeEndpointRule.Origin`): `--node-host`, `template`,
    /// `context lab-node2`, `manager`; nil when not known.
    public var origin: String?
    /// Containers from the last successful list (`all=1`), sizes merged in from the last size query.
    public var containers: [ContainerSummary]
    /// When the containers were last listed; nil before the first success.
    public var listedAt: Date?
    /// When sizes (`SizeRw`, `SizeRootFs`) were last measured; nil before the first success.
    public var sizesAt: Date?
    /// The last error talking to this engine; nil when its last query succeeded. Rows of an
    /// engine with an error are stale: they show the last good list.
    public var error: String?
    /// When single containers were measured since `sizesAt` (the `r` key), by container ID.
    public var sizeTimes: [String: Date] = [:]
    /// How long the last size query (`size=1` on the whole list) took, in seconds.
    public var sizeQuerySeconds: Double?
    /// Seconds until the next size query, as adapted to `sizeQuerySeconds`.
    public var sizeInterval: Double?
    /// The engine's last `/system/df` answer (images, writable layers, volumes, build cache);
    /// nil before the first.
    public var diskUsage: DiskUsage?
    /// When `diskUsage` was answered.
    public var diskUsageAt: Date?
    /// How long the last `/system/df` took, in seconds.
    public var diskQuerySeconds: Double?
    /// Why the last `/system/df` or `/info` of this engine failed; nil when it answered. The
    /// engine's rows are not stale for it (`error` is the containers' list's).
    public var diskError: String?
    /// The engine's own `/info` (storage driver, backing filesystem, data root); nil before it answered.
    public var engineInfo: SystemInfo?
    /// Each container's writable layer as measured over time, by container ID (see `SizeHistory`).
    public var sizeHistory = SizeHistories()

    public init(hostname: String, endpoint: String, containers: [ContainerSummary] = [], listedAt: Date? = nil,
                sizesAt: Date? = nil, error: String? = nil) {
        self.hostname = hostname
        self.endpoint = endpoint
        self.containers = containers
        self.listedAt = listedAt
        self.sizesAt = sizesAt
        self.error = error
    }
}
