import Foundation

/// A task: one replica slot of a service (or one node's instance of a global service).
///
/// Source: `GET /tasks` (Engine API v1.41+, `Task`). Named `SwarmTask` so that it does not
/// shadow Swift's concurrency `Task`. Tasks have no events: they are polled.
public struct SwarmTask: Codable, Sendable, Hashable, Identifiable {
    public var id: String {
        get { storage.fields.id }
        set { change { $0.id = newValue } }
    }
    public var updatedAt: Date? {
        get { storage.fields.updatedAt }
        set { change { $0.updatedAt = newValue } }
    }
    public var serviceID: String {
        get { storage.fields.serviceID }
        set { change { $0.serviceID = newValue } }
    }
    /// The replica slot (1-based) for replicated services; absent for global services.
    public var slot: Int? {
        get { storage.fields.slot }
        set { change { $0.slot = newValue } }
    }
    /// The node the task was assigned to; absent while pending.
    public var nodeID: String? {
        get { storage.fields.nodeID }
        set { change { $0.nodeID = newValue } }
    }
    public var status: Status? {
        get { storage.fields.status }
        set { change { $0.status = newValue } }
    }
    /// `running`, `shutdown`, `accepted`, … : what the orchestrator wants.
    public var desiredState: String? {
        get { storage.fields.desiredState }
        set { change { $0.desiredState = newValue } }
    }
    public var spec: Spec? {
        get { storage.fields.spec?.spec }
        set { change { $0.spec = newValue.map(SpecBox.init) } }
    }

    /// The fields, in a box shared by every copy: a task's fields are about 1 kB (optionals of
    /// nested structs, inline), and lists of 10,000 tasks are copied (a filtered answer replacing
    /// some services' tasks in a shared list, the placement grid's columns). A copy is one
    /// reference; a change makes a new box.
    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private struct Fields: Codable, Sendable, Hashable {
        var id: String
        var updatedAt: Date?
        var serviceID: String
        var slot: Int?
        var nodeID: String?
        var status: Status?
        var desiredState: String?
        var spec: SpecBox?

        enum CodingKeys: String, CodingKey {
            case id = "ID", updatedAt = "UpdatedAt"
            case serviceID = "ServiceID", slot = "Slot", nodeID = "NodeID"
            case status = "Status", desiredState = "DesiredState", spec = "Spec"
        }
    }

    /// A task's spec in a box that the tasks with an equal spec share (`sharingSpecs`).
    private final class SpecBox: Codable, Sendable, Hashable {
        let spec: Spec
        init(_ spec: Spec) { self.spec = spec }
        init(from decoder: any Decoder) throws { spec = try Spec(from: decoder) }
        func encode(to encoder: any Encoder) throws { try spec.encode(to: encoder) }
        static func == (a: SpecBox, b: SpecBox) -> Bool { a === b || a.spec == b.spec }
        func hash(into hasher: inout Hasher) { hasher.combine(spec) }
    }

    /// `list` with the specs that are equal in one box, `known`'s first: a service's tasks are
    /// made from one template, and each decoded task held a copy of it (some 130 bytes and a
    /// dictionary of its labels: 10,000 tasks held the templates of 1,000 services 10,000 times).
    /// Specs are compared within a service only.
    public static func sharingSpecs(_ list: [SwarmTask], with known: [SwarmTask]) -> [SwarmTask] {
        var boxes: [String: [SpecBox]] = [:]
        for task in known {
            guard let box = task.storage.fields.spec, boxes[task.serviceID]?.contains(where: { $0 === box }) != true else { continue }
            boxes[task.serviceID, default: []].append(box)
        }
        return list.map { task in
            guard let box = task.storage.fields.spec else { return task }
            guard let shared = boxes[task.serviceID]?.first(where: { $0 == box }) else {
                boxes[task.serviceID, default: []].append(box)
                return task
            }
            if shared === box { return task }
            var fields = task.storage.fields
            fields.spec = shared
            return SwarmTask(storage: Storage(fields))
        }
    }

    /// True when both hold their spec in one box (`sharingSpecs`).
    public func sharesSpec(with other: SwarmTask) -> Bool {
        storage.fields.spec != nil && storage.fields.spec === other.storage.fields.spec
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    private mutating func change(_ body: (inout Fields) -> Void) {
        var fields = storage.fields
        body(&fields)
        storage = Storage(fields)
    }

    /// Decodes a `Task` object of `GET /tasks`.
    /// - Throws: `DecodingError` when `ID` or `ServiceID` is missing or a member has another type.
    public init(from decoder: any Decoder) throws {
        storage = Storage(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try storage.fields.encode(to: encoder)
    }

    /// True when both are one value in memory (one storage), as a task that an answer repeats
    /// unchanged is kept (`SnapshotAssembler`).
    public func isSameTask(as other: SwarmTask) -> Bool { storage === other.storage }

    public static func == (a: SwarmTask, b: SwarmTask) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }

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

    /// The current state (`Status.State`), empty when unknown.
    public var state: String { status?.state ?? "" }
    /// True while the task is between creation and running (the states worth polling fast).
    public var isTransitional: Bool {
        ["new", "pending", "assigned", "accepted", "preparing", "starting", "ready"].contains(state)
    }
}
