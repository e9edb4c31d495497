/// The swarm's optimistic-concurrency version of an object (`Version.Index`).
///
/// Source: Engine API `ObjectVersion` (v1.41+). A service or node update must send back the
/// index it read, as the `version` query parameter.
public struct ObjectVersion: Codable, Sendable, Hashable {
    /// The version index; increases on every change of the object.
    public var index: UInt64

    public init(index: UInt64) { self.index = index }

    enum CodingKeys: String, CodingKey { case index = "Index" }
}
