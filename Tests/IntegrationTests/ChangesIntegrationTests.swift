import DockerAPI
import Foundation
import LabFixtures
import SwarmState
import XCTest

/// What a container changed, read from the real lab through its node's engine, compared with
/// `docker diff` (the same entries) and with `stat` inside the container (the same sizes). The
/// container (`scripts/changes-probe`, named dchanges_it_…) copies up a file from its image,
/// deletes one (a whiteout), replaces a directory (opaque) and writes new files; it and its
/// image are removed at the end.
final class ChangesIntegrationTests: XCTestCase {
    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scripts/changes-probe").standardized.path

    /// Runs scripts/changes-probe; its trimmed stdout.
    @discardableResult
    private func probe(_ args: [String]) throws -> String {
        try ChildProcess.output(Self.script, args).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func connections() throws -> Connections {
        try Connections(manager: DockerEndpoint(parsing: Lab.managerURL()),
                        nodeHosts: try Lab.nodeURLs().map { ($0.0, try DockerEndpoint(parsing: $0.1)) }, timeout: 10, readOnly: true)
    }

    func testChangesOnAWorkerAreDockerDiffsWithStatsSizes() async throws {
        let name = "dchanges_it_\(UInt32.random(in: 0..<UInt32.max))"
        let node2 = try XCTUnwrap(try Lab.nodeURLs().first { $0.0 == "node2" }?.1)
        addTeardownBlock { [self] in _ = try? self.probe(["down", name, "2"]) }
        let id = try probe(["up", name, "2"])
        let connections = try connections()
        let found: (hostname: String, changes: ContainerChanges)
        do {
            found = try await ContainerChangesRead.find(String(id.prefix(10)), in: connections)
        } catch {
            await connections.shutdown()
            throw error
        }
        await connections.shutdown()
        XCTAssertEqual(found.hostname, "node2")
        XCTAssertEqual(found.changes.name, name)
        XCTAssertEqual(found.changes.driver, "overlay2")

        let diff = try Lab.docker(["diff", name], host: node2).split(separator: "\n").map(String.init)
        XCTAssertEqual(found.changes.entries.map { "\($0.kind.letter) \($0.path)" }.sorted(), diff.sorted())

        let files = found.changes.entries.filter { $0.stat != nil && !$0.isDirectory }
        XCTAssertEqual(Set(files.map(\.path)), ["/data/big", "/data/new", "/data/conf/c", "/data/keep/sub/z"])
        for entry in files {
            let size = try Lab.docker(["exec", name, "stat", "-c", "%s", entry.path], host: node2)
            XCTAssertEqual(entry.stat?.size, Int64(size), entry.path)
        }
        let meanings = Dictionary(uniqueKeysWithValues: found.changes.entries.map { ($0.path, $0.meaning) })
        XCTAssertEqual(meanings["/data/big"], .copiedUp)
        XCTAssertEqual(meanings["/data/gone"], .whiteout)
        XCTAssertEqual(meanings["/data/conf"], .opaque)
        XCTAssertEqual(meanings["/data/new"], .written)
        // The copied-up file is whole in the writable layer: the summary counts its full size.
        let big = try Lab.docker(["exec", name, "stat", "-c", "%s", "/data/big"], host: node2)
        XCTAssertEqual(found.changes.summary.copiedUpBytes, Int64(big))
    }

    func testAContainerNoEngineHasIsNamedWithTheEnginesAsked() async throws {
        let connections = try connections()
        do {
            _ = try await ContainerChangesRead.find("dchanges_absent", in: connections)
            XCTFail("found a container that does not exist")
        } catch let error as ContainerNotFound {
            XCTAssertTrue(error.description.hasPrefix("no container dchanges_absent on node1, node2"), error.description)
        }
        await connections.shutdown()
    }
}
