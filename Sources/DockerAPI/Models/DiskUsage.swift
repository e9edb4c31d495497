/// What one engine's data root holds, as `docker system df` reads it.
///
/// Source: `GET /system/df` (Engine API v1.41+, `SystemDataUsageResponse`). The engine walks
/// every image layer and every container's writable layer to answer (as `size=1` does), so it
/// is asked on the size queries' budget. Sizes are bytes; the engine answers `-1` where it did
/// not compute one (kept as is: the totals skip them, as the CLI does).
public struct DiskUsage: Decodable, Sendable, Hashable {
    /// Bytes of all image layers, each counted once (the CLI's Images SIZE).
    public var layersSize: Int64?
    public var images: [ImageUsage]?
    /// The containers, with `SizeRw` (the engine omits a zero one) and `SizeRootFs`.
    public var containers: [ContainerSummary]?
    public var volumes: [VolumeUsage]?
    public var buildCache: [BuildCacheRecord]?
    /// Bytes of the build cache (the CLI's Build Cache total).
    public var builderSize: Int64?

    enum CodingKeys: String, CodingKey {
        case layersSize = "LayersSize", images = "Images", containers = "Containers", volumes = "Volumes"
        case buildCache = "BuildCache", builderSize = "BuilderSize"
    }

    /// An image and what of it is shared with other images.
    public struct ImageUsage: Codable, Sendable, Hashable {
        /// `sha256:…`.
        public var id: String
        /// e.g. `["swarmtop-lab/busybox:1"]`; nil or empty for a dangling image.
        public var repoTags: [String]?
        /// Bytes of all its layers.
        public var size: Int64?
        /// Bytes of its layers that other images use too; `-1` when not computed.
        public var sharedSize: Int64?
        /// Containers (running or not) that use it; `-1` when not computed.
        public var containers: Int64?
        /// Creation time in seconds since 1970.
        public var created: Int64?

        enum CodingKeys: String, CodingKey {
            case id = "Id", repoTags = "RepoTags", size = "Size", sharedSize = "SharedSize"
            case containers = "Containers", created = "Created"
        }
    }

    /// A volume with what it holds.
    public struct VolumeUsage: Codable, Sendable, Hashable {
        public var name: String
        /// e.g. `local`.
        public var driver: String?
        public var usageData: UsageData?

        enum CodingKeys: String, CodingKey {
            case name = "Name", driver = "Driver", usageData = "UsageData"
        }

        /// Bytes on disk and containers referring to the volume; `-1` for each when the driver
        /// does not say.
        public struct UsageData: Codable, Sendable, Hashable {
            public var size: Int64
            public var refCount: Int64

            enum CodingKeys: String, CodingKey {
                case size = "Size", refCount = "RefCount"
            }
        }
    }

    /// One record of the builder's cache.
    public struct BuildCacheRecord: Codable, Sendable, Hashable {
        public var id: String
        /// e.g. `regular`, `source.local`, `exec.cachemount`.
        public var type: String?
        public var size: Int64?
        /// True while a build uses it.
        public var inUse: Bool?
        /// True when shared with other records (counted once, elsewhere).
        public var shared: Bool?

        enum CodingKeys: String, CodingKey {
            case id = "ID", type = "Type", size = "Size", inUse = "InUse", shared = "Shared"
        }
    }
}
