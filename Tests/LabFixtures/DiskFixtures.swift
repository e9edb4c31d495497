import Foundation
import SwarmState

/// The disk view's answers captured by `scripts/capture-fixtures --disk-only`
/// (Fixtures/v1.41/disk): each node's `/system/df` and `/info`, `docker system df`'s lines for
/// each, and node1's `/system/df` again after `capture_grow` wrote 2 MiB more.
extension LabFixtures {
    /// Seconds between node1's two `/system/df` answers as the observations date them.
    public static let diskLaterSeconds: TimeInterval = 12

    /// The observations: both nodes planned, each node's `/info` and `/system/df` at `at`, and
    /// with `later`, node1's second `/system/df` `diskLaterSeconds` on.
    public static func diskObservations(at: Date, later: Bool) throws -> [EngineObservation] {
        let hosts = ["node1", "node2"]
        let planned = hosts.map {
            EngineObservation.PlannedEngine(hostname: $0, endpoint: "unix:///run/swarmtop-lab/\($0).sock", origin: nil, problem: nil)
        }
        var observations = [EngineObservation(.manager, .engines(planned), at: at)]
        for host in hosts {
            observations.append(EngineObservation(.node(hostname: host), .answer(path: EnginePath.info, body: try data("disk/info-\(host).json"), took: nil), at: at))
            observations.append(EngineObservation(.node(hostname: host), .answer(path: EnginePath.systemDF, body: try data("disk/system-df-\(host).json"), took: 0.2), at: at))
        }
        if later {
            observations.append(EngineObservation(.node(hostname: "node1"), .answer(path: EnginePath.systemDF, body: try data("disk/system-df-node1-later.json"), took: 0.2),
                                                   at: at.addingTimeInterval(diskLaterSeconds)))
        }
        return observations
    }

    /// The snapshot the assembler makes of `diskObservations(at: capturedAt(), later:)`.
    public static func diskSnapshot(later: Bool = true) throws -> ClusterSnapshot {
        var assembler = SnapshotAssembler(endpoint: "unix:///run/swarmtop-lab/node1.sock")
        for observation in try diskObservations(at: capturedAt(), later: later) { assembler.apply(observation) }
        return assembler.snapshot
    }

    /// `docker system df --format '{{json .}}'` of a node as captured: one line per TYPE,
    /// fields `Type`, `TotalCount`, `Active`, `Size`, `Reclaimable`.
    public static func cliSystemDF(_ host: String) throws -> [[String: String]] {
        let text = String(decoding: try data("disk/cli-system-df-\(host).txt"), as: UTF8.self)
        return try text.split(separator: "\n").map { line in
            try JSONDecoder().decode([String: String].self, from: Data(line.utf8))
        }
    }
}
