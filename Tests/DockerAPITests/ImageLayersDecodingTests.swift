import XCTest
@testable import DockerAPI
import LabFixtures

/// Decoding the image layers view's answers captured from the lab: `GET /images/{id}/history`
/// of `swarmtop-lab/disk:1` on node1 (built there) and node2 (loaded), `/system/df`, and a
/// container's `LogPath`.
final class ImageLayersDecodingTests: XCTestCase {
    func testHistoryOnTheNodeThatBuiltTheImageHasEveryID() throws {
        let layers = try LabFixtures.decodeLayers([ImageLayer].self, "history-node1.json")
        XCTAssertEqual(layers.count, 9)
        XCTAssertFalse(layers.contains(where: \.isMissing), "node1 built both images: every layer has an ID")
        XCTAssertEqual(layers.first?.tags, ["swarmtop-lab/disk:1"])
        XCTAssertEqual(layers.filter { $0.tags == ["swarmtop-lab/busybox:1"] }.count, 1, "the base image's own top layer")
    }

    func testHistoryOfALoadedImageHasMissingIDsBelowItsOwn() throws {
        let layers = try LabFixtures.decodeLayers([ImageLayer].self, "history-node2.json")
        XCTAssertEqual(layers.count, 9)
        XCTAssertEqual(layers.map(\.isMissing), [false] + Array(repeating: true, count: 8))
        XCTAssertEqual(layers.first?.id.hasPrefix("sha256:"), true)
        let data = try XCTUnwrap(layers.first { $0.createdBy?.contains("dd if=/dev/zero of=/data/big.bin") ?? false })
        XCTAssertEqual(data.size, 6_029_312, "4 MiB + 1 MiB + 3 x 256 KiB")
        XCTAssertEqual(layers.map(\.size).reduce(0, +), 8_017_485, "the image's size, as /system/df says")
    }

    func testSystemDFGivesEachImagesSharedSize() throws {
        let images = try DockerClient.imageDiskUsage(fromSystemDF: LabFixtures.layersData("system-df-node2.json"))
        let disk = try XCTUnwrap(images.first { $0.repoTags == ["swarmtop-lab/disk:1"] })
        let base = try XCTUnwrap(images.first { $0.repoTags == ["swarmtop-lab/busybox:1"] })
        XCTAssertEqual(disk.size, 8_017_485)
        XCTAssertEqual(disk.sharedSize, base.size, "the disk image shares the whole base image")
        XCTAssertEqual(disk.sharedSize, 1_987_415)
    }

    func testContainerInspectGivesTheLogPath() throws {
        let path = try DockerClient.logPath(fromInspect: LabFixtures.layersData("container-inspect-disk-node2.json"), path: "/containers/x/json")
        XCTAssertTrue(path.hasPrefix("/run/swarmtop-lab/node2-data/containers/") && path.hasSuffix("-json.log"), path)
    }

    func testPaths() {
        XCTAssertEqual(EnginePath.imageHistory(id: "sha256:9a33"), "/images/sha256:9a33/history")
        XCTAssertEqual(EnginePath.containerInspect(id: "abc"), "/containers/abc/json")
        XCTAssertEqual(EnginePath.systemDF, "/system/df")
    }
}
