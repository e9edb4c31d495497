import Foundation
import SwarmState

/// Inspect's captures (`scripts/capture-fixtures --inspect-only`, in `inspect/`): services,
/// nodes, tasks and a container read by ID, a network, and the swarm around them.
extension LabFixtures {
    /// The raw bytes of `inspect/NAME`, e.g. `service-lab_web.json`.
    public static func inspectData(_ name: String) throws -> Data {
        try data("inspect/" + name)
    }

    /// The swarm when inspect's answers were captured.
    public static func inspectSnapshot() throws -> ClusterSnapshot {
        try snapshot(folder: "inspect")
    }
}
