/// One entry of what a container changed against its image, as `docker diff` lists it.
///
/// Source: `GET /containers/{id}/changes` (Engine API v1.41+, `FilesystemChange`): an array of
/// `{"Path": "/etc/x", "Kind": 0|1|2}`.
public struct ContainerChange: Codable, Sendable, Hashable {
    /// The absolute path inside the container, e.g. `/data/big`.
    public var path: String
    /// What happened to it.
    public var kind: Kind

    /// The engine's `Kind`: 0 changed, 1 added, 2 deleted.
    public enum Kind: Int, Codable, Sendable, Hashable, CaseIterable {
        case changed = 0, added = 1, deleted = 2

        /// The letter `docker diff` prints: `C`, `A`, `D`.
        public var letter: String {
            switch self {
            case .changed: "C"
            case .added: "A"
            case .deleted: "D"
            }
        }
    }

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey {
        case path = "Path", kind = "Kind"
    }
}
