import DockerAPI
import Foundation
import LabFixtures
import XCTest

/// `/system/df` and a node engine's `/info` storage facts, decoded from the lab's answers
/// (`scripts/capture-fixtures --disk-only`).
final class DiskUsageDecodingTests: XCTestCase {
    func testSystemDFOfNode1() throws {
        let usage = try LabFixtures.decode(DiskUsage.self, "disk/system-df-node1.json")
        let raw = try JSONSerialization.jsonObject(with: LabFixtures.data("disk/system-df-node1.json")) as! [String: Any]
        XCTAssertEqual(usage.layersSize, (raw["LayersSize"] as! NSNumber).int64Value)
        XCTAssertEqual(usage.builderSize, 0)
        XCTAssertNil(usage.buildCache, "the lab's engine has no build cache: null")

        let busybox = try XCTUnwrap(usage.images?.first { $0.repoTags == ["swarmtop-lab/busybox:1"] })
        XCTAssertEqual(busybox.size, 1_987_415)
        XCTAssertTrue(busybox.id.hasPrefix("sha256:"))
        XCTAssertGreaterThan(busybox.containers ?? 0, 0)
        XCTAssertNotNil(busybox.sharedSize)

        let volume = try XCTUnwrap(usage.volumes?.first)
        XCTAssertEqual(volume.name, "capture_vol")
        XCTAssertEqual(volume.driver, "local")
        XCTAssertEqual(volume.usageData?.size, 1_048_576)
        XCTAssertEqual(volume.usageData?.refCount, 0)

        let grow = try XCTUnwrap(usage.containers?.first { $0.name == "capture_grow" })
        XCTAssertEqual(grow.sizeRw, 1_048_576)
        XCTAssertEqual(grow.state, "running")
        XCTAssertEqual(usage.containers?.count, (raw["Containers"] as! [Any]).count)
    }

    func testNodeInfoStorageFacts() throws {
        for node in ["node1", "node2"] {
            let info = try LabFixtures.decode(SystemInfo.self, "disk/info-\(node).json")
            XCTAssertEqual(info.driver, "overlay2")
            XCTAssertEqual(info.backingFilesystem, "extfs")
            XCTAssertEqual(info.dockerRootDir, "/run/swarmtop-lab/\(node)-data")
            XCTAssertEqual(info.name, node)
        }
    }
}
