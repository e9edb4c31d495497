import DockerAPI
import Foundation
import LabFixtures
import XCTest

/// The lab swarm started by `scripts/lab up` (its `env` sets DOCKER_HOST and SWARMTOP_NODE_HOSTS).
/// A missing or silent lab is a test failure, never a skip.
enum Lab {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// The manager endpoint string (`DOCKER_HOST`).
    static func managerURL() throws -> String {
        guard let host = ProcessInfo.processInfo.environment["DOCKER_HOST"], host.contains("swarmtop-lab") else {
            throw Missing(description: "the lab is not in the environment: run `scripts/lab up` and `eval \"$(scripts/lab env)\"` (make test does)")
        }
        return host
    }

    /// hostname -> endpoint string of every lab node engine (`SWARMTOP_NODE_HOSTS`).
    static func nodeURLs() throws -> [(String, String)] {
        let raw = ProcessInfo.processInfo.environment["SWARMTOP_NODE_HOSTS"] ?? ""
        let pairs = raw.split(separator: ",").compactMap { item -> (String, String)? in
            let parts = item.split(separator: "=", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
        guard pairs.count >= 2 else { throw Missing(description: "SWARMTOP_NODE_HOSTS lists fewer than 2 lab nodes: run scripts/lab up") }
        return pairs
    }

    static func manager() throws -> DockerClient {
        try DockerClient(endpoint: DockerEndpoint(parsing: managerURL()))
    }

    static func node(_ hostname: String) throws -> DockerClient {
        guard let url = try nodeURLs().first(where: { $0.0 == hostname })?.1 else {
            throw Missing(description: "no lab node \(hostname)")
        }
        return try DockerClient(endpoint: DockerEndpoint(parsing: url))
    }

    /// Runs the docker CLI against `host` (default: the manager) and returns its trimmed stdout.
    /// - Throws: when it exits non-zero (with its stderr).
    @discardableResult
    static func docker(_ args: [String], host: String? = nil, stdin: String? = nil) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["DOCKER_HOST"] = try host ?? managerURL()
        return try ChildProcess.output("docker", args, environment: env, stdin: stdin).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls `condition` every 250 ms until it holds or `seconds` pass.
    static func eventually(_ seconds: TimeInterval, _ what: String, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.25)
        }
        XCTFail("not within \(seconds) s: \(what)")
    }
}
