import Foundation
import SwarmState

/// The manager's answers captured by `scripts/capture-fixtures --sched-only` (Fixtures/v1.41/sched)
/// while the scheduler could not place `hsched_gpu` (constrained to `node.labels.gpu == true`),
/// `hsched_mem` (reserving 1000 GiB), the third task of `hsched_max` (3 replicas, at most 1 per
/// node, on 2 nodes), and node1 rejected `hsched_img` (an image no node has), beside the lab stack.
extension LabFixtures {
    /// The snapshot the assembler makes of the manager's `/info`, `/nodes`, `/services?status=true`
    /// and `/tasks` in sched/, a round ended at the capture's newest task update.
    public static func schedSnapshot() throws -> ClusterSnapshot {
        var assembler = SnapshotAssembler(endpoint: "unix:///run/swarmtop-lab/node1.sock")
        let tasks = try decode([SwarmTask].self, "sched/tasks.json")
        let at = tasks.compactMap(\.updatedAt).max() ?? Date(timeIntervalSince1970: 0)
        for (path, file) in [(EnginePath.info, "sched/info.json"), (EnginePath.nodes, "sched/nodes.json"),
                             (EnginePath.services, "sched/services.json"), (EnginePath.tasks, "sched/tasks.json")] {
            assembler.apply(EngineObservation(.manager, .answer(path: path, body: try data(file), took: nil), at: at))
        }
        assembler.apply(EngineObservation(.manager, .roundEnd, at: at))
        assembler.apply(EngineObservation(.manager, .apiVersion("1.41"), at: at))
        return assembler.snapshot
    }
}
