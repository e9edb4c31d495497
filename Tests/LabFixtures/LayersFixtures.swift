import Foundation
import SwarmState

/// The image layers view's captures (`scripts/capture-fixtures --layers-only`, in `layers/`):
/// `swarmtop-lab/disk:1`'s history on node1 (built there) and node2 (loaded), node2's
/// `/system/df`, its lab_disk container inspected, and the swarm around them.
extension LabFixtures {
    /// The raw bytes of `layers/NAME`.
    public static func layersData(_ name: String) throws -> Data {
        try data("layers/" + name)
    }

    /// Decodes `layers/NAME` as the client would.
    public static func decodeLayers<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try DockerJSON.decode(type, from: layersData(name), path: name)
    }

    /// The swarm when the layers were captured, assembled from the manager's `/info`, `/nodes`,
    /// `/services?status=true`, `/tasks` and each node's `/containers/json?all=1`.
    public static func layersSnapshot() throws -> ClusterSnapshot {
        try snapshot(folder: "layers")
    }

    /// The swarm captured in `folder` (its `info.json`, `nodes.json`, `services.json`,
    /// `tasks.json` and `containers-node1|2.json`, taken together), as the assembler builds it.
    public static func snapshot(folder: String) throws -> ClusterSnapshot {
        let data = { (name: String) in try LabFixtures.data(folder + "/" + name) }
        var assembler = SnapshotAssembler(endpoint: "unix:///run/swarmtop-lab/node1.sock")
        let at = Date(timeIntervalSince1970: 0)
        let engines = ["node1", "node2"].map {
            EngineObservation.PlannedEngine(hostname: $0, endpoint: "unix:///run/swarmtop-lab/\($0).sock", origin: nil, problem: nil)
        }
        var contents: [(EngineObservation.Engine, EngineObservation.Content)] = [(.manager, .engines(engines))]
        for (path, file) in [(EnginePath.info, "info.json"), (EnginePath.nodes, "nodes.json"),
                             (EnginePath.services, "services.json"), (EnginePath.tasks, "tasks.json")] {
            contents.append((.manager, .answer(path: path, body: try data(file), took: nil)))
        }
        contents += [(.manager, .roundEnd), (.manager, .apiVersion("1.41"))]
        for host in ["node1", "node2"] {
            contents.append((.node(hostname: host), .answer(path: EnginePath.containers(size: false),
                                                            body: try data("containers-\(host).json"), took: nil)))
        }
        for (engine, content) in contents { assembler.apply(EngineObservation(engine, content, at: at)) }
        return assembler.snapshot
    }
}
