import DockerAPI
import Foundation
import LabFixtures
import XCTest

/// The context store read from real files written by the real `docker context create`.
final class DockerContextStoreTests: XCTestCase {
    private var config = ""

    override func setUpWithError() throws {
        config = NSTemporaryDirectory() + "swarmtop-contexts-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: config)
    }

    /// Runs the docker CLI with `DOCKER_CONFIG` set to the test's directory; fails the test on an error.
    @discardableResult
    private func docker(_ args: String...) throws -> String {
        try DockerCLI.run(args, config: config)
    }

    private var store: DockerContextStore { DockerContextStore(configDirectory: config) }

    func testReadsAContextTheCLIWrote() throws {
        try docker("context", "create", "prod", "--docker", "host=unix:///run/prod.sock")
        try docker("context", "create", "far", "--docker", "host=ssh://ops@far:2222")
        XCTAssertEqual(try store.context(named: "prod").endpoint(), DockerEndpoint(address: .unix(path: "/run/prod.sock")))
        XCTAssertEqual(try store.context(named: "far").endpoint().address, .ssh(user: "ops", host: "far", port: 2222))
    }

    func testListsEveryContextByName() throws {
        try docker("context", "create", "node1", "--docker", "host=unix:///run/n1.sock")
        try docker("context", "create", "node2", "--docker", "host=tcp://10.0.0.2:2375")
        let all = try store.endpoints()
        XCTAssertEqual(all.keys.sorted(), ["node1", "node2"])
        XCTAssertEqual(try all["node2"]?.get(), DockerEndpoint(address: .tcp(host: "10.0.0.2", port: 2375)))
    }

    func testCurrentContextComesFromConfigJSON() throws {
        XCTAssertNil(try store.currentContext())
        try docker("context", "create", "prod", "--docker", "host=unix:///run/prod.sock")
        try docker("context", "use", "prod")
        XCTAssertEqual(try store.currentContext(), "prod")
    }

    func testTLSMaterialAndSkipTLSVerifyAreHonoured() throws {
        let certs = try TestCertificates.make(in: config + "/certs")
        try docker("context", "create", "secure", "--docker",
                   "host=tcp://10.0.0.3:2376,ca=\(certs)/ca.pem,cert=\(certs)/cert.pem,key=\(certs)/key.pem")
        try docker("context", "create", "lax", "--docker",
                   "host=tcp://10.0.0.3:2376,ca=\(certs)/ca.pem,cert=\(certs)/cert.pem,key=\(certs)/key.pem,skip-tls-verify=true")
        let secure = try store.context(named: "secure").endpoint()
        XCTAssertEqual(secure.address, .tcp(host: "10.0.0.3", port: 2376))
        let dir = config + "/contexts/tls/\(DockerContextStore.directoryName(of: "secure"))/docker"
        XCTAssertEqual(secure.tls, DockerEndpoint.TLSFiles(certPath: dir, verify: true))
        XCTAssertEqual(try store.context(named: "lax").endpoint().tls?.verify, false)
    }

    func testUnknownContextNamesItAndTheFile() throws {
        XCTAssertThrowsError(try store.context(named: "nope")) { error in
            XCTAssertEqual("\(error)", "context \"nope\" does not exist: no \(config)/contexts/meta/"
                           + "\(DockerContextStore.directoryName(of: "nope"))/meta.json (docker context ls lists them)")
        }
    }

    func testMalformedMetaJSONNamesTheFile() throws {
        try docker("context", "create", "broken", "--docker", "host=unix:///run/b.sock")
        let file = config + "/contexts/meta/\(DockerContextStore.directoryName(of: "broken"))/meta.json"
        try Data("{\"Name\": \"broken\", \"Endpoints\": ".utf8).write(to: URL(fileURLWithPath: file))
        XCTAssertThrowsError(try store.context(named: "broken")) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(file): not a docker context's meta.json"), "\(error)")
        }
    }

    func testMissingTLSFileIsNamed() throws {
        let certs = try TestCertificates.make(in: config + "/certs")
        try docker("context", "create", "secure", "--docker",
                   "host=tcp://10.0.0.3:2376,ca=\(certs)/ca.pem,cert=\(certs)/cert.pem,key=\(certs)/key.pem")
        let key = config + "/contexts/tls/\(DockerContextStore.directoryName(of: "secure"))/docker/key.pem"
        try FileManager.default.removeItem(atPath: key)
        XCTAssertThrowsError(try store.context(named: "secure").endpoint()) { error in
            XCTAssertEqual("\(error)", "context \"secure\": missing TLS file \(key)")
        }
    }

    func testAMalformedConfigJSONIsNamed() throws {
        try Data("{currentContext".utf8).write(to: URL(fileURLWithPath: config + "/config.json"))
        XCTAssertThrowsError(try store.currentContext()) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(config)/config.json: not JSON"), "\(error)")
        }
    }
}
