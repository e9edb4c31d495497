import Foundation

/// One thing an engine told swarmtop (or failed to tell it), with when: the only input of
/// `SnapshotAssembler`, and the unit a recording writes down. Everything a `ClusterSnapshot`
/// holds comes from a sequence of these, so that a recording replayed through the assembler
/// gives the same snapshots as the live run gave.
public struct EngineObservation: Sendable, Hashable {
    /// The engine that answered: the manager, or a node engine by the node's hostname (as in
    /// `NodeEngine.hostname`).
    public enum Engine: Sendable, Hashable {
        case manager
        case node(hostname: String)
    }

    /// A node engine swarmtop follows, as `Connections.plan` named it (hostname, endpoint,
    /// where the endpoint came from, why there is none).
    public struct PlannedEngine: Sendable, Hashable {
        /// The node's hostname.
        public var hostname: String
        /// The engine's endpoint, e.g. `unix:///run/swarmtop-lab/node2.sock`; empty when none.
        public var endpoint: String
        /// `NodeEndpointRule.Origin` as text: `--node-host`, `template`, `context lab-node2`, `manager`.
        public var origin: String?
        /// Why the node has no endpoint (e.g. the template did not expand); nil when it has one.
        public var problem: String?

        public init(hostname: String, endpoint: String, origin: String?, problem: String?) {
            self.hostname = hostname
            self.endpoint = endpoint
            self.origin = origin
            self.problem = problem
        }
    }

    /// What was observed.
    public enum Content: Sendable, Hashable {
        /// The body of a successful `GET`: the path with its query as sent (the spelling of
        /// `DockerAPI`'s paths, e.g. `/services?status=true`, `/containers/json?all=1&size=1`),
        /// and, for a size query, the seconds it took.
        case answer(path: String, body: Data, took: Double?)
        /// A request that failed: its path, and the error as the status line shows it.
        case failure(path: String, error: String)
        /// One event of the engine's `/events` stream, as its JSON bytes.
        case event(Data)
        /// The node engines followed from now on, in the snapshot's order.
        case engines([PlannedEngine])
        /// The engine's negotiated API version, e.g. `1.41`.
        case apiVersion(String)
        /// The engine stopped answering outside of a request (e.g. its event stream went silent
        /// and `/_ping` failed): the reason shown on its rows.
        case unreachable(String)
        /// The next size query of the engine comes this many seconds after the last (the
        /// refresh policy's choice, shown with the sizes).
        case sizeInterval(Double)
        /// The manager's answers of one refresh round are all in: a round none of whose
        /// queries failed makes the snapshot refreshed (`refreshedAt`) and clears the manager's
        /// error; otherwise the round's first failure is the error shown.
        case roundEnd
        /// The manager engine stopped serving the swarm and swarmtop talks to the one at
        /// `endpoint` from now on (on `.manager`); `reason` is the old one's error.
        case managerChanged(endpoint: String, reason: String)
    }

    public var engine: Engine
    public var content: Content
    /// When it was observed (wall clock).
    public var at: Date

    public init(_ engine: Engine, _ content: Content, at: Date) {
        self.engine = engine
        self.content = content
        self.at = at
    }
}
