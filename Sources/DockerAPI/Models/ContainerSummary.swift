import Foundation

/// A container as listed by one node's own engine.
///
/// Source: `GET /containers/json?all=1&size=1` (Engine API v1.41+, `ContainerSummary`).
/// `sizeRw` and `sizeRootFs` are present only when the list was asked with `size=1`.
@dynamicMemberLookup
public struct ContainerSummary: Decodable, Sendable, Hashable, Identifiable {
    /// What the engine said of the container; read and changed through the summary
    /// (`container.sizeRw`), as if they were its own.
    public struct Fields: Sendable, Hashable {
        public var id: String
        /// Names with the engine's leading slash, e.g. `/lab_web.1.abc…`.
        public var names: [String]?
        public var image: String?
        public var imageID: String?
        public var command: String?
        /// Creation time in seconds since 1970.
        public var created: Int64?
        /// Bytes written on top of the image: the container's writable layer (`SizeRw`).
        public var sizeRw: Int64?
        /// Bytes of all layers, image and writable (`SizeRootFs`, the "virtual" size).
        public var sizeRootFs: Int64?
        /// The swarm task this container runs (label `com.docker.swarm.task.id`), if any.
        public var taskID: String?
        /// The swarm service's ID (label `com.docker.swarm.service.id`), if any.
        public var serviceID: String?
        /// The swarm service (label `com.docker.swarm.service.name`), if any.
        public var serviceName: String?
        /// The node the swarm placed it on (label `com.docker.swarm.node.id`), if any.
        public var nodeID: String?
        /// The stack it was deployed with (label `com.docker.stack.namespace`), if any.
        public var stack: String?
        /// `created`, `running`, `paused`, `restarting`, `removing`, `exited` or `dead`.
        public var state: String?
        /// Human status, e.g. `Up 5 minutes`.
        public var status: String?
    }

    /// The fields, in a box shared by every copy (as `SwarmTask`'s): they are 232 bytes inline,
    /// and the lists of 10,000 containers (each engine's, `/system/df`'s, the panes' rows of
    /// every snapshot) would each hold them all. A copy is one reference; a change makes a new box.
    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// A field of `Fields`, e.g. `container.sizeRw`.
    public subscript<T>(dynamicMember field: WritableKeyPath<Fields, T>) -> T {
        get { storage.fields[keyPath: field] }
        set {
            var fields = storage.fields
            fields[keyPath: field] = newValue
            storage = Storage(fields)
        }
    }

    /// The container's ID (`Id`).
    public var id: String { storage.fields.id }

    /// The container with the texts that the containers of one service repeat on every node
    /// (image, image ID, command, service, stack) as `share` gives them (an equal string, the
    /// one it keeps), in one new box.
    public func sharingTexts(_ share: (String) -> String) -> ContainerSummary {
        var f = storage.fields
        f.image = f.image.map(share)
        f.imageID = f.imageID.map(share)
        f.command = f.command.map(share)
        f.serviceID = f.serviceID.map(share)
        f.serviceName = f.serviceName.map(share)
        f.stack = f.stack.map(share)
        var shared = self
        shared.storage = Storage(f)
        return shared
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", names = "Names", image = "Image", imageID = "ImageID", command = "Command"
        case created = "Created", sizeRw = "SizeRw", sizeRootFs = "SizeRootFs", labels = "Labels"
        case state = "State", status = "Status"
    }

    /// The labels kept, of the `Labels` object; the others are not read (seven labels a swarm
    /// container, kept in a dictionary each, were 5.5 MB of 10,000 containers).
    enum LabelKeys: String, CodingKey {
        case taskID = "com.docker.swarm.task.id", serviceID = "com.docker.swarm.service.id"
        case serviceName = "com.docker.swarm.service.name", nodeID = "com.docker.swarm.node.id"
        case stack = "com.docker.stack.namespace"
    }

    /// - Throws: `DecodingError` when a member present has another type (`Labels` not an object of strings).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var f = Fields(id: try c.decode(String.self, forKey: .id))
        f.names = try c.decodeIfPresent([String].self, forKey: .names)
        f.image = try c.decodeIfPresent(String.self, forKey: .image)
        f.imageID = try c.decodeIfPresent(String.self, forKey: .imageID)
        f.command = try c.decodeIfPresent(String.self, forKey: .command)
        f.created = try c.decodeIfPresent(Int64.self, forKey: .created)
        f.sizeRw = try c.decodeIfPresent(Int64.self, forKey: .sizeRw)
        f.sizeRootFs = try c.decodeIfPresent(Int64.self, forKey: .sizeRootFs)
        f.state = try c.decodeIfPresent(String.self, forKey: .state)
        f.status = try c.decodeIfPresent(String.self, forKey: .status)
        if c.contains(.labels), try !c.decodeNil(forKey: .labels) {
            let labels = try c.nestedContainer(keyedBy: LabelKeys.self, forKey: .labels)
            f.taskID = try labels.decodeIfPresent(String.self, forKey: .taskID)
            f.serviceID = try labels.decodeIfPresent(String.self, forKey: .serviceID)
            f.serviceName = try labels.decodeIfPresent(String.self, forKey: .serviceName)
            f.nodeID = try labels.decodeIfPresent(String.self, forKey: .nodeID)
            f.stack = try labels.decodeIfPresent(String.self, forKey: .stack)
        }
        storage = Storage(f)
    }

    public static func == (a: ContainerSummary, b: ContainerSummary) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }

    /// The first name without its leading slash, or the short ID when the engine gave none.
    public var name: String {
        guard let first = storage.fields.names?.first, !first.isEmpty else { return String(id.prefix(12)) }
        return first.hasPrefix("/") ? String(first.dropFirst()) : first
    }
}
