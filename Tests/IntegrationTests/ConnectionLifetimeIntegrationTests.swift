import DockerAPI
import Foundation
import SwarmState
import XCTest

/// How long the connections to the lab's engines stay open once answered: a node engine's
/// closes within a second (its receive buffers go with it), the manager's stays for the next poll.
final class ConnectionLifetimeIntegrationTests: XCTestCase {
    func testANodeEngineConnectionClosesSoonAfterItsAnswerAndTheManagersStays() async throws {
        let manager = try DockerEndpoint(parsing: Lab.managerURL())
        let nodes = try Lab.nodeURLs().map { ($0.0, try DockerEndpoint(parsing: $0.1)) }
        guard let node = nodes.first(where: { $0.1 != manager })?.1 else { return XCTFail("no lab node besides the manager") }
        let connections = try Connections(manager: manager, nodeHosts: nodes, timeout: 10)
        let before = Self.openSockets()
        _ = try await connections.client(for: node).read(EnginePath.info)
        _ = try await connections.manager.read(EnginePath.info)
        let opened = Self.openSockets().subtracting(before)
        XCTAssertEqual(opened.count, 2, "one connection to the node engine, one to the manager")

        try await Task.sleep(nanoseconds: 2_000_000_000)
        let left = opened.intersection(Self.openSockets())
        XCTAssertEqual(left.count, 1, "after 2 s only the manager's connection is open (node engine's idle time: \(Connections.nodeIdleTimeout(node)) s)")
        XCTAssertEqual(Connections.nodeIdleTimeout(try DockerEndpoint(parsing: "ssh://user@node1")), 60,
                       "an ssh connection is an ssh process: kept between rounds")
        for client in connections.openClients { await client.shutdown() }
    }

    /// The inodes of the sockets this process has open.
    private static func openSockets() -> Set<String> {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return Set(fds.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)") }
            .filter { $0.hasPrefix("socket:") })
    }
}
