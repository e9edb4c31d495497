/// System-wide information about one engine.
///
/// Source: `GET /info` (Engine API v1.41+, `SystemInfo`), the parts swarmtop uses.
public struct SystemInfo: Codable, Sendable, Hashable {
    public var id: String?
    /// The engine's hostname.
    public var name: String?
    public var serverVersion: String?
    public var ncpu: Int?
    /// Total memory in bytes.
    public var memTotal: Int64?
    public var swarm: Swarm?
    /// The storage driver, e.g. `overlay2`, `btrfs`, `zfs`.
    public var driver: String?
    /// The driver's facts as name/value pairs, e.g. `["Backing Filesystem", "extfs"]`.
    public var driverStatus: [[String]]?
    /// The engine's data root, e.g. `/var/lib/docker`.
    public var dockerRootDir: String?

    /// The filesystem under the driver's directories (`DriverStatus`' `Backing Filesystem`,
    /// e.g. `extfs`, `xfs`); nil when the driver does not say.
    public var backingFilesystem: String? {
        driverStatus?.first { $0.count == 2 && $0[0] == "Backing Filesystem" }?[1]
    }

    /// The engine's view of its swarm membership.
    public struct Swarm: Codable, Sendable, Hashable {
        public var nodeID: String?
        public var nodeAddr: String?
        /// `inactive`, `pending`, `active`, `error` or `locked`.
        public var localNodeState: String?
        /// True on a manager.
        public var controlAvailable: Bool?
        public var error: String?
        enum CodingKeys: String, CodingKey {
            case nodeID = "NodeID", nodeAddr = "NodeAddr", localNodeState = "LocalNodeState"
            case controlAvailable = "ControlAvailable", error = "Error"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id = "ID", name = "Name", serverVersion = "ServerVersion", ncpu = "NCPU"
        case memTotal = "MemTotal", swarm = "Swarm"
        case driver = "Driver", driverStatus = "DriverStatus", dockerRootDir = "DockerRootDir"
    }
}
