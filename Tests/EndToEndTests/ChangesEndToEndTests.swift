import Foundation
import LabFixtures
import XCTest

/// What a container changed, in the real binary against the lab: `d` on a container in the
/// containers pane opens the changes view (the tree, sizes, meanings), `/` filters it, Esc goes
/// back; `swarmtop diff NAME` prints the entries `docker diff` prints, with sizes and meanings.
/// The container is a `scripts/changes-probe` one (dchanges_e2e_…), removed at the end.
final class ChangesEndToEndTests: XCTestCase {
    private func probe(_ args: [String]) throws {
        let result = try ChildProcess.run(E2E.root.appendingPathComponent("scripts/changes-probe").path, args)
        XCTAssertEqual(result.status, 0, "changes-probe \(args.joined(separator: " ")): \(result.err)")
    }

    private func withProbe(_ body: (String) throws -> Void) throws {
        let name = "dchanges_e2e_\(UInt32.random(in: 0..<UInt32.max))"
        try probe(["up", name, "1"])
        defer { try? probe(["down", name, "1"]) }
        try body(name)
    }

    func testDOnAContainerShowsItsChangesAndEscGoesBack() throws {
        let env = try E2E.labEnvironment()
        try withProbe { name in
            let t = try Tmux("'\(E2E.binary)'; echo \"exit=$?\"; sleep 120", environment: env)
            try t.waitFor("Leader")
            try t.send("4")
            try t.waitFor(name)
            try t.send("/", name, "Enter")
            try t.waitFor("only the probe") { $0.contains("/\(name)") && !$0.contains("lab_web") }
            try t.send("d")
            var screen = try t.waitFor("the changes view") { $0.contains("copied up from lower layers 307kB (1 file)") }
            XCTAssertTrue(screen.contains("changes of container \(name) on node1"), screen)
            XCTAssertTrue(screen.contains("newly written 102kB (3 files), 3 whiteouts, 1 opaque directory"), screen)
            XCTAssertNotNil(screen.range(of: #"C   big +307kB  copied up: the whole file from a lower layer"#, options: .regularExpression), screen)
            XCTAssertNotNil(screen.range(of: #"C   conf/ +4B  replaced: opaque"#, options: .regularExpression), screen)
            XCTAssertNotNil(screen.range(of: #"D   gone +-  whiteout"#, options: .regularExpression), screen)
            try t.send("/", "keep", "Enter")
            screen = try t.waitFor("the filter") { $0.contains("/keep") && !$0.contains("big") }
            XCTAssertTrue(screen.contains("sub/"), screen)
            try t.send("Escape")
            try t.waitFor("the containers pane again") { !$0.contains("changes of container") && $0.contains(name) }
            try t.send("q")
            try t.waitFor("exit=0")
        }
    }

    func testDiffPrintsDockerDiffsEntriesWithSizes() throws {
        let env = try E2E.labEnvironment()
        try withProbe { name in
            let diff = try E2E.docker(["-H", "unix:///run/swarmtop-lab/node1.sock", "diff", name]).split(separator: "\n").map(String.init)
            let (status, out, err) = try E2E.run(["diff", name], environment: env)
            XCTAssertEqual(status, 0, err)
            let lines = out.split(separator: "\n").map(String.init)
            XCTAssertTrue(lines[0].hasPrefix("# \(name) on node1 (overlay2): copied up from lower layers 307kB (1 file)"), out)
            XCTAssertEqual(lines.dropFirst().map { $0.split(separator: " ").prefix(2).joined(separator: " ") }.sorted(), diff.sorted())
            let json = try E2E.run(["diff", "--format", "json", name], environment: env)
            XCTAssertEqual(json.status, 0, json.err)
            XCTAssertTrue(json.out.contains(#""copied_up_bytes" : 307205"#), json.out)
            let missing = try E2E.run(["diff", "dchanges_absent"], environment: env)
            XCTAssertNotEqual(missing.status, 0)
            XCTAssertTrue(missing.err.contains("no container dchanges_absent on node1, node2"), missing.err)
        }
    }
}
