import Foundation
import SwarmState

/// The disk pane: above, the storage driver of each node and what a write to an image file
/// costs on it, `docker system df`'s totals for the swarm and each node, and the writable
/// layers added up per stack and per service; below, every container ranked by writable
/// layer (`SizeRw`), with its growth since first seen and a sparkline of its last sizes.
enum DiskView {
    /// Rows above the table: storage, the totals' header and four types, per stack and
    /// service, a blank line.
    static let summaryHeight = 8

    /// A long name (`lab_disk.<node ID>.<task ID>`) shrinks first, then STATUS, the last
    /// sizes, STACK and SERVICE give way; the image each container sits on stays longest.
    static let columns = [
        Column("NAME", min: 24, shrink: 0),
        Column("NODE", min: 6, shrink: 5),
        Column("SERVICE", hide: 3),
        Column("STACK", hide: 2),
        Column("IMAGE", hide: 4),
        Column("SIZE"),
        Column("GROWTH"),
        Column("LAST SIZES", hide: 1),
        Column("STATUS", hide: 0),
    ]

    /// One row per container of the engines' last `/system/df`, the largest writable layer
    /// first. SIZE and GROWTH sort by bytes. Rows of an engine whose last `/system/df` failed
    /// are dim. Exited containers are quiet rows (the totals above still count them). A row
    /// equal to its build in `reuse` is that one.
    static func rows(_ snapshot: ClusterSnapshot, reuse: RowReuse = RowReuse()) -> [TableRow] {
        snapshot.diskContainers.map { row in
            let c = row.container
            let rate = row.history?.bytesPerMinute
            return reuse(TableRow(id: .container(hostname: row.hostname, id: c.id), cells: [
                TableCell(c.name),
                TableCell(row.stale ? row.hostname + " (stale)" : row.hostname),
                TableCell(c.serviceName ?? ""),
                TableCell(row.stack ?? ""),
                TableCell(Format.containerImage(c.image ?? "", imageID: c.imageID)),
                TableCell(Format.humanSize(row.sizeRw), sortKey: Double(row.sizeRw)),
                TableCell(Format.growth(rate), style: (rate ?? 0) > 0 ? Style(.warn) : nil, sortKey: rate ?? -.infinity),
                TableCell(Format.sparkline(row.history?.recentBytes ?? [])),
                TableCell(c.status ?? c.state ?? ""),
            ], style: row.stale ? Style(.dim) : ContainersView.style(c.state ?? ""),
               serviceID: c.serviceID, nodeID: c.nodeID, quiet: c.state == "exited"))
        }
    }

    /// Draws the summary in the top `summaryHeight` rows of `rect`.
    static func drawSummary(_ snapshot: ClusterSnapshot, in rect: Rect, into buffer: inout CellBuffer) {
        for (offset, line) in summary(snapshot).prefix(min(rect.height, summaryHeight)).enumerated() {
            buffer.put(DisplayText.truncate(line.text, to: rect.width), x: rect.x, y: rect.y + offset, style: line.style, maxWidth: rect.width)
        }
    }

    /// The summary's lines (see the type's notes), each with its style.
    static func summary(_ snapshot: ClusterSnapshot) -> [(text: String, style: Style)] {
        let byNode = snapshot.diskTotalsByNode
        guard !byNode.isEmpty else {
            let waiting = snapshot.engines.compactMap { e in e.diskError.map { "\(e.hostname): \($0)" } }
            return [(storage(snapshot), Style(.title)),
                    (waiting.isEmpty ? "waiting for the engines' /system/df (asked with the size queries)" : waiting.joined(separator: "; "), Style(.dim))]
        }
        var rows = [["TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"] + byNode.map(\.hostname)]
        for (i, line) in snapshot.swarmDiskTotals.enumerated() {
            rows.append([line.kind.rawValue, String(line.total), String(line.active), Format.diskSize(line.size), Format.reclaimable(line)]
                        + byNode.map { Format.diskSize($0.totals[i].size) })
        }
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayText.width(cell)) } }
        let table = rows.map { row in
            row.enumerated().map { DisplayText.pad($1, to: widths[$0]) }.joined(separator: "   ").trimmingCharacters(in: .whitespaces)
        }
        let groups = [(DiskContainer.Group.stack, "stack"), (.service, "service")].map { group, word in
            "by \(word): " + snapshot.writableLayerTotals(by: group).prefix(6).map { "\($0.name) \(Format.humanSize($0.bytes))" }.joined(separator: ", ")
        }
        let problems = snapshot.engines.compactMap { e in e.diskError.map { "\(e.hostname): \($0)" } }
        return [(storage(snapshot), Style(.title)), (table[0], Style(.header, bold: true))]
            + table.dropFirst().map { ($0, Style.normal) }
            + [("writable layers " + groups.joined(separator: "  ·  "), Style(.dim)),
               (problems.joined(separator: "; "), Style(.error))]
    }

    /// The storage line: each storage driver (with its backing filesystem) and its nodes, what a
    /// write to an image file costs on it, then each node's data root, e.g. `overlay2 on extfs
    /// (node1, node2): a first write copies the whole file up  ·  data root node1
    /// /var/lib/docker, node2 /var/lib/docker`.
    static func storage(_ snapshot: ClusterSnapshot) -> String {
        var groups: [(driver: String, name: String, hosts: [String])] = []
        var unknown: [String] = []
        for engine in snapshot.engines {
            guard let info = engine.engineInfo, let driver = info.driver else { unknown.append(engine.hostname); continue }
            let name = driver + (info.backingFilesystem.map { " on \($0)" } ?? "")
            if let i = groups.firstIndex(where: { $0.name == name }) { groups[i].hosts.append(engine.hostname) } else { groups.append((driver, name, [engine.hostname])) }
        }
        let roots = snapshot.engines.compactMap { e in e.engineInfo?.dockerRootDir.map { "\(e.hostname) \($0)" } }
        return (groups.map { "\($0.name) (\($0.hosts.joined(separator: ", "))): " + copyOnWrite($0.driver) }
                + (unknown.isEmpty ? [] : ["storage driver of \(unknown.joined(separator: ", ")) not known yet"])
                + (roots.isEmpty ? [] : ["data root " + roots.joined(separator: ", ")])).joined(separator: "  ·  ")
    }

    /// What a container's first write to a file of its image costs on `driver`.
    static func copyOnWrite(_ driver: String) -> String {
        switch driver {
        case "overlay2", "overlay", "aufs", "fuse-overlayfs":
            "a first write copies the whole file up"
        case "btrfs", "zfs":
            "a write copies only the blocks written, not the whole file"
        case "vfs":
            "no copy-on-write: each layer is a full copy"
        default:
            "copy-on-write as the driver does it"
        }
    }
}
