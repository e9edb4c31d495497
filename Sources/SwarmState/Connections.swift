import Foundation

/// The engines swarmtop talks to: the manager (swarm state) and each node's own engine
/// (containers and writable layers). Shared by the refresh engine, `snapshot` and the code that
/// runs actions.
///
/// Node engines follow the swarm's node list (`plan(nodes:managerHostname:)`, by
/// `NodeEndpointRule`): a node that joins gets its engine at the next listing, one that leaves
/// has its client shut down (`release`). A node's client is made when its engine is first
/// needed (`client(for:)`), and `limiter` bounds the requests in flight to node engines.
public final class Connections: @unchecked Sendable {
    /// A node engine: the node's hostname and which endpoint the rule chose for it.
    public struct NodeHost: Sendable, Hashable {
        public var hostname: String
        public var choice: NodeEndpointRule.Choice
        public init(hostname: String, choice: NodeEndpointRule.Choice) {
            self.hostname = hostname
            self.choice = choice
        }
    }

    /// Requests to node engines in flight at once, at most (`limiter`). Each open connection
    /// holds swift-nio's receive buffers (up to 64 kB) and the body being collected: at 200
    /// engines, 16 at once held 9.2 MB of them at the peak, 8 held 5.6 (heaptrack).
    public static let defaultInFlight = 8

    /// The manager's engine talked to now: the first one given until `useManager` moves to another.
    public var manager: DockerClient { lock.withLock { current.client } }
    /// What the refresh engine reads the manager through: `manager`, unless `readers` says otherwise.
    public var managerReader: any EngineReader { lock.withLock { current.reader } }
    /// Every manager endpoint the user named (`--host`, repeatable), the first one first: the
    /// managers to fail over to besides those the swarm lists (`ManagerFailover`).
    public let managerEndpoints: [DockerEndpoint]
    /// The manager talked to now, and its reader.
    private var current: (client: DockerClient, reader: any EngineReader)
    /// Makes the readers of engines (nil: the clients themselves).
    private let readers: (@Sendable (DockerEndpoint) throws -> any EngineReader)?
    /// How a node's endpoint is chosen.
    public let rule: NodeEndpointRule
    /// Bounds the requests in flight to node engines (event streams count until they open).
    public let limiter: RequestLimiter
    /// `--node-host` hostnames in the order given: their engines are followed even before (or
    /// without) a node of that hostname.
    private let explicitOrder: [String]
    private let timeout: TimeInterval
    private let readOnly: Bool
    private let lock = NSLock()
    /// Node clients made so far, by endpoint (nodes with one endpoint share a client).
    private var clients: [DockerEndpoint: DockerClient] = [:]
    private var made = 0
    /// Readers made by `readers`, by endpoint.
    private var madeReaders: [DockerEndpoint: any EngineReader] = [:]
    /// True once `shutdown()` ran: no client is made after it.
    private var closed = false
    /// The plan last made, by hostname (for actions on a node's containers).
    private var planned: [String: NodeHost] = [:]

    /// - Parameters:
    ///   - manager: endpoint of a manager's engine, the one talked to first.
    ///   - otherManagers: further managers' endpoints to fail over to (the other `--host` entries).
    ///   - nodeHosts: hostname and endpoint of each node engine (`--node-host`).
    ///   - template: `--node-host-template`, nil when not given.
    ///   - contexts: docker contexts by name (their Docker endpoints), for nodes named by none of the above.
    ///   - currentContext: the name of the context the manager's endpoint came from, if one did.
    ///   - timeout: per-request deadline in seconds.
    ///   - readOnly: make every client read-only (`--read-only`): it refuses any write before sending it.
    ///   - inFlight: the most requests to node engines at once.
    ///   - readers: makes what the refresh engine reads an endpoint through, called once per
    ///     endpoint (nil: the endpoint's client); tests serve captured answers this way.
    /// - Throws: `DockerError.transport` when the manager's TLS files cannot be read; what `readers` throws.
    public init(manager: DockerEndpoint, otherManagers: [DockerEndpoint] = [], nodeHosts: [(String, DockerEndpoint)], template: NodeHostTemplate? = nil,
                contexts: [String: DockerEndpoint] = [:], currentContext: String? = nil, timeout: TimeInterval,
                readOnly: Bool = false, inFlight: Int = Connections.defaultInFlight,
                readers: (@Sendable (DockerEndpoint) throws -> any EngineReader)? = nil) throws {
        let client = try DockerClient(endpoint: manager, timeout: timeout, readOnly: readOnly)
        current = (client, try readers?(manager) ?? client)
        self.readers = readers
        var given = Set<DockerEndpoint>()
        managerEndpoints = ([manager] + otherManagers).filter { given.insert($0).inserted }
        rule = NodeEndpointRule(nodeHosts: Dictionary(nodeHosts, uniquingKeysWith: { first, _ in first }), template: template,
                                contexts: contexts, currentContext: currentContext, manager: manager)
        var seen = Set<String>()
        explicitOrder = nodeHosts.map(\.0).filter { seen.insert($0).inserted }
        self.timeout = timeout
        self.readOnly = readOnly
        limiter = RequestLimiter(limit: inFlight)
    }

    /// The node engines to follow: each `--node-host` in the order given, then every other
    /// node (by hostname) whose engine the rule names or whose template expansion failed (with
    /// its problem). A hostname listed twice (a node that left and joined again) counts once,
    /// a ready node first. Remembered for `engine(hostname:managerHostname:)`.
    /// - Parameters:
    ///   - nodes: the manager's `/nodes`.
    ///   - managerHostname: `/info`'s `Name`, nil before the manager answered.
    public func plan(nodes: [Node], managerHostname: String?) -> [NodeHost] {
        var hosts = explicitOrder.map { NodeHost(hostname: $0, choice: .init(origin: .nodeHost, endpoint: rule.nodeHosts[$0])) }
        var seen = Set(explicitOrder)
        let ordered = nodes.sorted { ($0.hostname, $0.status?.state == "ready" ? 0 : 1) < ($1.hostname, $1.status?.state == "ready" ? 0 : 1) }
        for node in ordered where seen.insert(node.hostname).inserted {
            let choice = rule.choose(NodeHostTemplate.NodeAddress(node), managerHostname: managerHostname)
            if choice.origin != .none { hosts.append(NodeHost(hostname: node.hostname, choice: choice)) }
        }
        lock.withLock { planned = Dictionary(hosts.map { ($0.hostname, $0) }, uniquingKeysWith: { first, _ in first }) }
        return hosts
    }

    /// The client of an endpoint: the manager's for the manager's endpoint, else the one made
    /// for it before, else a new one (made now: the first time an engine is needed).
    /// - Throws: `DockerError.transport` when its TLS files cannot be read, or after `shutdown()`.
    public func client(for endpoint: DockerEndpoint) throws -> DockerClient {
        try lock.withLock { try madeClient(for: endpoint) }
    }

    /// `client(for:)` with the lock held.
    private func madeClient(for endpoint: DockerEndpoint) throws -> DockerClient {
        if endpoint == current.client.endpoint { return current.client }
        if let client = clients[endpoint] { return client }
        guard !closed else { throw DockerError.transport(endpoint: endpoint.description, reason: "swarmtop is shutting down") }
        let client = try DockerClient(endpoint: endpoint, timeout: timeout, readOnly: readOnly, idleTimeout: Self.nodeIdleTimeout(endpoint))
        clients[endpoint] = client
        made += 1
        return client
    }

    /// Talks to the manager at `endpoint` from now on (a failover): its client becomes
    /// `manager` (made now, or the one a node engine used), and the old manager's client stays
    /// open as a node engine's (its node may still be followed), closed by `release` or `shutdown`.
    /// - Throws: `DockerError.transport` when its TLS files cannot be read, or after `shutdown()`;
    ///   what `readers` throws.
    public func useManager(_ endpoint: DockerEndpoint) throws {
        try lock.withLock {
            guard endpoint != current.client.endpoint else { return }
            let client = try madeClient(for: endpoint)
            let reader = try madeReaders[endpoint] ?? readers?(endpoint) ?? client
            let old = current
            clients[endpoint] = nil
            madeReaders[endpoint] = nil
            clients[old.client.endpoint] = old.client
            if readers != nil { madeReaders[old.client.endpoint] = old.reader }
            current = (client, reader)
        }
    }

    /// What the refresh engine reads `endpoint` through: `managerReader` for the manager's
    /// endpoint, else one made by `readers` (once per endpoint), else the endpoint's client.
    /// - Throws: what `client(for:)` or `readers` throws.
    public func reader(for endpoint: DockerEndpoint) throws -> any EngineReader {
        return try lock.withLock {
            if endpoint == current.client.endpoint { return current.reader }
            guard let readers else { return try madeClient(for: endpoint) }
            if let reader = madeReaders[endpoint] { return reader }
            let reader = try readers(endpoint)
            madeReaders[endpoint] = reader
            return reader
        }
    }

    /// Shuts down and forgets the client of `endpoint` (a node that left); never the manager's.
    public func release(_ endpoint: DockerEndpoint) async {
        guard let client = lock.withLock({ endpoint == current.client.endpoint ? nil : clients.removeValue(forKey: endpoint) }) else { return }
        await client.shutdown()
    }

    /// Seconds a node engine's connection stays open unused: a tenth of a second (the requests
    /// of one round follow each other at once and share it, the next round connects again), 60
    /// over ssh (each connection is an ssh process). An open connection keeps swift-nio's
    /// receive buffers, up to 4 of 64 kB once an answer was large: at 200 nodes, connections
    /// kept between rounds held 51 MB of them, and those of the engines answered in the last
    /// half second (0.5 s before) still some 20 MB at each round's peak.
    public static func nodeIdleTimeout(_ endpoint: DockerEndpoint) -> TimeInterval {
        if case .ssh = endpoint.address { return 60 }
        return 0.1
    }

    /// Node clients made so far (a measure of laziness: none before an engine is needed).
    public var clientsMade: Int { lock.withLock { made } }

    /// The manager's client and every node client open now.
    public var openClients: [DockerClient] {
        [manager] + lock.withLock { clients.values.sorted { $0.endpoint.description < $1.endpoint.description } }
    }

    /// The engine of the node with this hostname, as last planned (made now if needed); the
    /// manager's engine answers for its own hostname when nothing else names it.
    /// - Throws: `DockerError.transport` naming why there is none: not configured, the
    ///   template's problem, or TLS files that cannot be read.
    public func engine(hostname: String, managerHostname: String?) throws -> DockerClient {
        let host = lock.withLock { planned[hostname] }
        if let endpoint = host?.choice.endpoint { return try client(for: endpoint) }
        if let problem = host?.choice.problem { throw DockerError.transport(endpoint: hostname, reason: problem) }
        if let endpoint = rule.nodeHosts[hostname] { return try client(for: endpoint) }
        if hostname == managerHostname { return manager }
        throw DockerError.transport(endpoint: hostname, reason: Self.notConfigured)
    }

    /// Why a node's engine is not reached when nothing names it, with how to name it.
    public static let notConfigured =
        "no engine configured for this node: give --node-host HOSTNAME=URL or --node-host-template (e.g. ssh://user@{hostname})"

    /// Closes every client; none is made afterwards.
    public func shutdown() async {
        let all = lock.withLock { closed = true; defer { clients = [:] }; return [current.client] + Array(clients.values) }
        for client in all { await client.shutdown() }
    }
}
