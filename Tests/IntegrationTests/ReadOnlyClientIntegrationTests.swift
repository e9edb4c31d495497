import DockerAPI
import Foundation
import XCTest

/// A client made read-only (`--read-only`) reads the lab as any client does, and refuses every
/// write before it leaves the process: the engine never sees it (its request count and the
/// service's spec version say so).
final class ReadOnlyClientIntegrationTests: XCTestCase {
    func testAWriteIsRefusedBeforeItIsSentAndReadsStillWork() async throws {
        let endpoint = try DockerEndpoint(parsing: Lab.managerURL())
        let client = try DockerClient(endpoint: endpoint, readOnly: true)

        // Refused before anything is sent, not even the version negotiation.
        do {
            _ = try await client.send(method: .POST, path: "/containers/none/stop")
            XCTFail("a read-only client sent POST /containers/none/stop")
        } catch let error as DockerError {
            XCTAssertEqual(error, .readOnly(method: "POST", path: "/containers/none/stop"))
            XCTAssertEqual(error.description, "refused POST /containers/none/stop: swarmtop is read-only (--read-only)")
        }
        XCTAssertEqual(client.statistics, RequestStatistics(), "nothing reached the engine")

        // Reads work (GET /_ping, GET /services), and a scale reads the spec, then stops short of the POST.
        let services = try await client.services()
        let web = try XCTUnwrap(services.first { $0.name == "lab_web" })
        let versionBefore = try Lab.docker(["service", "inspect", "--format", "{{.Version.Index}}", "lab_web"])
        let replicas = try XCTUnwrap(UInt64(Lab.docker(["service", "inspect", "--format", "{{.Spec.Mode.Replicated.Replicas}}", "lab_web"])))
        let readsSoFar = client.statistics.requests
        XCTAssertEqual(readsSoFar, 2)
        do {
            try await client.scaleService(id: web.id, from: replicas, to: replicas + 5)
            XCTFail("a read-only client scaled lab_web")
        } catch let error as DockerError {
            XCTAssertEqual(error, .readOnly(method: "POST", path: "/services/\(web.id)/update"))
        }
        XCTAssertEqual(client.statistics.requests, readsSoFar + 1, "only the GET of the spec was sent")
        XCTAssertEqual(client.statistics.failures, 0)
        XCTAssertEqual(try Lab.docker(["service", "inspect", "--format", "{{.Version.Index}}", "lab_web"]), versionBefore,
                       "lab_web's spec did not change")
        for method in ["DELETE", "PUT", "PATCH"] {
            do {
                _ = try await client.send(method: .init(rawValue: method), path: "/services/\(web.id)")
                XCTFail("a read-only client sent \(method)")
            } catch let error as DockerError {
                XCTAssertEqual(error, .readOnly(method: method, path: "/services/\(web.id)"))
            }
        }
        XCTAssertEqual(client.statistics.requests, readsSoFar + 1)
        await client.shutdown()
    }
}
