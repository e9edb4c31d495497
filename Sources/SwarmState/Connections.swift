import Foundation

/// The engines swarmtop talks to: the manager (swarm state) and each node's own engine
/// (containers and writable layers). Built once at start-up; shared by the refresh engine
/// and the code that runs actions.
public struct Connections: Sendable {
    /// A node engine given with `--node-host HOSTNAME=URL`.
    public struct NodeHost: Sendable {
        public var hostname: String
        public var client: DockerClient
        public init(hostname: String, client: DockerClient) {
            self.hostname = hostname
            self.client = client
        }
    }

    /// The manager's engine.
    public let manager: DockerClient
    /// Node engines in the order given. When none were given, the manager's engine alone,
    /// under an empty hostname that the snapshot fills from the manager's `/info`.
    public let nodes: [NodeHost]

    /// - Parameters:
    ///   - manager: endpoint of a manager's engine.
    ///   - nodeHosts: hostname and endpoint of each node engine (`--node-host`).
    ///   - timeout: per-request deadline in seconds.
    ///   - readOnly: make every client read-only (`--read-only`): it refuses any write before sending it.
    /// - Throws: `DockerError.transport` when TLS files cannot be read.
    public init(manager: DockerEndpoint, nodeHosts: [(String, DockerEndpoint)], timeout: TimeInterval, readOnly: Bool = false) throws {
        let managerClient = try DockerClient(endpoint: manager, timeout: timeout, readOnly: readOnly)
        self.manager = managerClient
        if nodeHosts.isEmpty {
            nodes = [NodeHost(hostname: "", client: managerClient)]
        } else {
            nodes = try nodeHosts.map { name, endpoint in
                endpoint == manager ? NodeHost(hostname: name, client: managerClient)
                    : NodeHost(hostname: name, client: try DockerClient(endpoint: endpoint, timeout: timeout, readOnly: readOnly))
            }
        }
    }

    /// The engine of the node with this hostname; the manager's engine answers for the empty
    /// hostname (no `--node-host`) and for its own hostname.
    public func engine(hostname: String, managerHostname: String?) -> DockerClient? {
        if let n = nodes.first(where: { $0.hostname == hostname }) { return n.client }
        if nodes.count == 1, nodes[0].hostname.isEmpty, hostname == managerHostname { return nodes[0].client }
        return nil
    }

    /// Closes every client.
    public func shutdown() async {
        await manager.shutdown()
        for n in nodes where n.client !== manager { await n.client.shutdown() }
    }
}
