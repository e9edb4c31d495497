import Foundation
import LabFixtures
import XCTest

/// Paths and the lab environment for the end-to-end tests.
enum E2E {
    /// The package root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The debug binary that `swift build` (and `swift test`, through the dependency) made.
    static var binary: String { root.appendingPathComponent(".build/debug/swarmtop").path }

    /// Runs the binary with `args` and exactly `environment`; its status, stdout and stderr.
    static func run(_ args: [String], environment: [String: String]) throws -> (status: Int32, out: String, err: String) {
        let result = try ChildProcess.run(binary, args, environment: environment)
        return (result.status, result.out, result.err)
    }

    /// `DOCKER_HOST` and `SWARMTOP_NODE_HOSTS` of the lab; a missing lab fails the test.
    static func labEnvironment() throws -> [String: String] {
        let env = ProcessInfo.processInfo.environment
        guard let host = env["DOCKER_HOST"], host.contains("swarmtop-lab"), let nodes = env["SWARMTOP_NODE_HOSTS"] else {
            XCTFail("the lab is not in the environment: run scripts/lab up and eval \"$(scripts/lab env)\" (make test does)")
            throw CancellationError()
        }
        return ["DOCKER_HOST": host, "SWARMTOP_NODE_HOSTS": nodes, "LANG": "C.UTF-8", "TERM": "tmux-256color"]
    }

    /// Runs the docker CLI against the lab manager and returns its trimmed output.
    @discardableResult
    static func docker(_ args: [String]) throws -> String {
        try ChildProcess.run("docker", args).out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The `REPLICAS` column of `docker service ls` for one service, e.g. `5/5`.
    static func replicas(_ service: String) throws -> String {
        try docker(["service", "ls", "--filter", "name=\(service)", "--format", "{{.Name}} {{.Replicas}}"])
            .split(separator: "\n").first { $0.hasPrefix(service + " ") }.map { String($0.split(separator: " ")[1]) } ?? ""
    }

    /// Polls `condition` every 250 ms until it holds or `seconds` pass.
    static func eventually(_ seconds: TimeInterval, _ what: String, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.25)
        }
        XCTFail("not within \(seconds) s: \(what)")
        throw CancellationError()
    }
}
