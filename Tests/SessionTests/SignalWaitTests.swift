import Foundation
import Session
import XCTest

final class SignalWaitTests: XCTestCase {
    func testTheFirstSignalEndsTheWaitAndIsCaught() async {
        // SIGUSR2 would end the test process if it were not caught.
        let sender = Task {
            try? await Task.sleep(for: .milliseconds(100))
            kill(getpid(), SIGUSR2)
        }
        let signal = await SignalWait.first(of: [SIGUSR1, SIGUSR2], orAfter: 10)
        sender.cancel()
        XCTAssertEqual(signal, SIGUSR2)
    }

    func testTheTimeUpEndsTheWaitWithoutASignal() async {
        let started = Date()
        let signal = await SignalWait.first(of: [SIGUSR1], orAfter: 0.05)
        XCTAssertNil(signal)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }
}
