import Foundation
import XCTest

/// Inspect in the real binary, in tmux against the lab: `i` on lab_web in the Services pane
/// shows its limits, restart policy and network; `J` the raw JSON; Esc goes back to the pane.
final class InspectEndToEndTests: XCTestCase {
    func testIOnLabWebShowsItsLimitsThenJTheJSONThenEscBack() throws {
        let env = try E2E.labEnvironment()
        let t = try Tmux("'\(E2E.binary)' --read-only; echo \"exit=$?\"; sleep 120", environment: env)
        try t.waitFor("Leader")
        try t.send("2")
        try t.waitFor("lab_web")
        try t.send("/", "lab_web", "Enter", "G")
        try t.waitFor("lab_web alone") { $0.contains("lab_web") && !$0.contains("lab_viz") }
        try t.send("i")
        var screen = try t.waitFor("lab_web's sections") { $0.contains("inspect service lab_web") && $0.contains("Resources") }
        let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertTrue(lines.contains("Limits:"), screen)
        XCTAssertTrue(lines.contains { $0.hasPrefix("CPU:") && $0.hasSuffix(" 0.1") }, screen)
        XCTAssertTrue(lines.contains { $0.hasPrefix("Memory:") && $0.hasSuffix(" 50MiB") }, screen)
        try t.send("/", "Condition", "Enter")
        screen = try t.waitFor("the restart policy") { $0.contains("on-failure") }
        try t.send("/", "lab_webnet", "Enter")
        screen = try t.waitFor("its network") { $0.contains("lab_webnet  aliases web") }
        try t.send("J")
        screen = try t.waitFor("the raw JSON") { $0.contains("raw JSON") && $0.contains(#""Name": "lab_web","#) }
        try t.send("/", "MemoryBytes", "Enter")
        try t.waitFor("the limit in bytes") { $0.contains(#""MemoryBytes": 52428800"#) }
        try t.send("Escape")
        try t.waitFor("the services pane again") { !$0.contains("inspect service") && $0.contains("lab_web") && $0.contains("REPLICAS") }
        try t.send("q")
        try t.waitFor("exit=0")
    }
}
