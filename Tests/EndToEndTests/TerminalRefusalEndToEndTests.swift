import Foundation
import XCTest

/// Without a usable terminal, swarmtop says why and exits 1 instead of drawing garbage or spinning.
final class TerminalRefusalEndToEndTests: XCTestCase {
    func testWithoutATerminalOnStdinItRefusesWithAMessage() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: E2E.binary)
        var env = try E2E.labEnvironment()
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        p.environment = env
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 1)
        XCTAssertTrue(message.contains("swarmtop needs a terminal"), message)
    }

    func testADumbOrUnknownTerminalIsRefusedByName() throws {
        let t = try Tmux("TERM=dumb '\(E2E.binary)'; echo \"exit=$?\"; TERM=nosuch '\(E2E.binary)'; echo \"exit=$?\"; sleep 60",
                         environment: try E2E.labEnvironment())
        let screen = try t.waitFor("both refusals") { $0.components(separatedBy: "exit=1").count == 3 }
        XCTAssertTrue(screen.contains("terminal type \"dumb\" cannot move the cursor"), screen)
        XCTAssertTrue(screen.contains("unknown terminal type \"nosuch\""), screen)
    }
}
