import LabFixtures
import SwarmState
import XCTest

/// The changes of a `scripts/changes-probe` container as a tree, with their meanings on overlay2.
final class ContainerChangesTests: XCTestCase {
    func testTreeOrderDepthAndSizes() throws {
        let tree = try LabFixtures.probeTree()
        XCTAssertEqual(tree.entries.map { String(repeating: "  ", count: $0.depth) + $0.kind.letter + " " + $0.path }, [
            "C /data",
            "  C /data/big",
            "  A /data/new",
            "  C /data/conf",
            "    A /data/conf/c",
            "    D /data/conf/a",
            "    D /data/conf/b",
            "  C /data/keep",
            "    A /data/keep/sub",
            "      A /data/keep/sub/z",
            "  D /data/gone",
        ])
        XCTAssertEqual(tree.entries.first?.size, 307_205 + 102_400 + 4 + 2)
        XCTAssertNil(tree.entries.first { $0.path == "/data/gone" }?.size)
    }

    func testMeaningsOnOverlay2() throws {
        let meanings = Dictionary(uniqueKeysWithValues: try LabFixtures.probeTree().entries.map { ($0.path, $0.meaning) })
        XCTAssertEqual(meanings["/data/big"], .copiedUp)
        XCTAssertEqual(meanings["/data/gone"], .whiteout)
        XCTAssertEqual(meanings["/data/conf"], .opaque)
        XCTAssertEqual(meanings["/data/keep"], .directoryChanged, "a lower file is left in it: not replaced")
        XCTAssertEqual(meanings["/data/keep/sub"], .newDirectory)
        XCTAssertEqual(meanings["/data/new"], .written)
        XCTAssertEqual(meanings["/data"], .directoryChanged)
    }

    func testSummaryCountsCopiedUpAndWritten() throws {
        let s = try LabFixtures.probeTree().summary
        XCTAssertEqual(s.copiedUpFiles, 1)
        XCTAssertEqual(s.copiedUpBytes, 307_205)
        XCTAssertEqual(s.writtenFiles, 3)
        XCTAssertEqual(s.writtenBytes, 102_400 + 4 + 2)
        XCTAssertEqual(s.whiteouts, 3)
        XCTAssertEqual(s.opaqueDirectories, 1)
        XCTAssertEqual(s.sized, 4)
    }

    func testFilterKeepsAncestors() throws {
        let tree = try LabFixtures.probeTree()
        XCTAssertEqual(tree.entries(matching: "CONF/c").map(\.path), ["/data", "/data/conf", "/data/conf/c"])
        XCTAssertEqual(tree.entries(matching: "").count, 11)
        XCTAssertEqual(tree.entries(matching: "nothing").count, 0)
    }

    func testStatCandidatesAreBoundedFilesCopiedUpFirst() throws {
        let changes = try LabFixtures.probeChanges()
        XCTAssertEqual(ContainerChanges.statCandidates(changes), ["/data/big", "/data/conf/c", "/data/keep/sub/z", "/data/new"])
        XCTAssertEqual(ContainerChanges.statCandidates(changes, limit: 2), ["/data/big", "/data/conf/c"])
        let many = (0..<500).map { ContainerChange(path: "/f\($0)", kind: .added) }
        XCTAssertEqual(ContainerChanges.statCandidates(many).count, ContainerChanges.statLimit)
        // A directory of many small files does not starve the files beside it.
        let crowded = changes + [ContainerChange(path: "/data/many", kind: .added)]
            + (0..<500).map { ContainerChange(path: "/data/many/f\(String(format: "%03d", $0))", kind: .added) }
        let asked = ContainerChanges.statCandidates(crowded)
        XCTAssertEqual(asked.count, 50)
        XCTAssertEqual(Array(asked.prefix(5)), ["/data/big", "/data/conf/c", "/data/keep/sub/z", "/data/many/f000", "/data/new"])
    }

    func testBlockDriversCopyBlocks() throws {
        let tree = ContainerChanges(containerID: "x", name: "x", driver: "btrfs", changes: try LabFixtures.probeChanges())
        XCTAssertEqual(tree.entries.first { $0.path == "/data/big" }?.meaning, .blocksCopied)
    }

    func testNewerEnginesSpellAReplacedDirectoryAsDeletedWithChildren() {
        let tree = ContainerChanges(containerID: "x", name: "x", driver: "overlay2", changes: [
            ContainerChange(path: "/etc", kind: .changed), ContainerChange(path: "/etc/conf", kind: .deleted),
            ContainerChange(path: "/etc/conf/new", kind: .added),
        ])
        XCTAssertEqual(tree.entries.map(\.meaning), [.directoryChanged, .opaque, .written])
    }

    func testUnlistedParentsAndEmptyChanges() {
        let tree = ContainerChanges(containerID: "x", name: "x", driver: nil, changes: [ContainerChange(path: "/a/b/c", kind: .added)])
        XCTAssertEqual(tree.entries.map(\.depth), [0])
        XCTAssertTrue(ContainerChanges(containerID: "x", name: "x", driver: nil, changes: []).entries.isEmpty)
    }
}
