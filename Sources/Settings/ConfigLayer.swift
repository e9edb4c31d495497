import Dashboard

/// What one place sets (the config file, the environment or the command line); nil where it
/// says nothing. `Configuration.resolve` stacks the layers.
public struct ConfigLayer: Sendable, Equatable {
    /// A theme name, or a path to a theme file.
    public var theme: String?
    /// The pane shown at start.
    public var pane: Pane?
    /// No actions (scale, stop, remove).
    public var readOnly: Bool?
    /// The manager engine's endpoint URL.
    public var host: String?
    /// Further managers' endpoint URLs, to fail over to (the second and later `--host`, or the
    /// config file's `host` list after its first).
    public var managerHosts: [String]?
    /// The docker context naming the manager's engine (`--context`, `DOCKER_CONTEXT`, `context`).
    public var context: String?
    /// Node engines as `HOSTNAME=URL`.
    public var nodeHosts: [String]?
    /// Every other node's engine from one pattern, e.g. `ssh://ops@{hostname}` (`NodeHostTemplate`).
    public var nodeHostTemplate: String?
    /// Seconds between polls of the services' task counts while the swarm is steady.
    public var interval: Double?
    /// Seconds between polls of a changing service's tasks right after a change.
    public var fastInterval: Double?
    /// Least seconds between writable-layer size queries per engine.
    public var sizeInterval: Double?
    /// Seconds between full re-lists of nodes and services.
    public var resyncInterval: Double?
    /// Seconds before a request counts as failed.
    public var timeout: Double?
    /// New keys by key binding name (`[keys]` in the config file), e.g. `["scale_up": ["k"]]`.
    public var keys: [String: [String]]?

    /// A layer that sets what is given.
    public init(theme: String? = nil, pane: Pane? = nil, readOnly: Bool? = nil, host: String? = nil, context: String? = nil,
                nodeHosts: [String]? = nil, interval: Double? = nil, fastInterval: Double? = nil,
                sizeInterval: Double? = nil, resyncInterval: Double? = nil, timeout: Double? = nil,
                keys: [String: [String]]? = nil, nodeHostTemplate: String? = nil, managerHosts: [String]? = nil) {
        self.theme = theme
        self.pane = pane
        self.readOnly = readOnly
        self.host = host
        self.managerHosts = managerHosts
        self.context = context
        self.nodeHosts = nodeHosts
        self.interval = interval
        self.fastInterval = fastInterval
        self.sizeInterval = sizeInterval
        self.resyncInterval = resyncInterval
        self.timeout = timeout
        self.keys = keys
        self.nodeHostTemplate = nodeHostTemplate
    }

    /// The environment's layer: `SWARMTOP_THEME`, `DOCKER_HOST`, `DOCKER_CONTEXT`,
    /// `SWARMTOP_NODE_HOSTS=host1=url1,host2=url2` and `SWARMTOP_NODE_HOST_TEMPLATE` (empty
    /// values count as unset).
    public init(environment: [String: String]) {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        self.init(theme: value("SWARMTOP_THEME"), host: value("DOCKER_HOST"), context: value("DOCKER_CONTEXT"),
                  nodeHosts: value("SWARMTOP_NODE_HOSTS").map(ConfigLayer.splitNodeHosts),
                  nodeHostTemplate: value("SWARMTOP_NODE_HOST_TEMPLATE"))
    }

    /// `a=x, b=y` as `["a=x", "b=y"]`.
    static func splitNodeHosts(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
