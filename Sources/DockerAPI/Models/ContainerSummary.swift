import Foundation

/// A container as listed by one node's own engine.
///
/// Source: `GET /containers/json?all=1&size=1` (Engine API v1.41+, `ContainerSummary`).
/// `sizeRw` and `sizeRootFs` are present only when the list was asked with `size=1`.
public struct ContainerSummary: Codable, Sendable, Hashable, Identifiable {
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
    public var labels: [String: String]?
    /// `created`, `running`, `paused`, `restarting`, `removing`, `exited` or `dead`.
    public var state: String?
    /// Human status, e.g. `Up 5 minutes`.
    public var status: String?

    enum CodingKeys: String, CodingKey {
        case id = "Id", names = "Names", image = "Image", imageID = "ImageID", command = "Command"
        case created = "Created", sizeRw = "SizeRw", sizeRootFs = "SizeRootFs", labels = "Labels"
        case state = "State", status = "Status"
    }

    /// The first name without its leading slash, or the short ID when the engine gave none.
    public var name: String {
        guard let first = names?.first, !first.isEmpty else { return String(id.prefix(12)) }
        return first.hasPrefix("/") ? String(first.dropFirst()) : first
    }
    /// The swarm task this container runs (label `com.docker.swarm.task.id`), if any.
    public var taskID: String? { labels?["com.docker.swarm.task.id"] }
    /// The swarm service's ID (label `com.docker.swarm.service.id`), if any.
    public var serviceID: String? { labels?["com.docker.swarm.service.id"] }
    /// The swarm service (label `com.docker.swarm.service.name`), if any.
    public var serviceName: String? { labels?["com.docker.swarm.service.name"] }
}
