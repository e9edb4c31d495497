import Foundation

/// Which engine endpoint swarmtop uses for a node, and why: the one rule, a pure function of
/// the settings and the node.
///
/// In order: an explicit `--node-host HOSTNAME=URL` for the node's hostname; else the
/// `--node-host-template` expanded for the node; else (no template given) a docker context
/// named like the node's hostname, or named with the current context's prefix before the
/// manager's hostname (current context `lab-node1` on manager `node1`: node2's is `lab-node2`);
/// else, for the manager's own node, the manager's endpoint; else none.
public struct NodeEndpointRule: Sendable, Equatable {
    /// `--node-host` entries by hostname.
    public var nodeHosts: [String: DockerEndpoint]
    /// `--node-host-template`, nil when not given.
    public var template: NodeHostTemplate?
    /// Docker contexts by name (their Docker endpoints), as the context store lists them.
    public var contexts: [String: DockerEndpoint]
    /// The name of the context in force for the manager, nil when none is.
    public var currentContext: String?
    /// The manager's endpoint (`--host`, `DOCKER_HOST`, the context…).
    public var manager: DockerEndpoint

    public init(nodeHosts: [String: DockerEndpoint] = [:], template: NodeHostTemplate? = nil,
                contexts: [String: DockerEndpoint] = [:], currentContext: String? = nil, manager: DockerEndpoint) {
        self.nodeHosts = nodeHosts
        self.template = template
        self.contexts = contexts
        self.currentContext = currentContext
        self.manager = manager
    }

    /// Where a node's endpoint came from.
    public enum Origin: Sendable, Hashable, CustomStringConvertible {
        /// `--node-host HOSTNAME=URL` (or `SWARMTOP_NODE_HOSTS`, `[node_hosts]`).
        case nodeHost
        /// `--node-host-template`.
        case template
        /// The docker context of this name.
        case context(String)
        /// The node is the manager swarmtop talks to: its engine is the manager's.
        case manager
        /// Nothing names this node's engine.
        case none

        /// `--node-host`, `template`, `context lab-node2`, `manager`, `none`.
        public var description: String {
            switch self {
            case .nodeHost: "--node-host"
            case .template: "template"
            case .context(let name): "context \(name)"
            case .manager: "manager"
            case .none: "none"
            }
        }
    }

    /// A node's endpoint and its origin; or, for a template that does not expand for this
    /// node, the reason (shown as the node's `unreachable: reason`).
    public struct Choice: Sendable, Hashable {
        public var origin: Origin
        /// Nil for `.none`, and when `problem` says why the template gave nothing.
        public var endpoint: DockerEndpoint?
        public var problem: String?

        public init(origin: Origin, endpoint: DockerEndpoint? = nil, problem: String? = nil) {
            self.origin = origin
            self.endpoint = endpoint
            self.problem = problem
        }
    }

    /// True when nothing but the manager can name a node's engine: no `--node-host`, no
    /// template, no context.
    public var namesNoNode: Bool { nodeHosts.isEmpty && template == nil && contexts.isEmpty }

    /// The endpoint of `node`'s engine.
    /// - Parameters:
    ///   - node: the node's ID, hostname and address.
    ///   - managerHostname: the hostname of the node whose engine is the manager's (`/info`'s
    ///     `Name`); nil before the manager answered.
    public func choose(_ node: NodeHostTemplate.NodeAddress, managerHostname: String?) -> Choice {
        if let endpoint = nodeHosts[node.hostname] { return Choice(origin: .nodeHost, endpoint: endpoint) }
        if let template {
            do {
                return Choice(origin: .template, endpoint: try template.endpoint(for: node))
            } catch {
                return Choice(origin: .template, problem: "node host template \"\(template.text)\": \(error)")
            }
        }
        for name in contextNames(for: node.hostname, managerHostname: managerHostname) {
            if let endpoint = contexts[name] { return Choice(origin: .context(name), endpoint: endpoint) }
        }
        if node.hostname == managerHostname { return Choice(origin: .manager, endpoint: manager) }
        return Choice(origin: .none)
    }

    /// The context names that would be a node's: its hostname, then the current context's
    /// prefix before the manager's hostname followed by the node's hostname.
    func contextNames(for hostname: String, managerHostname: String?) -> [String] {
        var names = [hostname]
        if let current = currentContext, let managerHostname, !managerHostname.isEmpty,
           current.hasSuffix(managerHostname), current.count > managerHostname.count {
            names.append(String(current.dropLast(managerHostname.count)) + hostname)
        }
        return names
    }
}
