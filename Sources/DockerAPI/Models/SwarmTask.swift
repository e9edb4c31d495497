import Foundation

/// A task: one replica slot of a service (or one node's instance of a global service).
///
/// Source: `GET /tasks` (Engine API v1.41+, `Task`). Named `SwarmTask` so that it does not
/// shadow Swift's concurrency `Task`. Tasks have no events: they are polled.
public struct SwarmTask: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var updatedAt: Date?
    public var serviceID: String
    /// The replica slot (1-based) for replicated services; absent for global services.
    public var slot: Int?
    /// The node the task was assigned to; absent while pending.
    public var nodeID: String?
    public var status: Status?
    /// `running`, `shutdown`, `accepted`, … : what the orchestrator wants.
    public var desiredState: String?
    public var spec: Spec?

    /// The task template it was created from (the image is read from it); the scheduler
    /// places the task by this copy's placement and reservations, not the service's current spec.
    public struct Spec: Codable, Sendable, Hashable {
        public var containerSpec: Service.ContainerSpec?
        public var placement: Service.Placement?
        public var resources: Service.ResourceRequirements?
        enum CodingKeys: String, CodingKey {
            case containerSpec = "ContainerSpec", placement = "Placement", resources = "Resources"
        }
    }

    /// What the node's agent last reported.
    public struct Status: Codable, Sendable, Hashable {
        public var timestamp: Date?
        /// `new`, `pending`, `assigned`, `accepted`, `preparing`, `starting`, `running`,
        /// `complete`, `shutdown`, `failed`, `rejected`, `remove`, `orphaned`.
        public var state: String?
        public var message: String?
        /// The error, e.g. `task: non-zero exit (1)`.
        public var err: String?
        public var containerStatus: ContainerStatus?
        enum CodingKeys: String, CodingKey {
            case timestamp = "Timestamp", state = "State", message = "Message", err = "Err"
            case containerStatus = "ContainerStatus"
        }
    }

    /// The container backing the task, once it exists.
    public struct ContainerStatus: Codable, Sendable, Hashable {
        public var containerID: String?
        public var pid: Int?
        public var exitCode: Int?
        enum CodingKeys: String, CodingKey { case containerID = "ContainerID", pid = "PID", exitCode = "ExitCode" }
    }

    enum CodingKeys: String, CodingKey {
        case id = "ID", updatedAt = "UpdatedAt"
        case serviceID = "ServiceID", slot = "Slot", nodeID = "NodeID"
        case status = "Status", desiredState = "DesiredState", spec = "Spec"
    }

    /// The current state (`Status.State`), empty when unknown.
    public var state: String { status?.state ?? "" }
    /// True while the task is between creation and running (the states worth polling fast).
    public var isTransitional: Bool {
        ["new", "pending", "assigned", "accepted", "preparing", "starting", "ready"].contains(state)
    }
}
