import Foundation

/// A swarm node as listed by the manager.
///
/// Source: `GET /nodes` (Engine API v1.41+, `Node`). Every field but `id` is optional in the
/// decoding so that older and newer engines decode alike.
public struct Node: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var version: ObjectVersion?
    public var createdAt: Date?
    public var updatedAt: Date?
    public var spec: Spec?
    public var description: Description?
    public var status: Status?
    public var managerStatus: ManagerStatus?

    /// The node's desired configuration.
    public struct Spec: Codable, Sendable, Hashable {
        /// User-defined name, rarely set; `Description.Hostname` is what `docker node ls` shows.
        public var name: String?
        public var labels: [String: String]?
        /// `manager` or `worker`.
        public var role: String?
        /// `active`, `pause` or `drain`.
        public var availability: String?
        enum CodingKeys: String, CodingKey {
            case name = "Name", labels = "Labels", role = "Role", availability = "Availability"
        }
    }

    /// What the node reports about itself.
    public struct Description: Codable, Sendable, Hashable {
        public var hostname: String?
        public var platform: Platform?
        public var resources: Resources?
        public var engine: Engine?
        enum CodingKeys: String, CodingKey {
            case hostname = "Hostname", platform = "Platform", resources = "Resources", engine = "Engine"
        }
    }

    /// Operating system and architecture, e.g. `linux` / `x86_64`.
    public struct Platform: Codable, Sendable, Hashable {
        public var architecture: String?
        public var os: String?
        enum CodingKeys: String, CodingKey { case architecture = "Architecture", os = "OS" }
    }

    /// Allocatable resources: CPUs in nano-CPUs (1e9 = one CPU), memory in bytes.
    public struct Resources: Codable, Sendable, Hashable {
        public var nanoCPUs: Int64?
        public var memoryBytes: Int64?
        enum CodingKeys: String, CodingKey { case nanoCPUs = "NanoCPUs", memoryBytes = "MemoryBytes" }
    }

    /// The node's Docker Engine.
    public struct Engine: Codable, Sendable, Hashable {
        public var engineVersion: String?
        public var labels: [String: String]?
        enum CodingKeys: String, CodingKey { case engineVersion = "EngineVersion", labels = "Labels" }
    }

    /// Liveness as the managers see it.
    public struct Status: Codable, Sendable, Hashable {
        /// `unknown`, `down`, `ready` or `disconnected`.
        public var state: String?
        public var message: String?
        /// The node's IP address.
        public var addr: String?
        enum CodingKeys: String, CodingKey { case state = "State", message = "Message", addr = "Addr" }
    }

    /// Present on managers only.
    public struct ManagerStatus: Codable, Sendable, Hashable {
        public var leader: Bool?
        /// `unknown`, `unreachable` or `reachable`.
        public var reachability: String?
        public var addr: String?
        enum CodingKeys: String, CodingKey { case leader = "Leader", reachability = "Reachability", addr = "Addr" }
    }

    enum CodingKeys: String, CodingKey {
        case id = "ID", version = "Version", createdAt = "CreatedAt", updatedAt = "UpdatedAt"
        case spec = "Spec", description = "Description", status = "Status", managerStatus = "ManagerStatus"
    }

    /// The hostname `docker node ls` shows; falls back to the spec name, then the ID.
    public var hostname: String { description?.hostname ?? spec?.name ?? id }
    /// `manager` or `worker` (empty when the engine did not say).
    public var role: String { spec?.role ?? "" }
    /// True for the manager that currently leads the Raft group.
    public var isLeader: Bool { managerStatus?.leader ?? false }
}
