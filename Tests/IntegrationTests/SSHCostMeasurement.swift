import DockerAPI
import Foundation
import XCTest

/// What ssh costs, measured on the lab and printed (`ssh-cost:` lines): the first request (ssh's
/// handshake and `docker system dial-stdio` included), then requests on the kept connection, each
/// over node1's unix socket and over ssh://root@<node1 addr>.
/// Run: swift test --disable-swift-testing --filter SSHCostMeasurement 2>&1 | grep ssh-cost
final class SSHCostMeasurement: XCTestCase {
    func testRequestsOverSSHAgainstTheUnixSocket() async throws {
        let lab = try LabSSH.load()
        let clients = [("unix", try Lab.node("node1")),
                       ("ssh", try DockerClient(endpoint: DockerEndpoint(parsing: lab.node1), environment: lab.environment))]
        for (name, client) in clients {
            let first = ContinuousClock.now
            _ = try await client.send(method: .GET, path: "/_ping", versioned: false)
            print(String(format: "ssh-cost: %-4@ first request (connection set up): %8.2f ms", name as NSString, Self.ms(ContinuousClock.now - first)))
            for (path, count) in [("/_ping", 300), ("/containers/json", 100)] {
                var times: [Duration] = []
                let all = ContinuousClock.now
                for _ in 0..<count {
                    let t = ContinuousClock.now
                    _ = try await client.send(method: .GET, path: path, versioned: path != "/_ping")
                    times.append(ContinuousClock.now - t)
                }
                let total = ContinuousClock.now - all
                times.sort()
                print(String(format: "ssh-cost: %-4@ %-16@ median %6.2f ms  p90 %6.2f ms  %7.0f requests/s  (n=%d, one at a time)",
                             name as NSString, path as NSString, Self.ms(times[count / 2]), Self.ms(times[count * 9 / 10]),
                             Double(count) / (Self.ms(total) / 1000), count))
            }
        }
        // The numbers above are of one kept connection: one ssh process served them all.
        XCTAssertEqual(clients[1].1.sshDialer?.processes.started, 1)
        for (_, client) in clients { await client.shutdown() }
    }

    private static func ms(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }
}
