import Foundation
import SwarmState

/// The placement grid's captures (`scripts/capture-fixtures --placement-only`, in `placement/`):
/// the lab with `hgrid_gpu` (constrained to `node.labels.gpu == true`, which no node has: its
/// task pending, with no node) and `hgrid_crash` (pinned to node1, its task exits at once:
/// four tasks failed, the fifth starting).
extension LabFixtures {
    /// The swarm of `placement/`, assembled from the manager's `/info`, `/nodes`,
    /// `/services?status=true` and `/tasks`, the round ended at the newest task's `UpdatedAt`.
    public static func placementSnapshot() throws -> ClusterSnapshot {
        var assembler = SnapshotAssembler(endpoint: "unix:///run/swarmtop-lab/node1.sock")
        let tasks = try decode([SwarmTask].self, "placement/tasks.json")
        let at = tasks.compactMap(\.updatedAt).max() ?? Date(timeIntervalSince1970: 0)
        var contents: [EngineObservation.Content] = []
        for (path, file) in [(EnginePath.info, "info.json"), (EnginePath.nodes, "nodes.json"),
                             (EnginePath.services, "services.json"), (EnginePath.tasks, "tasks.json")] {
            contents.append(.answer(path: path, body: try data("placement/" + file), took: nil))
        }
        for content in contents + [.roundEnd, .apiVersion("1.41")] { assembler.apply(EngineObservation(.manager, content, at: at)) }
        return assembler.snapshot
    }
}
