import Foundation
import XCTest

/// Without a usable terminal, swarmtop says why and exits 1 instead of drawing garbage or spinning.
final class TerminalRefusalEndToEndTests: XCTestCase {
    func testWithoutATerminalOnStdinItRefusesWithAMessage() throws {
        var env = try E2E.labEnvironment()
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        let result = try E2E.run([], environment: env)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.err.contains("swarmtop needs a terminal"), result.err)
    }

    func testADumbOrUnknownTerminalIsRefusedByName() throws {
        let t = try Tmux("TERM=dumb '\(E2E.binary)'; echo \"exit=$?\"; TERM=nosuch '\(E2E.binary)'; echo \"exit=$?\"; sleep 60",
                         environment: try E2E.labEnvironment())
        let screen = try t.waitFor("both refusals") { $0.components(separatedBy: "exit=1").count == 3 }
        XCTAssertTrue(screen.contains("terminal type \"dumb\" cannot move the cursor"), screen)
        XCTAssertTrue(screen.contains("unknown terminal type \"nosuch\""), screen)
    }
}
