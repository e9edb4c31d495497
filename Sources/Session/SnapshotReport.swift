import Dashboard
import DockerAPI
import Foundation
import SwarmState

/// What `swarmtop snapshot` prints: the snapshot as plain rows with stable keys. JSON keys are
/// snake_case and documented in the README ("Snapshot for scripts"); new keys may be added,
/// existing ones keep their name and meaning.
public struct SnapshotReport: Encodable {
    struct NodeRow: Encodable {
        var id, hostname, role, availability, state: String
        /// `Leader`, `Reachable`, `Unreachable`, or empty on a worker.
        var managerStatus: String
        var engineVersion: String
        @Nullable var cpus: Double?
        @Nullable var memoryBytes: Int64?
        /// Tasks desired and running on the node.
        var runningTasks: Int
        /// Whether its own engine was reached (`EngineReach`): `engine: ok`, `unreachable: reason`, `not configured`.
        var engine: String
        /// Where that engine's endpoint came from: `--node-host`, `template`, `context NAME`, `manager`; null when none.
        @Nullable var engineOrigin: String?
    }

    struct ServiceRow: Encodable {
        var id, name: String
        @Nullable var stack: String?
        /// `replicated`, `global`, `replicated-job` or `global-job`.
        var mode: String
        @Nullable var runningTasks: UInt64?
        @Nullable var desiredTasks: UInt64?
        var image: String
        /// As `docker service ls` shows them: `*:8080->80/tcp`.
        var ports: String
    }

    struct TaskRow: Encodable {
        var id: String
        /// `web.3`, or `agent.node1` for a global service.
        var name: String
        var service: String
        @Nullable var slot: Int?
        @Nullable var node: String?
        var desiredState, state: String
        @Nullable var stateSince: Date?
        @Nullable var error: String?
        @Nullable var containerId: String?
    }

    struct ContainerRow: Encodable {
        var id, name, node, image, state, status: String
        @Nullable var service: String?
        @Nullable var taskId: String?
        /// `SizeRw` and `SizeRootFs` in bytes, as the node's engine measured them.
        @Nullable var sizeRw: Int64?
        @Nullable var sizeRootFs: Int64?
    }

    /// One line of `docker system df`, in bytes.
    struct DiskTypeRow: Encodable {
        /// `Images`, `Containers`, `Local Volumes`, `Build Cache`.
        var type: String
        var total, active: Int
        var sizeBytes, reclaimableBytes: Int64
        /// Whole percent as the CLI prints it; null when the size is 0 and for the build cache.
        @Nullable var reclaimablePercent: Int64?

        init(_ totals: DiskTotals) {
            type = totals.kind.rawValue
            total = totals.total
            active = totals.active
            sizeBytes = totals.size
            reclaimableBytes = totals.reclaimable
            reclaimablePercent = totals.reclaimablePercent
        }
    }

    /// A node engine's storage and `docker system df` totals.
    struct DiskNodeRow: Encodable {
        var node: String
        /// e.g. `overlay2`; null when its `/info` did not answer.
        @Nullable var driver: String?
        @Nullable var backingFilesystem: String?
        @Nullable var dataRoot: String?
        /// Empty when its `/system/df` did not answer (`error` says why).
        var types: [DiskTypeRow]
        @Nullable var error: String?
    }

    /// A container's writable layer and its growth.
    struct DiskContainerRow: Encodable {
        var id, name, node, image: String
        @Nullable var service: String?
        @Nullable var stack: String?
        var sizeRw: Int64
        /// Bytes per minute since swarmtop first measured it; null after a single measure.
        @Nullable var growthBytesPerMinute: Double?
        /// The last measured sizes, oldest first.
        var recentSizes: [Int64]
    }

    /// The disk view: per node totals, the swarm's, the largest writable layers.
    struct Disk: Encodable {
        var nodes: [DiskNodeRow]
        var swarm: [DiskTypeRow]
        /// At most `SnapshotReport.topContainers`, the largest writable layer first.
        var topContainers: [DiskContainerRow]
    }

    /// How many containers the disk view lists.
    static let topContainers = 20

    struct EngineError: Encodable {
        /// `manager`, or a node's hostname.
        var engine: String
        var endpoint: String
        var message: String
    }

    var endpoint: String
    @Nullable var apiVersion: String?
    var takenAt: Date
    var nodes: [NodeRow]
    var services: [ServiceRow]
    var tasks: [TaskRow]
    var containers: [ContainerRow]
    var errors: [EngineError]
    var disk: Disk

    /// The report of `snapshot` taken at `now` (the time its ages are counted from).
    public init(_ snapshot: ClusterSnapshot, at now: Date) {
        endpoint = snapshot.endpoint
        apiVersion = snapshot.apiVersion
        takenAt = now
        let running = snapshot.runningTaskCounts
        let reach = snapshot.engineReach
        let origins = Dictionary(snapshot.engines.map { ($0.hostname, $0.origin) }, uniquingKeysWith: { first, _ in first })
        nodes = snapshot.nodes.sorted { $0.hostname < $1.hostname }.map { node in
            let manager = node.managerStatus.map { $0.leader == true ? "Leader" : Format.prettyPrint($0.reachability ?? "") } ?? ""
            return NodeRow(id: node.id, hostname: node.hostname, role: node.role, availability: node.spec?.availability ?? "",
                           state: node.status?.state ?? "", managerStatus: manager,
                           engineVersion: node.description?.engine?.engineVersion ?? "",
                           cpus: node.description?.resources?.nanoCPUs.map { Double($0) / 1e9 },
                           memoryBytes: node.description?.resources?.memoryBytes, runningTasks: running[node.id] ?? 0,
                           engine: (reach[node.id] ?? .notConfigured).description, engineOrigin: origins[node.hostname] ?? nil)
        }
        services = snapshot.services.sorted { $0.name < $1.name }.map { service in
            ServiceRow(id: service.id, name: service.name, stack: service.stack, mode: service.modeName,
                       runningTasks: service.serviceStatus?.runningTasks,
                       desiredTasks: service.serviceStatus?.desiredTasks ?? service.spec.mode?.replicated?.replicas,
                       image: Format.image(service.spec.taskTemplate?.containerSpec?.image ?? ""),
                       ports: Format.ports(service.endpoint?.ports ?? []))
        }
        tasks = snapshot.tasks.map { task in
            TaskRow(id: task.id, name: snapshot.taskName(task), service: snapshot.service(id: task.serviceID)?.name ?? task.serviceID,
                    slot: task.slot, node: snapshot.node(id: task.nodeID)?.hostname, desiredState: task.desiredState ?? "",
                    state: task.state, stateSince: task.status?.timestamp, error: task.status?.err,
                    containerId: task.status?.containerStatus?.containerID)
        }
        .sorted { ($0.name, $0.stateSince ?? .distantPast) < ($1.name, $1.stateSince ?? .distantPast) }
        containers = snapshot.containerRows.map { row in
            let c = row.container
            return ContainerRow(id: c.id, name: c.name, node: row.hostname, image: c.image ?? "", state: c.state ?? "",
                                status: c.status ?? "", service: c.serviceName, taskId: c.taskID,
                                sizeRw: c.sizeRw, sizeRootFs: c.sizeRootFs)
        }
        disk = Disk(
            nodes: snapshot.engines.map { e in
                DiskNodeRow(node: e.hostname, driver: e.engineInfo?.driver, backingFilesystem: e.engineInfo?.backingFilesystem,
                            dataRoot: e.engineInfo?.dockerRootDir, types: e.diskUsage.map { DiskTotals.of($0).map(DiskTypeRow.init) } ?? [],
                            error: e.diskError)
            },
            swarm: snapshot.swarmDiskTotals.map(DiskTypeRow.init),
            topContainers: snapshot.diskContainers.prefix(Self.topContainers).map { row in
                DiskContainerRow(id: row.container.id, name: row.container.name, node: row.hostname, image: row.container.image ?? "",
                                 service: row.container.serviceName, stack: row.stack, sizeRw: row.sizeRw,
                                 growthBytesPerMinute: row.history?.bytesPerMinute, recentSizes: row.history?.recentBytes ?? [])
            })
        errors = (snapshot.error.map { [EngineError(engine: "manager", endpoint: snapshot.endpoint, message: $0)] } ?? [])
            + snapshot.engines.compactMap { e in e.error.map { EngineError(engine: e.hostname, endpoint: e.endpoint, message: $0) } }
    }

    /// Pretty-printed JSON with sorted snake_case keys and ISO 8601 dates, controls and
    /// invisible characters as `\u` escapes (`JSONText`).
    /// - Throws: `EncodingError` (not for any value a snapshot holds).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try JSONText.encode(self, with: encoder), as: UTF8.self)
    }

    /// Tables in the docker CLI's manner (columns padded to the widest cell), a blank line
    /// apart: nodes, services, tasks, containers, then the disk view: each node's storage
    /// driver, `docker system df` per node and for the swarm, the largest writable layers.
    public func table() -> String {
        let nodeTable = [["HOSTNAME", "ROLE", "AVAILABILITY", "STATUS", "MANAGER STATUS", "ENGINE", "TASKS"]]
            + nodes.map { [$0.hostname, $0.role, Format.prettyPrint($0.availability), Format.prettyPrint($0.state),
                           $0.managerStatus, $0.engineVersion, String($0.runningTasks)] }
        let serviceTable = [["NAME", "MODE", "REPLICAS", "IMAGE", "PORTS"]]
            + services.map { s in
                [s.name, s.mode, "\(s.runningTasks.map(String.init) ?? "?")/\(s.desiredTasks.map(String.init) ?? "?")", s.image, s.ports]
            }
        let taskTable = [["NAME", "NODE", "DESIRED STATE", "CURRENT STATE", "ERROR"]]
            + tasks.map { t in
                [t.name, t.node ?? "", Format.prettyPrint(t.desiredState),
                 Format.prettyPrint(t.state) + (t.stateSince.map { " " + Format.ago(takenAt.timeIntervalSince($0)) } ?? ""),
                 t.error ?? ""]
            }
        let containerTable = [["NODE", "NAME", "IMAGE", "STATUS", "SIZE"]]
            + containers.map { c in
                [c.node, c.name, Format.image(c.image), c.status, Format.containerSize(sizeRw: c.sizeRw, sizeRootFs: c.sizeRootFs)]
            }
        let diskTable = [["NODE", "TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"]]
            + (disk.nodes.map { n in (n.node, n.types) } + [("swarm", disk.swarm)]).flatMap { node, types in
                types.map { t in
                    [node, t.type, String(t.total), String(t.active), Format.diskSize(t.sizeBytes),
                     Format.diskSize(t.reclaimableBytes) + (t.reclaimablePercent.map { " (\($0)%)" } ?? "")]
                }
            }
        let layerTable = [["NODE", "NAME", "IMAGE", "SIZE", "GROWTH"]]
            + disk.topContainers.map { c in [c.node, c.name, Format.image(c.image), Format.humanSize(c.sizeRw), Format.growth(c.growthBytesPerMinute)] }
        let storageLines = disk.nodes.map { n in
            "\(n.node): " + (n.driver.map { d in d + (n.backingFilesystem.map { " on \($0)" } ?? "") + (n.dataRoot.map { " at \($0)" } ?? "") }
                ?? "storage driver not known") + (n.error.map { " (/system/df: \($0))" } ?? "")
        }
        let errorLines = errors.map { DisplayText.escaped("error: \($0.engine) (\($0.endpoint)): \($0.message)") }
        return ([nodeTable, serviceTable, taskTable, containerTable].map(Self.format)
                + [storageLines.map(DisplayText.escaped).joined(separator: "\n"), Self.format(diskTable), Self.format(layerTable)]
                + (errorLines.isEmpty ? [] : [errorLines.joined(separator: "\n")]))
            .joined(separator: "\n\n")
    }

    /// Rows padded to each column's display width (control characters escaped), three spaces
    /// apart, trailing blanks trimmed.
    private static func format(_ rows: [[String]]) -> String {
        var widths = [Int](repeating: 0, count: rows.first?.count ?? 0)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayText.width(cell)) } }
        return rows.map { row in
            row.enumerated().map { i, cell in DisplayText.pad(cell, to: widths[i]) }
                .joined(separator: "   ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
