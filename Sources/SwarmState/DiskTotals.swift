/// One line of `docker system df` (TYPE TOTAL ACTIVE SIZE RECLAIMABLE), computed from a
/// `/system/df` answer as the docker CLI computes it (`cli/command/formatter/disk_usage.go`,
/// before the engine did it itself in API 1.52):
/// - Images: TOTAL every image, ACTIVE those with containers, SIZE `LayersSize` (each layer
///   once), RECLAIMABLE that minus `Size - SharedSize` of every active image (so layers shared
///   by active images count as reclaimable, as in the CLI);
/// - Containers: ACTIVE those `running`, `paused` or `restarting`; SIZE every `SizeRw`;
///   RECLAIMABLE the `SizeRw` of the others;
/// - Local Volumes: ACTIVE those with a `RefCount`; SIZE every known `Size`; RECLAIMABLE those
///   of volumes no container refers to;
/// - Build Cache: ACTIVE the records in use; SIZE `BuilderSize`; RECLAIMABLE that minus the
///   records in use and not shared.
public struct DiskTotals: Sendable, Hashable {
    /// The TYPE column.
    public enum Kind: String, Sendable, CaseIterable {
        case images = "Images", containers = "Containers", volumes = "Local Volumes", buildCache = "Build Cache"
    }

    public var kind: Kind
    /// TOTAL: how many.
    public var total: Int
    /// ACTIVE: how many are in use.
    public var active: Int
    /// SIZE, in bytes.
    public var size: Int64
    /// RECLAIMABLE, in bytes.
    public var reclaimable: Int64

    public init(kind: Kind, total: Int, active: Int, size: Int64, reclaimable: Int64) {
        self.kind = kind
        self.total = total
        self.active = active
        self.size = size
        self.reclaimable = reclaimable
    }

    /// The share of SIZE that is reclaimable, in whole percent rounded down, as the CLI prints
    /// it after the bytes (`1.987MB (86%)`); nil when SIZE is 0, and for the build cache.
    public var reclaimablePercent: Int64? {
        guard size > 0, kind != .buildCache else { return nil }
        return reclaimable.multipliedReportingOverflow(by: 100).partialValue / size
    }

    /// The four lines of one engine's answer, in the CLI's order.
    public static func of(_ usage: DiskUsage) -> [DiskTotals] {
        let images = usage.images ?? []
        let activeImages = images.filter { ($0.containers ?? 0) > 0 }
        let used = activeImages.reduce(Int64(0)) { sum, image in
            guard let size = image.size, let shared = image.sharedSize, size != -1, shared != -1 else { return sum }
            return sum + size - shared
        }
        let layers = usage.layersSize ?? 0

        let containers = usage.containers ?? []
        let running = containers.filter { c in ["running", "paused", "restarting"].contains { (c.state ?? "").contains($0) } }
        let writable = { (list: [ContainerSummary]) in list.reduce(Int64(0)) { $0 + ($1.sizeRw ?? 0) } }

        let volumes = (usage.volumes ?? []).compactMap(\.usageData)
        let known = volumes.filter { $0.size != -1 }

        let cache = usage.buildCache ?? []
        let cacheInUse = cache.filter { $0.inUse == true && $0.shared != true }.reduce(Int64(0)) { $0 + ($1.size ?? 0) }
        let builder = usage.builderSize ?? 0

        return [
            DiskTotals(kind: .images, total: images.count, active: activeImages.count, size: layers, reclaimable: layers - used),
            DiskTotals(kind: .containers, total: containers.count, active: running.count,
                       size: writable(containers), reclaimable: writable(containers) - writable(running)),
            DiskTotals(kind: .volumes, total: volumes.count, active: volumes.filter { $0.refCount > 0 }.count,
                       size: known.reduce(0) { $0 + $1.size }, reclaimable: known.filter { $0.refCount == 0 }.reduce(0) { $0 + $1.size }),
            DiskTotals(kind: .buildCache, total: cache.count, active: cache.filter { $0.inUse == true }.count,
                       size: builder, reclaimable: builder - cacheInUse),
        ]
    }

    /// Lines of several engines added up by kind (the swarm's totals: every node keeps its own
    /// copy of an image, so each copy counts).
    public static func sum(_ lines: [[DiskTotals]]) -> [DiskTotals] {
        Kind.allCases.map { kind in
            let same = lines.flatMap { $0 }.filter { $0.kind == kind }
            return DiskTotals(kind: kind, total: same.reduce(0) { $0 + $1.total }, active: same.reduce(0) { $0 + $1.active },
                              size: same.reduce(0) { $0 + $1.size }, reclaimable: same.reduce(0) { $0 + $1.reclaimable })
        }
    }
}
