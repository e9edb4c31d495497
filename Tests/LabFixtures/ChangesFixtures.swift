import Foundation
import SwarmState

/// The changes of a `scripts/changes-probe` container, captured by `scripts/capture-changes-fixtures`.
extension LabFixtures {
    /// `GET /containers/{id}/changes` as decoded.
    public static func probeChanges() throws -> [ContainerChange] {
        try decode([ContainerChange].self, "changes-probe.json")
    }

    /// The `X-Docker-Container-Path-Stat` header captured for each path (404 for the deleted ones), in order.
    public static func probeStatHeaders() throws -> [(path: String, header: String)] {
        try lines("changes-probe-stat.txt").map {
            let parts = $0.split(separator: "\t", maxSplits: 1).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
    }

    /// The stats decoded, by path (the paths the engine found).
    public static func probeStats() throws -> [String: ContainerPathStat] {
        var stats: [String: ContainerPathStat] = [:]
        for (path, header) in try probeStatHeaders() where header != "404" {
            stats[path] = try ContainerPathStat.decode(header: header)
        }
        return stats
    }

    /// What `docker diff` printed: `C /data` a line.
    public static func probeDiffLines() throws -> [String] { try lines("changes-probe.diff.txt") }

    /// `stat -c '%n %s'` inside the container: bytes by path.
    public static func probeFileSizes() throws -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: try lines("changes-probe-du.txt").map {
            let parts = $0.split(separator: " ")
            return (String(parts[0]), Int64(parts[1]) ?? -1)
        })
    }

    /// The probe's changes as the model builds them, with every stat captured.
    public static func probeTree() throws -> ContainerChanges {
        let identity = try decode(ContainerIdentity.self, "changes-probe-inspect.json")
        return ContainerChanges(containerID: identity.id, name: identity.shownName, driver: identity.driver,
                                changes: try probeChanges(), stats: try probeStats())
    }

    private static func lines(_ name: String) throws -> [String] {
        String(decoding: try data(name), as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
