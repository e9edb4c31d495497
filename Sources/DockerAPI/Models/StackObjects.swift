/// A service, network, secret or config: an object `docker stack rm` removes, by ID.
///
/// Source: `GET /services`, `/networks`, `/secrets`, `/configs` and their `/{id}` (Engine API
/// v1.41+). Networks use `Name`/`Labels` at the top level; services, secrets and configs keep
/// them in `Spec`. Both shapes decode.
public struct StackObject: Decodable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var labels: [String: String]

    enum CodingKeys: String, CodingKey { case id = "ID", idLower = "Id", name = "Name", labels = "Labels", spec = "Spec" }
    enum SpecKeys: String, CodingKey { case name = "Name", labels = "Labels" }

    public init(id: String, name: String, labels: [String: String]) {
        self.id = id
        self.name = name
        self.labels = labels
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? c.decode(String.self, forKey: .idLower)
        if let spec = try? c.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec),
           let specName = try spec.decodeIfPresent(String.self, forKey: .name) {
            name = specName
            labels = try spec.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]
        } else {
            name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
            labels = try c.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]
        }
    }

    /// The label naming the stack an object belongs to, as `docker stack deploy` sets it.
    public static let namespaceLabel = "com.docker.stack.namespace"

    /// The stack it belongs to (label `com.docker.stack.namespace`).
    public var stack: String? { labels[Self.namespaceLabel] }
}
