import DockerAPI
import LabFixtures
import XCTest

/// Decoding what the lab's engine answered about a `scripts/changes-probe` container.
final class ContainerChangesDecodingTests: XCTestCase {
    func testChangesDecodeAsDockerDiffPrintsThem() throws {
        let changes = try LabFixtures.probeChanges()
        XCTAssertEqual(changes.map { "\($0.kind.letter) \($0.path)" }.sorted(), try LabFixtures.probeDiffLines().sorted())
        XCTAssertEqual(changes.first { $0.path == "/data/gone" }?.kind, .deleted)
        XCTAssertEqual(changes.first { $0.path == "/data/new" }?.kind, .added)
        XCTAssertEqual(changes.first { $0.path == "/data/big" }?.kind, .changed)
    }

    func testPathStatHeaderDecodes() throws {
        let stats = try LabFixtures.probeStats()
        let big = try XCTUnwrap(stats["/data/big"])
        XCTAssertEqual(big.name, "big")
        XCTAssertEqual(big.size, try LabFixtures.probeFileSizes()["/data/big"])
        XCTAssertEqual(big.mode & 0o777, 0o644)
        XCTAssertFalse(big.isDirectory)
        XCTAssertTrue(big.mtime.hasPrefix("20"))
        XCTAssertEqual(stats["/data/conf"]?.isDirectory, true)
        XCTAssertEqual(stats["/data/conf"]?.isSymlink, false)
        XCTAssertNil(stats["/data/gone"], "a deleted path is not found (404)")
    }

    func testSymlinkModeBit() throws {
        let json = #"{"name":"sh","size":7,"mode":134218239,"mtime":"2026-12-03T07:00:00Z","linkTarget":"busybox"}"#
        let stat = try ContainerPathStat.decode(header: Data(json.utf8).base64EncodedString())
        XCTAssertTrue(stat.isSymlink)
        XCTAssertFalse(stat.isDirectory)
        XCTAssertEqual(stat.linkTarget, "busybox")
    }

    func testBadHeaderIsAClearError() {
        XCTAssertThrowsError(try ContainerPathStat.decode(header: "not base64!")) { error in
            XCTAssertTrue("\(error)".contains("X-Docker-Container-Path-Stat"), "\(error)")
        }
        XCTAssertThrowsError(try ContainerPathStat.decode(header: Data("{}".utf8).base64EncodedString()))
    }

    func testIdentityFromInspect() throws {
        let identity = try LabFixtures.decode(ContainerIdentity.self, "changes-probe-inspect.json")
        XCTAssertEqual(identity.shownName, "dchanges_capture")
        XCTAssertEqual(identity.driver, "overlay2")
        XCTAssertEqual(identity.id.count, 64)
    }

    func testPathsAreSpelledOnce() {
        XCTAssertEqual(EnginePath.containerChanges(id: "abc"), "/containers/abc/changes")
        XCTAssertEqual(EnginePath.containerArchive(id: "abc"), "/containers/abc/archive")
        XCTAssertEqual(EnginePath.containerInspect(id: "abc"), "/containers/abc/json")
    }
}
