/// A container's identity and storage driver, the parts of its inspect answer that `swarmtop
/// diff` and the changes view need.
///
/// Source: `GET /containers/{id}/json` (Engine API v1.41+, `ContainerInspectResponse`).
public struct ContainerIdentity: Codable, Sendable, Hashable {
    /// The full container ID.
    public var id: String
    /// The name with the engine's leading slash, e.g. `/lab_web.1.abc…`.
    public var name: String
    /// `GraphDriver.Name`: the storage driver that holds its writable layer, e.g. `overlay2`.
    public var driver: String?

    /// The name without its leading slash.
    public var shownName: String { name.hasPrefix("/") ? String(name.dropFirst()) : name }

    public init(id: String, name: String, driver: String?) {
        self.id = id
        self.name = name
        self.driver = driver
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", name = "Name", graphDriver = "GraphDriver"
    }
    struct GraphDriver: Codable, Hashable {
        var name: String?
        enum CodingKeys: String, CodingKey { case name = "Name" }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        driver = try c.decodeIfPresent(GraphDriver.self, forKey: .graphDriver)?.name
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(GraphDriver(name: driver), forKey: .graphDriver)
    }
}
