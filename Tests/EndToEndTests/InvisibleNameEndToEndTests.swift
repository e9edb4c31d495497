import Foundation
import XCTest

/// A stack whose name holds a zero-width space, in the real binary in tmux against the lab: the
/// name is shown with the space visible (`‹U+200B›`), not as a look-alike of another name, and
/// it can be typed as shown in the remove dialog.
final class InvisibleNameEndToEndTests: XCTestCase {
    func testAStackNameWithAZeroWidthSpaceIsShownAndTypedVisibly() throws {
        let stack = "hvalues\u{200B}zw", shown = "hvalues‹U+200B›zw", service = "hvalues_zw"
        _ = try? E2E.docker(["service", "rm", service])
        try E2E.docker(["service", "create", "--detach", "--name", service, "--label", "com.docker.stack.namespace=\(stack)",
                        "swarmtop-lab/busybox:1", "sh", "-c", "while true; do sleep 3600; done"])
        defer { _ = try? E2E.docker(["service", "rm", service]) }
        let t = try Tmux("'\(E2E.binary)' --pane services; echo \"exit=$?\"; sleep 120", environment: try E2E.labEnvironment())
        try t.waitFor("▾ \(shown)")
        try t.send("Home")
        for _ in 0..<60 where !(try t.screen().contains("Remove stack \(shown)?")) {
            if try t.screen().contains("Esc cancel") { try t.send("Escape") }
            try t.send("j", "D")
            Thread.sleep(forTimeInterval: 0.4)
        }
        let dialog = try t.waitFor("Type \(shown) and press Enter")
        XCTAssertTrue(dialog.contains("‹ and › may be typed as < and >"), dialog)
        for c in "hvalueszw" { try t.send(String(c)) }
        try t.send("Enter")
        try t.waitFor("exactly, or Esc to cancel")
        for _ in "hvalueszw" { try t.send("BSpace") }
        for c in "hvalues<U+200B>zw" { try t.send(String(c)) }
        try t.send("Enter")
        try t.waitFor("removed 1 service")
        try E2E.eventually(30, "\(service) removed") {
            try E2E.docker(["service", "ls", "-q", "--filter", "name=\(service)"]).isEmpty
        }
        try t.send("q")
        try t.waitFor("exit=0")
    }
}
