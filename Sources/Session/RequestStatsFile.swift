import Dashboard
import Foundation
import SwarmState

/// `SWARMTOP_STATS_FILE=PATH`: the requests and bytes swarmtop exchanged with each engine,
/// rewritten as JSON every 5 seconds and at exit, for `scripts/bench-live`. Not a user option.
enum RequestStatsFile {
    /// Rewrites the file every 5 seconds until cancelled.
    static func write(_ connections: Connections, to path: String) async {
        while !Task.isCancelled {
            save(connections, to: path)
            try? await Task.sleep(nanoseconds: 5_000_000_000)
        }
    }

    /// `{"unix:///…/node1.sock": {"requests": …, "bytesReceived": …, …}, …, "at": seconds}`.
    static func save(_ connections: Connections, to path: String) {
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
