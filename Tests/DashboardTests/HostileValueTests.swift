import Foundation
import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// Engine values at the edges of their types (the lab's captured answers with one value
/// changed), and names holding invisible characters: nothing traps, and nothing hides.
final class HostileValueTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    /// The lab's `services.json` with `edit` applied to the raw object of the service `name`.
    private func labServices(editing name: String, _ edit: (inout [String: Any]) -> Void) throws -> [Service] {
        var services = try XCTUnwrap(JSONSerialization.jsonObject(with: LabFixtures.data("services.json")) as? [[String: Any]])
        let index = try XCTUnwrap(services.firstIndex { ($0["Spec"] as? [String: Any])?["Name"] as? String == name })
        edit(&services[index])
        return try DockerJSON.decode([Service].self, from: JSONSerialization.data(withJSONObject: services), path: "services.json")
    }

    /// The lab snapshot with these services.
    private func lab(services: [Service]) throws -> ClusterSnapshot {
        var snapshot = try LabFixtures.snapshot()
        snapshot.services = services
        return snapshot
    }

    func testAGlobalJobWithTheLargestCountsShowsThemWithoutOverflow() throws {
        let services = try labServices(editing: "lab_agent") { service in
            var spec = service["Spec"] as? [String: Any] ?? [:]
            spec["Mode"] = ["GlobalJob": [String: Any]()]
            service["Spec"] = spec
            service["ServiceStatus"] = ["RunningTasks": 0, "DesiredTasks": UInt64.max, "CompletedTasks": UInt64.max]
        }
        let agent = try XCTUnwrap(services.first { $0.name == "lab_agent" })
        XCTAssertEqual(ServicesView.replicas(agent).text,
                       "0/18446744073709551615 (18446744073709551615/18446744073709551615 completed)")
        var state = AppState.loaded(try lab(services: services), width: 120, height: 24)
        state.press(.char("2"))
        let lines = render(state, width: 120, height: 24, now: try LabFixtures.capturedAt()).lines
        XCTAssertTrue(lines.contains { $0.contains("lab_agent") && $0.contains("0/18446744073709551615") }, "\(lines)")
    }

    func testPortsAtTheEdgesOfIntDoNotOverflow() throws {
        func ports(_ json: String) throws -> [Service.PortConfig] {
            try DockerJSON.decode([Service.PortConfig].self, from: Data(json.utf8), path: "ports")
        }
        XCTAssertEqual(Format.ports(try ports("""
            [{"Protocol":"tcp","TargetPort":80,"PublishedPort":-9223372036854775808},
             {"Protocol":"tcp","TargetPort":81,"PublishedPort":9223372036854775807}]
            """)), "*:9223372036854775807->81/tcp")
        XCTAssertEqual(Format.ports(try ports("""
            [{"Protocol":"tcp","TargetPort":-9223372036854775808,"PublishedPort":1},
             {"Protocol":"tcp","TargetPort":9223372036854775807,"PublishedPort":2}]
            """)), "*:1->-9223372036854775808/tcp, *:2->9223372036854775807/tcp")
        XCTAssertEqual(Format.ports(try ports("""
            [{"Protocol":"tcp","TargetPort":9223372036854775806,"PublishedPort":9223372036854775806},
             {"Protocol":"tcp","TargetPort":9223372036854775807,"PublishedPort":9223372036854775807}]
            """)), "*:9223372036854775806-9223372036854775807->9223372036854775806-9223372036854775807/tcp")
    }

    func testDurationsThatAreNotNumbersOrTooLong() {
        for interval in [Double.nan, -.infinity, -1e300] {
            XCTAssertEqual(Format.humanDuration(interval), "Less than a second", "\(interval)")
            XCTAssertEqual(Format.shortAgo(interval), "0s ago", "\(interval)")
        }
        for interval in [Double.infinity, 1e300, 9.3e18] {
            XCTAssertEqual(Format.humanDuration(interval), "292471208677 years", "\(interval)")
            XCTAssertEqual(Format.shortAgo(interval), "106751991167300d ago", "\(interval)")
        }
    }

    func testAClockOfATimeThatIsNotANumberOrTooFar() {
        for seconds in [Double.nan, .infinity, -.infinity, 1e300, -1e300] {
            XCTAssertEqual(Format.clock(Date(timeIntervalSince1970: seconds), timeZone: .utc).count, 8, "\(seconds)")
        }
        XCTAssertEqual(Format.clock(Date(timeIntervalSince1970: 3_723), timeZone: .fixed(seconds: 3_600)), "02:02:03")
    }

    func testInvisibleCharactersAreShownNotDropped() {
        XCTAssertEqual(DisplayText.escaped("lab\u{200B}"), "lab‹U+200B›")
        XCTAssertEqual(DisplayText.graphemes("a\u{202E}b").map(\.text).joined(), "a‹U+202E›b")
        XCTAssertEqual(DisplayText.width("a\u{202E}b"), 10)
        XCTAssertEqual(DisplayText.escaped("we\u{200D}b"), "we‹U+200D›b", "a joiner between letters")
        XCTAssertEqual(DisplayText.escaped("\u{0301}web"), "‹U+0301›web", "a combining mark with nothing to combine with")
        XCTAssertEqual(DisplayText.escaped("\u{FEFF}x\u{2066}y\u{2069}"), "‹U+FEFF›x‹U+2066›y‹U+2069›")
        XCTAssertEqual(DisplayText.escaped("\u{9B}31m"), "\\x9B31m", "C1 controls stay escaped as before")
        XCTAssertEqual(DisplayText.escaped("a\u{3164}b\u{FE0F}c\u{034F}"), "a‹U+3164›b‹U+FE0F›c‹U+034F›", "fillers and selectors that draw nothing")
        for emoji in ["❤\u{FE0F}", "1\u{FE0F}\u{20E3}", "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"] {
            XCTAssertEqual(DisplayText.escaped(emoji), emoji, "an emoji keeps its selectors and tags")
        }
        let family = "👨\u{200D}👩\u{200D}👧"
        XCTAssertEqual(DisplayText.graphemes(family), [DisplayText.Grapheme(text: family, width: 2)], "an emoji sequence is one picture")
        XCTAssertEqual(DisplayText.escaped("é"), "é")
        XCTAssertNotEqual(DisplayText.truncate("web", to: 20), DisplayText.truncate("we\u{200B}b", to: 20))
    }

    func testAStackNameWithAnInvisibleCharacterCanBeTypedAsShown() throws {
        let name = "la\u{200B}b"
        var services = try JSONSerialization.jsonObject(with: LabFixtures.data("services.json")) as? [[String: Any]] ?? []
        for i in services.indices {
            var spec = services[i]["Spec"] as? [String: Any] ?? [:]
            var labels = spec["Labels"] as? [String: Any] ?? [:]
            labels["com.docker.stack.namespace"] = name
            spec["Labels"] = labels
            services[i]["Spec"] = spec
        }
        let decoded = try DockerJSON.decode([Service].self, from: JSONSerialization.data(withJSONObject: services), path: "services.json")
        var state = AppState.loaded(try lab(services: decoded), width: 100, height: 30)
        state.press(.char("2"), .char("D"))
        let listed = StackContents(stack: name, objects: [.secrets: [], .configs: [], .networks: []])
        _ = reduce(&state, .stackListed(listed))
        let typed = try XCTUnwrap(state.typedName)
        XCTAssertEqual(typed.name, name)
        let screen = render(state, width: 100, height: 30, now: try LabFixtures.capturedAt()).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Type la‹U+200B›b"), screen)
        state.type("lab")
        XCTAssertTrue(state.press(.enter).isEmpty, "the name without its invisible character is not the name")
        for _ in 0..<3 { state.press(.backspace) }
        state.type("la<U+200B>b")
        XCTAssertEqual(state.press(.enter).count, 1, "the visible form, with < and > for ‹ and ›, is accepted")
        XCTAssertNil(state.dialog)

        state.press(.char("D"))
        _ = reduce(&state, .stackListed(listed))
        state.type("la‹U+200B›b")
        XCTAssertEqual(state.press(.enter).count, 1, "the visible form as shown is accepted")

        state.press(.char(":"))
        state.type("stack rm la<U+200B>b")
        state.press(.enter)
        XCTAssertEqual(state.typedName?.name, name, "the command line takes the visible form too")
    }

    func testJSONOutputEscapesC1ControlsBidiAndInvisibleCharacters() throws {
        struct Row: Encodable { var name: String }
        let original = "a\u{9B}31m\u{202E}b\u{200B}c\u{7F}\u{E0041}é"
        let data = try JSONText.encode(Row(name: original), with: JSONEncoder())
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(text, #"{"name":"a\u009b31m\u202eb\u200bc\u007f\udb40\udc41é"}"#)
        let back = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: String])
        XCTAssertEqual(back["name"], original, "the escapes decode to the same text")
    }
}
