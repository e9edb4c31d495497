import Foundation
import DockerAPI
import ArgumentParser

/// `--node-host HOSTNAME=URL` values and their environment default `SWARMTOP_NODE_HOSTS`.
enum NodeHostOption {
    /// Splits `SWARMTOP_NODE_HOSTS=node1=unix:///a.sock,node2=unix:///b.sock` into options.
    static func fromEnvironment(_ env: [String: String]) -> [String] {
        (env["SWARMTOP_NODE_HOSTS"] ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Parses `HOSTNAME=URL` strings.
    /// - Throws: `ValidationError` naming the bad value; `DockerError.invalidEndpoint` for a bad URL.
    static func parse(_ values: [String], tls: DockerEndpoint.TLSFiles?) throws -> [(String, DockerEndpoint)] {
        try values.map { value in
            guard let eq = value.firstIndex(of: "="), eq != value.startIndex else {
                throw ValidationError("--node-host \"\(value)\" is not HOSTNAME=URL (e.g. node2=tcp://10.0.0.2:2375)")
            }
            return (String(value[..<eq]), try DockerEndpoint(parsing: String(value[value.index(after: eq)...]), tls: tls))
        }
    }
}


