import Foundation

/// swarmtop moved to another manager engine because the one it talked to stopped serving the
/// swarm (`EngineObservation.Content.managerChanged`, made by the refresh engine's failover).
public struct ManagerChange: Sendable, Hashable {
    /// The endpoint left, e.g. `unix:///run/swarmtop1-lab/node1.sock`.
    public var from: String
    /// The node of the endpoint left, when a planned node engine has that endpoint.
    public var fromHostname: String?
    /// The endpoint talked to from now on.
    public var to: String
    /// Its node, when a planned node engine has that endpoint.
    public var toHostname: String?
    /// Why the old one was left: its error, e.g. `cannot reach …: connection refused`.
    public var reason: String
    /// When swarmtop moved.
    public var at: Date

    public init(from: String, fromHostname: String?, to: String, toHostname: String?, reason: String, at: Date) {
        self.from = from
        self.fromHostname = fromHostname
        self.to = to
        self.toHostname = toHostname
        self.reason = reason
        self.at = at
    }

    /// For the status line: `manager node1 (unix://…) stopped answering (reason): now node2 (unix://…)`,
    /// the reason without a `cannot reach <the old endpoint>: ` that would repeat it.
    public var text: String {
        func name(_ hostname: String?, _ endpoint: String) -> String { hostname.map { "\($0) (\(endpoint))" } ?? endpoint }
        let repeated = "cannot reach \(from): "
        let why = reason.hasPrefix(repeated) ? String(reason.dropFirst(repeated.count)) : reason
        return "manager \(name(fromHostname, from)) stopped answering (\(why)): now \(name(toHostname, to))"
    }
}
