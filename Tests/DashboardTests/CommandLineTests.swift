import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// The `:` command line: parsing, Tab completion, and what each command does to the state.
final class CommandLineTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private func lab(readOnly: Bool = false) throws -> AppState {
        var state = AppState(endpoint: "unix:///run/swarmtop-lab/node1.sock", readOnly: readOnly,
                             themeNames: ["dark", "default", "high-contrast", "light", "mono", "solarized-dark"],
                             timeZone: .utc, width: 100, height: 24)
        _ = reduce(&state, .snapshot(try LabFixtures.snapshot()))
        return state
    }

    func testParsing() {
        XCTAssertEqual(ColonCommand.parse("tasks"), .success(.show(.tasks)))
        XCTAssertEqual(ColonCommand.parse("service"), .success(.show(.services)))
        XCTAssertEqual(ColonCommand.parse("pl"), .success(.show(.placement)))
        XCTAssertEqual(ColonCommand.parse("ta"), .success(.show(.tasks)))
        XCTAssertEqual(ColonCommand.parse("4"), .success(.show(.containers)))
        XCTAssertEqual(ColonCommand.parse("  scale   lab_web  3 "), .success(.scale(service: "lab_web", replicas: 3)))
        XCTAssertEqual(ColonCommand.parse("scale web=0"), .success(.scale(service: "web", replicas: 0)))
        XCTAssertEqual(ColonCommand.parse("stack rm lab"), .success(.removeStack("lab")))
        XCTAssertEqual(ColonCommand.parse("stack down lab"), .success(.removeStack("lab")))
        XCTAssertEqual(ColonCommand.parse("theme light"), .success(.theme("light")))
        XCTAssertEqual(ColonCommand.parse("q"), .success(.quit))
        XCTAssertEqual(ColonCommand.parse("q!"), .success(.quit))
        XCTAssertEqual(ColonCommand.parse("help"), .success(.help))
        XCTAssertEqual(ColonCommand.parse("s"), .failure(.init("s is ambiguous: scale, seek, services, stack")))
        XCTAssertEqual(ColonCommand.parse("t"), .failure(.init("t is ambiguous: tasks, theme")))
        XCTAssertEqual(ColonCommand.parse("h"), .success(.help))
        XCTAssertEqual(ColonCommand.parse("sc web 2"), .success(.scale(service: "web", replicas: 2)))
        XCTAssertEqual(ColonCommand.parse("th dark"), .success(.theme("dark")))
        XCTAssertEqual(ColonCommand.parse("pods"), .failure(.init("unknown command pods: try containers, context, disk, events, help, inspect, nodes, placement, quit, scale, seek, services, stack, tasks, theme")))
        XCTAssertEqual(ColonCommand.parse("scale web"), .failure(.init("usage: scale SERVICE REPLICAS (or SERVICE=REPLICAS)")))
        XCTAssertEqual(ColonCommand.parse("scale web -1"), .failure(.init("-1 is not a number of replicas")))
        XCTAssertEqual(ColonCommand.parse("stack ls"), .failure(.init("usage: stack rm STACK")))
        XCTAssertEqual(ColonCommand.parse(""), .failure(.init("type a command: containers, context, disk, events, help, inspect, nodes, placement, quit, scale, seek, services, stack, tasks, theme")))
    }

    func testTabCompletesWhatFitsWhereTheWordStands() {
        let completion = ColonCompletion(services: ["lab_web", "lab_viz", "web", "viz"], stacks: ["lab"], themes: ["dark", "default"], contexts: ["lab", "prod"])
        XCTAssertEqual(completion.complete("sc").line, "scale ")
        XCTAssertEqual(completion.complete("s").line, "s")
        XCTAssertEqual(completion.complete("s").candidates, ["scale", "seek", "services", "stack"])
        XCTAssertEqual(completion.complete("st").line, "stack ")
        XCTAssertEqual(completion.complete("stack ").line, "stack rm ")
        XCTAssertEqual(completion.complete("stack rm l").line, "stack rm lab ")
        XCTAssertEqual(completion.complete("scale lab_").line, "scale lab_")
        XCTAssertEqual(completion.complete("scale lab_").candidates, ["lab_viz", "lab_web"])
        XCTAssertEqual(completion.complete("scale w").line, "scale web ")
        XCTAssertEqual(completion.complete("theme d").line, "theme d")
        XCTAssertEqual(completion.complete("theme de").line, "theme default ")
        XCTAssertEqual(completion.complete("theme x").candidates, [])
        XCTAssertEqual(completion.complete("scale web 3").line, "scale web 3", "nothing to complete after the count")
        XCTAssertEqual(completion.complete("context p").line, "context prod ")
    }

    func testTabCompletesFromTheSwarm() throws {
        var state = try lab()
        state.press(.char(":"))
        state.type("scale lab_s")
        state.press(.tab)
        XCTAssertEqual(state.prompt?.text, "scale lab_scribbler ")
        state.press(.escape)
        state.press(.char(":"))
        state.type("scale ")
        state.press(.tab)
        XCTAssertEqual(state.prompt?.candidates, ["agent", "lab_agent", "lab_scribbler", "lab_viz", "lab_web", "scribbler", "viz", "web"])
        let lines = render(state, width: 100, height: 24, now: try LabFixtures.capturedAt()).lines
        XCTAssertEqual(lines[22], ":scale    agent lab_agent lab_scribbler lab_viz lab_web scribbler viz web")
    }

    func testScaleByTheNameInsideTheStackAsksFirst() throws {
        var state = try lab()
        state.press(.char(":"))
        state.type("scale web 3")
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertNil(state.prompt)
        let confirmation = try XCTUnwrap(state.confirmation)
        XCTAssertEqual(confirmation.message.first, "Scale service lab_web from 5 to 3 replicas?")
        guard case .scale(_, "lab_web", 5, 3)? = state.press(.char("y")).first else { return XCTFail("no scale effect") }
    }

    func testScaleRefusals() throws {
        var state = try lab()
        state.press(.char(":"))
        state.type("scale nope 3")
        state.press(.enter)
        XCTAssertEqual(state.prompt?.error, "no service nope", "the line stays open to be fixed")
        XCTAssertEqual(render(state, width: 100, height: 24, now: try LabFixtures.capturedAt()).lines[22], ":scale nope 3   no service nope")
        state.press(.escape)
        state.press(.char(":"))
        state.type("scale agent 3")
        state.press(.enter)
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.status?.text, "lab_agent is a global service: one task per node, no replica count to scale")
        state.press(.char(":"))
        state.type("scale web 5")
        state.press(.enter)
        XCTAssertEqual(state.status?.text, "lab_web already has 5 replicas")
    }

    func testStackRemovalWantsTheNameTyped() throws {
        var state = try lab()
        state.press(.char(":"))
        state.type("stack rm lab")
        XCTAssertEqual(state.press(.enter), [.listStack(name: "lab")])
        let typed = try XCTUnwrap(state.typedName)
        XCTAssertEqual(typed.name, "lab")
        guard case .removeStack(let contents) = typed.confirmation.effect else { return XCTFail("not a removal") }
        XCTAssertEqual(contents.stack, "lab")
        state.press(.escape, .char(":"))
        state.type("stack rm other")
        state.press(.enter)
        XCTAssertEqual(state.prompt?.error, "no stack other")
    }

    func testReadOnlyRefusesWhatChangesTheSwarmButNotTheRest() throws {
        var state = try lab(readOnly: true)
        for line in ["scale web 3", "stack rm lab"] {
            state.press(.char(":"))
            state.type(line)
            XCTAssertEqual(state.press(.enter), [])
            XCTAssertNil(state.dialog)
            XCTAssertEqual(state.status?.text, "refused: :\(line) would change the swarm (--read-only)")
        }
        state.press(.char(":"))
        state.type("tasks")
        state.press(.enter)
        XCTAssertEqual(state.pane, .tasks)
    }

    func testPanesHelpQuitAndTheme() throws {
        var state = try lab()
        state.press(.char(":"))
        state.type("containers")
        state.press(.enter)
        XCTAssertEqual(state.pane, .containers)
        state.press(.char(":"))
        state.type("theme light")
        XCTAssertEqual(state.press(.enter), [.loadTheme(name: "light")])
        XCTAssertNil(state.theme)
        _ = reduce(&state, .themeLoaded(name: "light", Theme.default))
        XCTAssertEqual(state.theme, Theme.default)
        XCTAssertEqual(state.status?.text, "theme light")
        state.press(.char(":"))
        state.type("help")
        state.press(.enter)
        XCTAssertTrue(state.showsHelp)
        state.press(.escape, .char(":"), .char("q"), .enter)
        XCTAssertTrue(state.quit)
    }

    func testTheLineTakesLettersThatAreKeysElsewhere() throws {
        var state = try lab()
        state.press(.char("2"), .char(":"))
        state.type("q+-Dx")
        XCTAssertFalse(state.quit)
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.prompt?.text, "q+-Dx")
        state.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        XCTAssertNil(state.prompt, "Backspace on the empty line closes it")
        state.press(.char(":"))
        _ = reduce(&state, .key(.ctrl("c")))
        XCTAssertTrue(state.quit, "Ctrl-C quits from the line too")
    }
}
