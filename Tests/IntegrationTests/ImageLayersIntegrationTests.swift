import DockerAPI
import Foundation
import XCTest

/// The image layers view's reads against the lab, checked against the docker CLI on each node:
/// `docker history` of `swarmtop-lab/disk:1` (built on node1, loaded on node2) and its sizes in
/// `docker system df -v`.
final class ImageLayersIntegrationTests: XCTestCase {
    private let image = "swarmtop-lab/disk:1"

    func testHistoryHasDockerHistorysRowsOnEachNode() async throws {
        for (hostname, url) in try Lab.nodeURLs() {
            let client = try Lab.node(hostname)
            defer { Task { await client.shutdown() } }
            let layers = try await client.imageHistory(id: image)
            let cli = try Lab.docker(["history", "--no-trunc", "--format", "{{.ID}}\t{{.Size}}\t{{.CreatedBy}}", image], host: url)
                .split(separator: "\n").map { $0.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init) }
            XCTAssertEqual(layers.count, cli.count, "\(hostname): \(cli)")
            for (layer, row) in zip(layers, cli) {
                XCTAssertEqual(layer.id, row[0], hostname)
                XCTAssertTrue(Self.sameWithinRounding(layer.size, row[1]), "\(hostname): \(layer.size) bytes vs \(row[1])")
                // Lab.docker trims the output's end: the last row's trailing space with it.
                XCTAssertEqual((layer.createdBy ?? "").trimmingCharacters(in: .whitespaces),
                               (row.count > 2 ? row[2] : "").trimmingCharacters(in: .whitespaces), hostname)
            }
            // Built on node1: every layer has an ID; loaded into the others: only the image's own.
            XCTAssertEqual(layers.filter(\.isMissing).count, hostname == "node1" ? 0 : layers.count - 1, hostname)
        }
    }

    func testSharedSizeIsDockerSystemDFs() async throws {
        let (hostname, url) = try XCTUnwrap(try Lab.nodeURLs().first { $0.0 == "node2" })
        let client = try Lab.node(hostname)
        defer { Task { await client.shutdown() } }
        let images = try await client.imageDiskUsage(timeout: 30)
        let usage = try XCTUnwrap(images.first { $0.repoTags?.contains(image) ?? false })
        let (size, shared) = (try XCTUnwrap(usage.size), try XCTUnwrap(usage.sharedSize))
        // REPOSITORY TAG IMAGE-ID CREATED SIZE SHARED-SIZE UNIQUE-SIZE CONTAINERS, columns 2+ spaces apart.
        let row = try XCTUnwrap(try Lab.docker(["system", "df", "-v"], host: url).split(separator: "\n")
            .first { $0.hasPrefix("swarmtop-lab/disk ") })
        let columns = row.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        XCTAssertEqual(columns.count, 8, "\(columns)")
        XCTAssertTrue(Self.sameWithinRounding(size, columns[4]), "\(size) vs \(columns[4])")
        XCTAssertTrue(Self.sameWithinRounding(shared, columns[5]), "\(shared) vs \(columns[5])")
        XCTAssertTrue(Self.sameWithinRounding(size - shared, columns[6]), "\(size - shared) vs \(columns[6])")
    }

    func testLogPathIsTheContainersJSONLogOnThisMachine() async throws {
        let (hostname, url) = try XCTUnwrap(try Lab.nodeURLs().first { $0.0 == "node2" })
        let client = try Lab.node(hostname)
        defer { Task { await client.shutdown() } }
        let id = try XCTUnwrap(try Lab.docker(["ps", "-q", "--no-trunc", "--filter", "label=com.docker.swarm.service.name=lab_disk"], host: url)
            .split(separator: "\n").first.map(String.init), "no lab_disk container on node2")
        let path = try await client.containerLogPath(id: id)
        XCTAssertEqual(path, try Lab.docker(["inspect", "--format", "{{.LogPath}}", id], host: url))
        XCTAssertTrue(FileManager.default.fileExists(atPath: path), path)
    }

    /// True when `bytes` prints as the CLI's `text` (go-units' `HumanSizeWithPrecision(_, 3)`:
    /// decimal units, 3 significant digits): within half a unit of its last digit.
    static func sameWithinRounding(_ bytes: Int64, _ text: String) -> Bool {
        let units: [(String, Double)] = [("kB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("B", 1)]
        guard let (unit, scale) = units.first(where: { text.hasSuffix($0.0) }), let value = Double(text.dropLast(unit.count)) else { return false }
        let shown = value * scale
        let digits = max(0, 3 - (value >= 100 ? 3 : value >= 10 ? 2 : 1))
        let halfStep = scale * pow(10, -Double(digits)) / 2
        return abs(Double(bytes) - shown) <= halfStep + 0.5
    }
}
