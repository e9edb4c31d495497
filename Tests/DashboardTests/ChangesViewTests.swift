import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// The changes view (`d` on a container or a task): the keys, the read it asks for, the tree
/// rendered as text from the changes of a `scripts/changes-probe` container captured on the lab.
final class ChangesViewTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private let now = Date(timeIntervalSince1970: 1_795_962_000)

    /// The lab's snapshot on the containers pane, the first container selected.
    private func onContainer(readOnly: Bool = false, width: Int = 200, height: Int = 20) throws -> (AppState, hostname: String, id: String, name: String) {
        let snapshot = try LabFixtures.snapshot()
        var state = AppState.loaded(snapshot, readOnly: readOnly, width: width, height: height)
        state.type("4")
        XCTAssertEqual(state.pane, .containers)
        let engine = try XCTUnwrap(snapshot.engines.first { !$0.containers.isEmpty })
        let container = try XCTUnwrap(engine.containers.first)
        state.select(.container(hostname: engine.hostname, id: container.id))
        return (state, engine.hostname, container.id, container.name)
    }

    private func screen(_ state: AppState) -> [String] {
        render(state, width: state.width, height: state.height, now: now).lines
    }

    func testDMeansChangesInContainersAndTasksAndDrainOnNodes() {
        let keymap = Keymap.standard
        XCTAssertNil(keymap.clash)
        XCTAssertEqual(keymap.binding(for: .char("d"), pane: .containers, inDialog: false)?.command, .openChanges)
        XCTAssertEqual(keymap.binding(for: .char("d"), pane: .tasks, inDialog: false)?.command, .openChanges)
        XCTAssertEqual(keymap.binding(for: .char("d"), pane: .nodes, inDialog: false)?.command, .setAvailability(.drain))
        XCTAssertEqual(keymap.binding(for: .char("/"), pane: .containers, inDialog: false, inChanges: true)?.command, .filterChanges)
        XCTAssertEqual(keymap.binding(for: .escape, pane: .containers, inDialog: false, inChanges: true)?.command, .closeChanges)
        XCTAssertNil(keymap.binding(for: .char("x"), pane: .containers, inDialog: false, inChanges: true), "no action on the swarm from the view")
    }

    func testDReadsTheContainersChangesOnItsNodeAndEscCloses() throws {
        var (state, hostname, id, name) = try onContainer()
        XCTAssertEqual(state.type("d"), [.readChanges(hostname: hostname, containerID: id, name: name)])
        XCTAssertTrue(screen(state).joined(separator: "\n").contains("reading the container's changes…"))
        XCTAssertEqual(state.press(.escape), [])
        XCTAssertNil(state.changes)
        XCTAssertEqual(state.pane, .containers)
    }

    func testReadOnlyAllowsIt() throws {
        var (state, hostname, id, name) = try onContainer(readOnly: true)
        XCTAssertEqual(state.type("d"), [.readChanges(hostname: hostname, containerID: id, name: name)])
    }

    func testDOnATaskReadsItsContainer() throws {
        let snapshot = try LabFixtures.snapshot()
        var state = AppState.loaded(snapshot, width: 120, height: 20)
        state.type("3")
        let task = try XCTUnwrap(snapshot.tasks.first { $0.state == "running" && $0.status?.containerStatus?.containerID != nil })
        state.select(.task(task.id))
        guard case .readChanges(let hostname, let containerID, _)? = state.type("d").first else { return XCTFail("no read") }
        XCTAssertEqual(containerID, task.status?.containerStatus?.containerID)
        XCTAssertEqual(hostname, snapshot.node(id: task.nodeID)?.hostname)
    }

    func testTheTreeRendersWithSizesAndMeanings() throws {
        var (state, hostname, id, _) = try onContainer()
        state.type("d")
        _ = reduce(&state, .changesRead(hostname: hostname, containerID: id, try LabFixtures.probeTree()))
        let lines = screen(state)
        XCTAssertTrue(lines[1].hasPrefix("changes of container "), lines[1])
        XCTAssertTrue(lines[1].contains("11 entries  overlay2: a changed file is copied up whole"), lines[1])
        XCTAssertEqual(lines[2].trimmingCharacters(in: .whitespaces),
                       "copied up from lower layers 307kB (1 file), newly written 102kB (3 files), 3 whiteouts, 1 opaque directory")
        let body = lines.map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertTrue(body.contains { $0.hasPrefix("C /data/") && $0.contains("410kB") }, body.joined(separator: "\n"))
        XCTAssertTrue(body.contains { $0.hasPrefix("C   big") && $0.contains("307kB") && $0.contains("copied up: the whole file") })
        XCTAssertTrue(body.contains { $0.hasPrefix("C   conf/") && $0.contains("replaced: opaque") })
        XCTAssertTrue(body.contains { $0.hasPrefix("D     a") && $0.contains("whiteout") })
        XCTAssertTrue(body.contains { $0.hasPrefix("A   new") && $0.contains("102kB") && $0.contains("new: written") })
    }

    func testSlashFiltersThePaths() throws {
        var (state, hostname, id, _) = try onContainer()
        state.type("d")
        _ = reduce(&state, .changesRead(hostname: hostname, containerID: id, try LabFixtures.probeTree()))
        state.type("/conf")
        XCTAssertEqual(state.changes?.typing, "conf")
        state.press(.enter)
        XCTAssertEqual(state.changes?.rows.map(\.path), ["/data", "/data/conf", "/data/conf/c", "/data/conf/a", "/data/conf/b"])
        XCTAssertTrue(screen(state)[1].contains("/conf  5 of 11 entries"), screen(state)[1])
        state.press(.down, .down)
        XCTAssertEqual(state.changes?.selected, 2)
        state.type("q")
        XCTAssertNil(state.changes)
        XCTAssertFalse(state.quit)
    }

    func testAReadForAnotherContainerIsIgnoredAndAFailureIsShown() throws {
        var (state, hostname, id, name) = try onContainer()
        state.type("d")
        _ = reduce(&state, .changesRead(hostname: hostname, containerID: "other", try LabFixtures.probeTree()))
        XCTAssertNil(state.changes?.changes)
        _ = reduce(&state, .effectFinished(.readChanges(hostname: hostname, containerID: id, name: name),
                                           message: "could not read what \(name) on \(hostname) changed: engine said 404: No such container", isError: true))
        XCTAssertTrue(screen(state)[2].contains("No such container"), screen(state)[2])
    }

    func testRMeasuresTheSelectedDirectorysFilesOnDemand() throws {
        var (state, hostname, id, name) = try onContainer()
        state.type("d")
        let all = try LabFixtures.probeStats()
        let partial = try LabFixtures.probeTree()
        let tree = ContainerChanges(containerID: partial.containerID, name: partial.name, driver: partial.driver,
                                    changes: partial.changes, stats: ["/data/big": try XCTUnwrap(all["/data/big"])])
        _ = reduce(&state, .changesRead(hostname: hostname, containerID: id, tree))
        XCTAssertTrue(screen(state)[2].contains("; sizes known for 1 of 4 files (the 50 asked)"), screen(state)[2])
        let keep = try XCTUnwrap(state.changes?.rows.firstIndex { $0.path == "/data/keep" })
        while state.changes?.selected != keep { state.press(.down) }
        XCTAssertEqual(state.type("r"), [.statPaths(hostname: hostname, containerID: id, name: name, paths: ["/data/keep/sub/z"])])
        _ = reduce(&state, .pathStatsRead(hostname: hostname, containerID: id, ["/data/keep/sub/z": try XCTUnwrap(all["/data/keep/sub/z"])], asked: 1))
        XCTAssertEqual(state.changes?.rows[state.changes?.selected ?? 0].path, "/data/keep", "the selection stays on its path")
        XCTAssertEqual(state.changes?.rows.first { $0.path == "/data/keep" }?.size, 2)
        XCTAssertEqual(state.type("r"), [])
        XCTAssertEqual(state.status?.text, "every size in /data/keep is known")
        let gone = try XCTUnwrap(state.changes?.rows.firstIndex { $0.path == "/data/gone" })
        while state.changes?.selected != gone { state.press(.down) }
        XCTAssertEqual(state.type("r"), [])
        XCTAssertEqual(state.status?.text, "/data/gone is deleted: a whiteout has no size")
    }
}
