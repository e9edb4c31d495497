import Foundation
import LabFixtures
import XCTest

/// The dashboard's threads share glibc's main arena (`Allocator.configure`): the real binary,
/// busy on the lab, has none of the 64 MiB heaps glibc maps for an arena of its own.
final class AllocatorEndToEndTests: XCTestCase {
    /// The heaps of glibc's non-main arenas in `pid`'s mappings: each is 64 MiB of address space
    /// (HEAP_MAX_SIZE on 64-bit) aligned to its size, anonymous, read-write as far as it is used
    /// and inaccessible (`---p`) for the rest. The main arena is `[heap]`.
    private func arenaHeaps(_ pid: Int32) throws -> [String] {
        let heapSize: UInt64 = 64 << 20
        let maps = try String(contentsOfFile: "/proc/\(pid)/maps", encoding: .utf8).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            let range = fields.first?.split(separator: "-").compactMap { UInt64($0, radix: 16) } ?? []
            return fields.count == 5 && range.count == 2 ? (line: String(line), start: range[0], end: range[1], mode: fields[1]) : nil
        }
        return maps.indices.filter { i in
            let m = maps[i]
            guard m.mode == "rw-p", m.start % heapSize == 0 else { return false }
            if m.end - m.start == heapSize { return true }
            return i + 1 < maps.count && maps[i + 1].mode == "---p" && maps[i + 1].start == m.end && maps[i + 1].end == m.start + heapSize
        }.map { maps[$0].line }
    }

    func testEveryThreadAllocatesFromTheMainArena() throws {
        let t = try Tmux("'\(E2E.binary)'; sleep 120", environment: try E2E.labEnvironment())
        try t.waitFor("both nodes") { $0.contains("node1") && $0.contains("node2") }
        // Every pane once: the preparer, the engines' clients and the task pool all allocate.
        for pane in ["2", "3", "5", "4"] { try t.send(pane) }
        try t.waitFor("writable layer sizes", timeout: 40) { $0.range(of: #"B \(virtual [0-9.]+[kMG]?B\)"#, options: .regularExpression) != nil }
        let pid = try t.swarmtopPID()
        XCTAssertGreaterThan(pid, 1, "no swarmtop process under the pane")
        XCTAssertEqual(try arenaHeaps(pid), [], "glibc mapped arenas besides the main one")
        try t.send("q")
    }
}
