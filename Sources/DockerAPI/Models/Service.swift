import Foundation

/// A swarm service as listed by the manager.
///
/// Source: `GET /services?status=true` (Engine API v1.41+, `Service`). Only the fields the
/// dashboard shows are decoded; updates go through the raw JSON spec (see `ServiceSpecEditor`).
public struct Service: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var version: ObjectVersion?
    public var createdAt: Date?
    public var updatedAt: Date?
    public var spec: Spec
    public var endpoint: Endpoint?
    public var updateStatus: UpdateStatus?
    /// Running and desired task counts; present only with `status=true`.
    public var serviceStatus: ServiceStatus?

    /// The user's specification of the service (the parts swarmtop reads).
    public struct Spec: Codable, Sendable, Hashable {
        public var name: String
        public var labels: [String: String]?
        public var taskTemplate: TaskTemplate?
        public var mode: Mode?
        enum CodingKeys: String, CodingKey {
            case name = "Name", labels = "Labels", taskTemplate = "TaskTemplate", mode = "Mode"
        }
    }

    /// The template every task of the service is made from.
    public struct TaskTemplate: Codable, Sendable, Hashable {
        public var containerSpec: ContainerSpec?
        public var placement: Placement?
        public var restartPolicy: RestartPolicy?
        /// CPU and memory limits and reservations of each task.
        public var resources: ResourceRequirements?
        enum CodingKeys: String, CodingKey {
            case containerSpec = "ContainerSpec", placement = "Placement", restartPolicy = "RestartPolicy"
            case resources = "Resources"
        }
    }

    /// `TaskTemplate.Resources`: what a task may use at most (`Limits`) and what the scheduler
    /// keeps free for it on its node (`Reservations`), in nano-CPUs and bytes as a node's
    /// resources are (nil or 0 is none).
    public struct ResourceRequirements: Codable, Sendable, Hashable {
        public var limits: Node.Resources?
        public var reservations: Node.Resources?
        enum CodingKeys: String, CodingKey { case limits = "Limits", reservations = "Reservations" }
    }

    /// When swarm replaces a task whose container ended (`TaskTemplate.RestartPolicy`).
    public struct RestartPolicy: Codable, Sendable, Hashable {
        /// `any` (the default when absent), `on-failure` (a non-zero exit only) or `none`.
        public var condition: String?
        enum CodingKeys: String, CodingKey { case condition = "Condition" }
    }

    /// The container part of a task template.
    public struct ContainerSpec: Codable, Sendable, Hashable {
        /// The image reference, often pinned with `@sha256:…`.
        public var image: String?
        public var labels: [String: String]?
        enum CodingKeys: String, CodingKey { case image = "Image", labels = "Labels" }
    }

    /// Where the scheduler may put the tasks (`TaskTemplate.Placement`).
    public struct Placement: Codable, Sendable, Hashable {
        /// Constraints every chosen node meets, e.g. `node.role==manager`, `node.labels.gpu == true`.
        public var constraints: [String]?
        /// Spread preferences, tried in order among the nodes that meet the constraints.
        public var preferences: [PlacementPreference]?
        /// At most this many tasks of the service on one node (API 1.40+); nil or 0 is no limit.
        public var maxReplicas: UInt64?
        enum CodingKeys: String, CodingKey {
            case constraints = "Constraints", preferences = "Preferences", maxReplicas = "MaxReplicas"
        }
    }

    /// One placement preference: spread the tasks evenly over the values of a node attribute.
    public struct PlacementPreference: Codable, Sendable, Hashable {
        public var spread: Spread?
        enum CodingKeys: String, CodingKey { case spread = "Spread" }
    }

    /// `Preferences[].Spread`: the attribute spread over, e.g. `node.labels.zone`.
    public struct Spread: Codable, Sendable, Hashable {
        public var spreadDescriptor: String?
        enum CodingKeys: String, CodingKey { case spreadDescriptor = "SpreadDescriptor" }
    }

    /// The scheduling mode: exactly one of the four members is present.
    public struct Mode: Codable, Sendable, Hashable {
        public var replicated: Replicated?
        public var global: Empty?
        public var replicatedJob: ReplicatedJob?
        public var globalJob: Empty?
        enum CodingKeys: String, CodingKey {
            case replicated = "Replicated", global = "Global"
            case replicatedJob = "ReplicatedJob", globalJob = "GlobalJob"
        }
    }

    /// `Mode.Replicated`: the desired number of replicas.
    public struct Replicated: Codable, Sendable, Hashable {
        public var replicas: UInt64?
        enum CodingKeys: String, CodingKey { case replicas = "Replicas" }
    }

    /// `Mode.ReplicatedJob` (API 1.41+): completions to reach, at most `maxConcurrent` at once.
    public struct ReplicatedJob: Codable, Sendable, Hashable {
        public var maxConcurrent: UInt64?
        public var totalCompletions: UInt64?
        enum CodingKeys: String, CodingKey { case maxConcurrent = "MaxConcurrent", totalCompletions = "TotalCompletions" }
    }

    /// An empty JSON object (`{}`), used by `Global` and `GlobalJob`.
    public struct Empty: Codable, Sendable, Hashable {}

    /// Where the service is reachable.
    public struct Endpoint: Codable, Sendable, Hashable {
        public var ports: [PortConfig]?
        enum CodingKeys: String, CodingKey { case ports = "Ports" }
    }

    /// A published port.
    public struct PortConfig: Codable, Sendable, Hashable {
        public var name: String?
        /// `tcp`, `udp` or `sctp`.
        public var `protocol`: String?
        public var targetPort: Int?
        public var publishedPort: Int?
        /// `ingress` or `host`.
        public var publishMode: String?
        enum CodingKeys: String, CodingKey {
            case name = "Name", `protocol` = "Protocol", targetPort = "TargetPort"
            case publishedPort = "PublishedPort", publishMode = "PublishMode"
        }
    }

    /// The state of the latest rolling update, if any.
    public struct UpdateStatus: Codable, Sendable, Hashable {
        /// `updating`, `paused`, `completed`, `rollback_started`, `rollback_paused`, `rollback_completed`.
        public var state: String?
        public var startedAt: Date?
        public var completedAt: Date?
        public var message: String?
        enum CodingKeys: String, CodingKey {
            case state = "State", startedAt = "StartedAt", completedAt = "CompletedAt", message = "Message"
        }
    }

    /// Task counts computed by the manager (`status=true`, API 1.41+).
    public struct ServiceStatus: Codable, Sendable, Hashable {
        public var runningTasks: UInt64?
        public var desiredTasks: UInt64?
        public var completedTasks: UInt64?
        enum CodingKeys: String, CodingKey {
            case runningTasks = "RunningTasks", desiredTasks = "DesiredTasks", completedTasks = "CompletedTasks"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id = "ID", version = "Version", createdAt = "CreatedAt", updatedAt = "UpdatedAt"
        case spec = "Spec", endpoint = "Endpoint", updateStatus = "UpdateStatus", serviceStatus = "ServiceStatus"
    }

    /// The service's name, e.g. `lab_web`.
    public var name: String { spec.name }
    /// The stack it belongs to (label `com.docker.stack.namespace`), if deployed with `docker stack deploy`.
    public var stack: String? { spec.labels?["com.docker.stack.namespace"] }
    /// Its name inside its stack, as the stack file calls it (`web` for `lab_web` of stack
    /// `lab`); nil outside a stack.
    public var nameInStack: String? {
        guard let stack, name.hasPrefix(stack + "_") else { return nil }
        return String(name.dropFirst(stack.count + 1))
    }
    /// The mode as `docker service ls` prints it: `replicated`, `global`, `replicated job`, `global job`.
    public var modeName: String {
        if spec.mode?.global != nil { return "global" }
        if spec.mode?.replicatedJob != nil { return "replicated job" }
        if spec.mode?.globalJob != nil { return "global job" }
        return "replicated"
    }
    /// True when the service can be scaled by setting `Mode.Replicated.Replicas`.
    public var isReplicated: Bool { spec.mode?.replicated != nil }
}
