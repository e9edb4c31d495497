import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// The inspect view (`i`, `:inspect`): opened on a service, node, task or container, filled with
/// the answers captured from the lab (`inspect/`), scrolled, switched to the raw JSON (`J`),
/// searched (`/`, n, N), secrets revealed and hidden (`v`), closed; allowed in read-only mode.
final class InspectViewTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private let webID = "spy5rzt324n5tyfjy3gibwxtk", demoID = "q4nh0oij9aifrsh8rv9l4ihpy"

    private func screen(_ state: AppState) -> [String] {
        render(state, width: state.width, height: state.height, now: Date(timeIntervalSince1970: 1_796_292_000)).lines
    }

    /// The lab when inspect's answers were captured, on the Services pane, `serviceID` selected.
    private func onService(_ serviceID: String, readOnly: Bool = false, height: Int = 24) throws -> AppState {
        var state = AppState.loaded(try LabFixtures.inspectSnapshot(), readOnly: readOnly, width: 100, height: height)
        state.type("2")
        state.select(.service(serviceID))
        return state
    }

    /// `i` on `serviceID`, answered with its captured JSON (lab_web's network named).
    private func inspected(_ serviceID: String, file: String, height: Int = 24) throws -> AppState {
        var state = try onService(serviceID, height: height)
        let effects = state.type("i")
        guard case .inspect(_, let view)? = effects.first else { throw XCTSkip("no inspect effect: \(effects)") }
        _ = reduce(&state, .inspected(InspectAnswer(json: try LabFixtures.inspectData(file), networkNames: ["lt6s8s7c7i5j20tzujdltj7jl": "lab_webnet"]),
                                      view: view))
        return state
    }

    func testIOnAServiceAsksForItByIDAndShowsItsSectionsOverThePane() throws {
        var state = try onService(webID)
        XCTAssertEqual(state.type("i"), [.inspect(.service(id: webID, name: "lab_web"), view: 1)])
        XCTAssertTrue(screen(state)[1].hasPrefix("inspect service lab_web"), screen(state)[1])
        XCTAssertEqual(screen(state)[2].trimmingCharacters(in: .whitespaces), "reading…")
        _ = reduce(&state, .inspected(InspectAnswer(json: try LabFixtures.inspectData("service-lab_web.json")), view: 1))
        let shown = screen(state)
        XCTAssertTrue(shown[1].hasSuffix("rows 1-20 of \(state.inspect?.rows.count ?? 0)"), shown[1])
        XCTAssertEqual(shown[2], "Service")
        XCTAssertTrue(shown[3].hasPrefix("  ID:           spy5rzt324n5tyfjy3gibwxtk"), shown[3])
        XCTAssertTrue(screen(state)[22].contains("J json") && screen(state)[22].contains("v reveal") && screen(state)[22].contains("/ search"),
                      screen(state)[22])
    }

    func testItScrollsWithJKPagesGAndG() throws {
        var state = try inspected(webID, file: "service-lab_web.json")
        let rows = try XCTUnwrap(state.inspect?.rows.count)
        state.type("jj")
        XCTAssertEqual(state.inspect?.top, 2)
        state.type("k")
        XCTAssertEqual(state.inspect?.top, 1)
        state.type("G")
        XCTAssertEqual(state.inspect?.top, rows - state.layout.tableRows)
        XCTAssertEqual(screen(state)[1 + state.layout.tableRows].trimmingCharacters(in: .whitespaces),
                       state.inspect?.rows.last?.text.trimmingCharacters(in: .whitespaces), "the last row is on the last line")
        state.press(.pageUp)
        XCTAssertEqual(state.inspect?.top, rows - 2 * state.layout.tableRows)
        state.type("g")
        XCTAssertEqual(state.inspect?.top, 0)
    }

    func testJShowsTheRawJSONAndSlashSearchesItWithNAndShiftN() throws {
        var state = try inspected(webID, file: "service-lab_web.json")
        state.type("J")
        XCTAssertTrue(screen(state)[1].contains("raw JSON"), screen(state)[1])
        XCTAssertEqual(screen(state)[2], "{")
        XCTAssertEqual(screen(state)[3], #"  "ID": "spy5rzt324n5tyfjy3gibwxtk","#)
        state.type("/nanocpus")
        XCTAssertTrue(screen(state)[22].hasPrefix("/nanocpus▏"), screen(state)[22])
        state.press(.enter)
        let json = try XCTUnwrap(state.inspect?.rows.map(\.text))
        let match = try XCTUnwrap(state.inspect?.search.match)
        XCTAssertTrue(json[match].contains(#""NanoCPUs": 100000000"#), json[match])
        XCTAssertTrue(screen(state).contains { $0.contains(#""NanoCPUs": 100000000"#) }, "the match is brought on screen")
        state.type("/PublishedPort")
        state.press(.enter)
        let first = try XCTUnwrap(state.inspect?.search.match)
        state.type("n")
        let second = try XCTUnwrap(state.inspect?.search.match)
        XCTAssertGreaterThan(second, first)
        state.type("N")
        XCTAssertEqual(state.inspect?.search.match, first)
        state.type("/no such text")
        state.press(.enter)
        XCTAssertEqual(state.status?.text, "not found: no such text")
        state.type("J")
        XCTAssertEqual(screen(state)[2], "Service", "J again shows the sections")
    }

    func testVRevealsSecretLookingValuesAndHidesThemAgain() throws {
        var state = try inspected(demoID, file: "service-hinspect_demo.json", height: 60)
        XCTAssertTrue(screen(state).contains("  DB_PASSWORD=••••••"), screen(state).joined(separator: "\n"))
        XCTAssertFalse(screen(state).joined().contains("hunter2"))
        state.type("v")
        XCTAssertTrue(screen(state).contains("  DB_PASSWORD=hunter2"))
        XCTAssertTrue(screen(state)[1].contains("secrets shown"), screen(state)[1])
        state.type("v")
        XCTAssertFalse(screen(state).joined().contains("hunter2"))
        state.type("/hunter")
        state.press(.enter)
        XCTAssertEqual(state.status?.text, "not found: hunter", "a hidden value is not found either")
    }

    func testEscAndQCloseItAndTheFailureOfAReadIsShownInIt() throws {
        var state = try inspected(webID, file: "service-lab_web.json")
        state.press(.escape)
        XCTAssertNil(state.inspect)
        XCTAssertFalse(state.quit)
        XCTAssertEqual(state.pane, .services)
        state.type("i")
        let target = InspectTarget.service(id: webID, name: "lab_web")
        _ = reduce(&state, .effectFinished(.inspect(target, view: 1), message: "stale", isError: true))
        XCTAssertNil(state.inspect?.failure, "the answer of a closed view is dropped")
        _ = reduce(&state, .effectFinished(.inspect(target, view: 2), message: "could not inspect service lab_web: No such service: spy5", isError: true))
        XCTAssertEqual(screen(state)[2], "could not inspect service lab_web: No such service: spy5")
        state.type("q")
        XCTAssertNil(state.inspect)
        XCTAssertFalse(state.quit)
    }

    func testReadOnlyAllowsItAndOtherRowsAskForTheirKind() throws {
        var state = try onService(webID, readOnly: true)
        XCTAssertEqual(state.type("i"), [.inspect(.service(id: webID, name: "lab_web"), view: 1)])
        state.press(.escape)
        state.type("1")
        state.select(.node("ksvw4y00hdue9nu1dkb2sm3hv"))
        XCTAssertEqual(state.type("i"), [.inspect(.node(id: "ksvw4y00hdue9nu1dkb2sm3hv", hostname: "node2"), view: 2)])
        state.press(.escape)
        state.type("3")
        state.select(.task("k32gzvhz8qz90mgqgtggjnrlb"))
        XCTAssertEqual(state.type("i"), [.inspect(.task(id: "k32gzvhz8qz90mgqgtggjnrlb", name: "lab_viz.1", serviceID: "5wkk5izbwavwbtgaw56v7bzri"), view: 3)])
        state.press(.escape)
        state.type("4")
        let id = "f9974bf8ef45456da01e6c6b6a553b9a4259f8e6d14c427c7d41ad915a1453a0"
        state.select(.container(hostname: "node2", id: id))
        XCTAssertEqual(state.type("i"), [.inspect(.container(hostname: "node2", id: id, name: "lab_web.4.dm1i2gkm8yc0o1wb1ej6mrby4"), view: 4)])
    }

    func testColonInspectOpensTheSelectionOrAServiceByName() throws {
        var state = try onService(demoID)
        state.type(":inspect web")
        XCTAssertEqual(state.press(.enter), [.inspect(.service(id: webID, name: "lab_web"), view: 1)])
        state.press(.escape)
        state.type(":inspect")
        XCTAssertEqual(state.press(.enter), [.inspect(.service(id: demoID, name: "hinspect_demo"), view: 2)])
        state.press(.escape)
        state.type(":inspect nope")
        state.press(.enter)
        XCTAssertEqual(state.prompt?.error, "no service nope")
    }

    func testAStackHeadingIsRefusedWithWhatToSelect() throws {
        var state = try onService(webID)
        state.select(.stack("lab"))
        XCTAssertEqual(state.type("i"), [])
        XCTAssertEqual(state.status?.text, "lab is a stack: select one of its services to inspect it")
    }

    func testTheRawJSONIsEscapedAsThePanesAre() throws {
        var state = try onService(webID)
        state.type("i")
        let hostile = Data("{\"Spec\":{\"Name\":\"lab_web\",\"Labels\":{\"x\":\"\u{9b}31m\u{202e}red\"}}}".utf8)
        _ = reduce(&state, .inspected(InspectAnswer(json: hostile), view: 1))
        state.type("J")
        let shown = screen(state).joined(separator: "\n")
        XCTAssertFalse(shown.contains("\u{9b}") || shown.contains("\u{202e}"), shown)
        XCTAssertTrue(shown.contains(#""x": "\x9B31m‹U+202E›red""#), shown)
        XCTAssertTrue(state.inspect?.rows.contains { $0.text == #"      "x": "\x9B31m‹U+202E›red""# } == true,
                      "the rows searched are the rows shown: \(state.inspect?.rows.map(\.text) ?? [])")
        state.type("J")
        XCTAssertTrue(screen(state).contains(#"  x=\x9B31m‹U+202E›red"#), screen(state).joined(separator: "\n"))
    }

    /// A Placement card is a task, a Disk row a container: `i` reads them as such.
    func testOnAPlacementCardATaskOnADiskRowAContainer() throws {
        var state = AppState.loaded(try LabFixtures.inspectSnapshot(), width: 150, height: 30)
        state.type("5")
        guard case .task(let taskID)? = state.selection.id else { return XCTFail("\(String(describing: state.selection.id))") }
        guard case .inspect(.task(let id, _, _), _)? = state.type("i").first else { return XCTFail("no task inspected") }
        XCTAssertEqual(id, taskID)
        state.press(.escape)
        state = AppState.loaded(try LabFixtures.diskSnapshot(), width: 150, height: 30)
        state.type("6")
        guard case .container(let hostname, let containerID)? = state.selection.id else { return XCTFail("\(String(describing: state.selection.id))") }
        guard case .inspect(.container(hostname, containerID, _), _)? = state.type("i").first else { return XCTFail("no container inspected") }
    }
}
