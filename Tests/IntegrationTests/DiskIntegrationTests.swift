import DockerAPI
import Foundation
import SwarmState
import XCTest

/// swarmtop's disk figures on every lab node (`/system/df` through `DiskTotals`) against the
/// docker CLI's `docker system df` and `docker system df -v` on the same engine: the same
/// entries, sizes equal within the CLI's rounding. Other tests change the lab meanwhile
/// (containers come and go): a comparison is made on a read of swarmtop's that the engine
/// answered the same just before and after the CLI's.
final class DiskIntegrationTests: XCTestCase {
    /// A volume of 1 MiB no container uses, on node1, so that the volumes have an entry.
    static let volume = "dpane_it_vol"

    override func setUpWithError() throws {
        _ = try? Lab.docker(["volume", "rm", "-f", Self.volume])
        try Lab.docker(["run", "--rm", "-v", "\(Self.volume):/data", "swarmtop-lab/busybox:1",
                        "dd", "if=/dev/zero", "of=/data/f", "bs=1024", "count=1024"])
    }

    override func tearDownWithError() throws {
        try Lab.docker(["volume", "rm", "-f", Self.volume])
    }

    func testEachNodesTotalsAndEntriesMatchDockerSystemDF() async throws {
        for (hostname, url) in try Lab.nodeURLs() {
            let (ours, lines, verbose) = try await stableRead(hostname, url)
            let totals = DiskTotals.of(ours)
            XCTAssertEqual(lines.count, 4, hostname)
            for (line, mine) in zip(lines, totals) {
                let what = "\(hostname) \(mine.kind.rawValue)"
                XCTAssertEqual(line["Type"] as? String, mine.kind.rawValue, what)
                XCTAssertEqual(line["TotalCount"] as? String, String(mine.total), what)
                XCTAssertEqual(line["Active"] as? String, String(mine.active), what)
                try assertSize(mine.size, line["Size"] as? String, "\(what) SIZE")
                let reclaimable = try XCTUnwrap(line["Reclaimable"] as? String, what)
                let parts = reclaimable.split(separator: " ")
                try assertSize(mine.reclaimable, String(parts[0]), "\(what) RECLAIMABLE")
                XCTAssertEqual(parts.count > 1 ? String(parts[1]) : nil, mine.reclaimablePercent.map { "(\($0)%)" }, "\(what) RECLAIMABLE %")
            }

            let images = try XCTUnwrap(verbose["Images"] as? [[String: Any]], hostname)
            XCTAssertEqual(Set(images.compactMap { $0["ID"] as? String }), Set((ours.images ?? []).map(\.id)), "\(hostname) images")
            for image in ours.images ?? [] {
                guard let cli = images.first(where: { $0["ID"] as? String == image.id }) else { continue }
                try assertSize(image.size ?? 0, cli["Size"] as? String, "\(hostname) \(image.id) SIZE")
                try assertSize(image.sharedSize ?? 0, cli["SharedSize"] as? String, "\(hostname) \(image.id) SHARED SIZE")
                XCTAssertEqual(cli["Containers"] as? String, String(image.containers ?? 0), "\(hostname) \(image.id) CONTAINERS")
            }
            let containers = try XCTUnwrap(verbose["Containers"] as? [[String: Any]], hostname)
            XCTAssertEqual(Set(containers.compactMap { $0["ID"] as? String }), Set((ours.containers ?? []).map(\.id)), "\(hostname) containers")
            for container in ours.containers ?? [] {
                guard let cli = containers.first(where: { $0["ID"] as? String == container.id }) else { continue }
                try assertSize(container.sizeRw ?? 0, (cli["Size"] as? String)?.split(separator: " ").first.map(String.init), "\(hostname) \(container.name) SIZE")
            }
            let volumes = (verbose["Volumes"] as? [[String: Any]]) ?? []
            XCTAssertEqual(Set(volumes.compactMap { $0["Name"] as? String }), Set((ours.volumes ?? []).map(\.name)), "\(hostname) volumes")
            for volume in ours.volumes ?? [] {
                guard let cli = volumes.first(where: { $0["Name"] as? String == volume.name }), let usage = volume.usageData else { continue }
                try assertSize(usage.size, cli["Size"] as? String, "\(hostname) volume \(volume.name) SIZE")
                XCTAssertEqual(cli["Links"] as? String, String(usage.refCount), "\(hostname) volume \(volume.name) LINKS")
            }
            if hostname == "node1" {
                XCTAssertTrue((ours.volumes ?? []).contains { $0.name == Self.volume && $0.usageData?.size == 1_048_576 })
            }
        }
    }

    /// swarmtop's `/system/df`, then the CLI's two views, then swarmtop's again, until both of
    /// swarmtop's reads agree (at most 10 tries).
    private func stableRead(_ hostname: String, _ url: String) async throws
        -> (DiskUsage, [[String: Any]], [String: Any]) {
        let client = try Lab.node(hostname)
        defer { Task { await client.shutdown() } }
        func read() async throws -> DiskUsage {
            try DockerJSON.decode(DiskUsage.self, from: try await client.read(EnginePath.systemDF, timeout: 60), path: EnginePath.systemDF)
        }
        for _ in 1...10 {
            let before = try await read()
            let lines = try Lab.docker(["system", "df", "--format", "{{json .}}"], host: url).split(separator: "\n").map { line in
                try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            }
            let verbose = try XCTUnwrap(try JSONSerialization.jsonObject(
                with: Data(try Lab.docker(["system", "df", "-v", "--format", "{{json .}}"], host: url).utf8)) as? [String: Any])
            let after = try await read()
            if after == before { return (after, lines, verbose) }
            try await Task.sleep(nanoseconds: 500_000_000)
        }
        throw Lab.Missing(description: "\(hostname)'s /system/df changed during each of 10 reads")
    }

    /// `bytes` is what `text` (a CLI size such as `1.987MB`, `6.29MB`, `0B`) says, within half a
    /// unit of its last digit.
    private func assertSize(_ bytes: Int64, _ text: String?, _ what: String) throws {
        let text = try XCTUnwrap(text, what)
        let units: [(String, Double)] = [("kB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("B", 1)]
        let (unit, scale) = try XCTUnwrap(units.first { text.hasSuffix($0.0) }, "\(what): \(text)")
        let number = String(text.dropLast(unit.count))
        let value = try XCTUnwrap(Double(number), "\(what): \(text)")
        let decimals = number.split(separator: ".").dropFirst().first?.count ?? 0
        let tolerance = 0.5 * pow(10, -Double(decimals)) * scale
        XCTAssertLessThanOrEqual(abs(Double(bytes) - value * scale), tolerance, "\(what): swarmtop \(bytes) B, docker \(text)")
    }
}
