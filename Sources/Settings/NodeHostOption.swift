import Foundation
import DockerAPI
import Dashboard
import SwarmState

/// `HOSTNAME=URL` values of `--node-host`, `SWARMTOP_NODE_HOSTS` or the config file's `[node_hosts]`.
enum NodeHostOption {
    /// Parses `HOSTNAME=URL` strings (split by `Configuration.nodeHost`).
    /// - Throws: `InvalidSetting` naming the bad value; `DockerError.invalidEndpoint` for a bad URL.
    static func parse(_ values: [String], tls: DockerEndpoint.TLSFiles?) throws -> [(String, DockerEndpoint)] {
        try values.map { value in
            guard let (hostname, url) = Configuration.nodeHost(value) else {
                throw InvalidSetting(description: DisplayText.escaped("--node-host \"\(value)\" is not HOSTNAME=URL (e.g. node2=tcp://10.0.0.2:2375)"))
            }
            return (hostname, try DockerEndpoint(parsing: url, tls: tls))
        }
    }
}
