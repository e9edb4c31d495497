import Dashboard
import Foundation
import SwarmState

/// `SWARMTOP_STATS_FILE=PATH`: the requests and bytes swarmtop exchanged with each engine,
/// rewritten as JSON every 5 seconds and at exit, for `scripts/bench-live`. Not a user option.
public enum RequestStatsFile {
    /// Rewrites the file every 5 seconds until cancelled, with the clients of the swarm watched then.
    public static func write(_ session: SwarmSession, to path: String) async {
        while !Task.isCancelled {
            if let connections = session.current.source.connections { save(connections, to: path) }
            try? await Task.sleep(nanoseconds: 5_000_000_000)
        }
    }

    /// Writes the statistics of `connections`' open clients to `path` (through `path.tmp`, so a
    /// reader never sees half a file); a failure to write is ignored (the next write tries again):
    /// `{"unix:///…/node1.sock": {"requests": …, "bytesReceived": …, …}, …, "at": seconds}`.
    public static func save(_ connections: Connections, to path: String) {
        let clients = connections.openClients
        var object: [String: Any] = ["at": Date().timeIntervalSince1970]
        for c in clients {
            let s = c.statistics
            object[c.endpoint.description] = ["requests": s.requests, "bytesReceived": s.bytesReceived,
                                              "failures": s.failures, "eventStreams": s.eventStreams]
        }
        // Unsorted: sorting the keys would load ICU's locale data into the process being measured.
        guard let data = (try? JSONSerialization.data(withJSONObject: object)).map(JSONText.escaped) else { return }
        try? data.write(to: URL(fileURLWithPath: path + ".tmp"))
        _ = rename(path + ".tmp", path)
    }
}
