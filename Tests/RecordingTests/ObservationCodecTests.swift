import Foundation
import LabFixtures
@testable import Recording
import SwarmState
import XCTest

/// The line format over the engine answers captured from the lab: every body comes back byte
/// for byte, and repeated or slightly changed answers are written as `same` or as deltas.
final class ObservationCodecTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_795_950_000)

    /// The captured answers, then the tasks list changed as a swarm changes it: one task
    /// removed, one changed, the order reversed, and the same list again.
    private func observations() throws -> [EngineObservation] {
        var all: [EngineObservation] = []
        var t = 0.0
        func add(_ engine: EngineObservation.Engine, _ content: EngineObservation.Content) {
            t += 0.25
            all.append(EngineObservation(engine, content, at: start.addingTimeInterval(t)))
        }
        let manager: [(String, String)] = [("/info", "info-manager.json"), ("/nodes", "nodes.json"),
                                           ("/services?status=true", "services.json"), ("/tasks", "tasks.json"),
                                           ("/networks", "networks.json"), ("/configs", "configs.json"), ("/secrets", "secrets.json")]
        add(.manager, .apiVersion("1.41"))
        add(.manager, .engines([.init(hostname: "node1", endpoint: "unix:///run/swarmtop-lab/node1.sock", origin: "--node-host", problem: nil),
                                .init(hostname: "node2", endpoint: "", origin: nil, problem: "the template did not expand")]))
        for (path, file) in manager { add(.manager, .answer(path: path, body: try LabFixtures.data(file), took: nil)) }
        for host in ["node1", "node2"] {
            add(.node(hostname: host), .answer(path: "/containers/json?all=1&size=1", body: try LabFixtures.data("containers-\(host).json"), took: 0.125))
        }
        let events = try LabFixtures.data("events-sample.txt").split(separator: UInt8(ascii: "\n")).map { Data($0) }
        for event in events { add(.manager, .event(event)) }
        let tasks = try XCTUnwrap(JSONArrayLayout(try LabFixtures.data("tasks.json")))
        var changed = tasks
        changed.elements.removeFirst()
        changed.elements[0].bytes = Data(String(decoding: changed.elements[0].bytes, as: UTF8.self)
            .replacingOccurrences(of: "\"running\"", with: "\"failed\"").utf8)
        var reversed = changed
        reversed.elements.reverse()
        for body in [changed.bytes, reversed.bytes, reversed.bytes, tasks.bytes] {
            add(.manager, .answer(path: "/tasks", body: body, took: nil))
        }
        add(.node(hostname: "node2"), .failure(path: "/containers/json?all=1", error: "engine said 500: boom"))
        add(.node(hostname: "node2"), .unreachable("the event stream went silent and /_ping failed"))
        add(.node(hostname: "node1"), .sizeInterval(42.5))
        add(.manager, .roundEnd)
        add(.manager, .managerChanged(endpoint: "unix:///run/swarmtop1-lab/node2.sock",
                                      reason: "cannot reach unix:///run/swarmtop1-lab/node1.sock: connection refused"))
        add(.manager, .answer(path: "/_ping", body: Data([0xFF, 0x00, 0x4F, 0x4B]), took: nil))  // not UTF-8
        return all
    }

    func testEveryCapturedAnswerComesBackByteForByte() throws {
        let observations = try observations()
        var encoder = ObservationEncoder(start: start)
        var decoder = ObservationDecoder(start: start)
        for observation in observations {
            let line = try encoder.encode(observation)
            XCTAssertEqual(line.last, UInt8(ascii: "\n"))
            XCTAssertEqual(line.dropLast().firstIndex(of: UInt8(ascii: "\n")), nil, "one line per observation")
            XCTAssertEqual(try decoder.decode(line.dropLast()), observation)
        }
    }

    func testChangedAndRepeatedAnswersAreWrittenAsDeltasAndSame() throws {
        var encoder = ObservationEncoder(start: start)
        let lines = try observations().map { encoder.line($0) }
        let tasks = lines.filter { $0.path == "/tasks" }
        XCTAssertEqual(tasks.map(\.kind), [.answer, .delta, .delta, .same, .delta])
        XCTAssertEqual(tasks[1].removed?.count, 1)
        XCTAssertEqual(tasks[1].changed?.count, 1)
        XCTAssertNil(tasks[1].order, "the order left after a removal is implied")
        XCTAssertEqual(tasks[2].changed ?? [], [])
        XCTAssertNotNil(tasks[2].order, "a reversed list names its order")
        let full = try LabFixtures.data("tasks.json").count
        let deltaSize = try RecordingLine.encoder.encode(tasks[1]).count
        XCTAssertLessThan(deltaSize * 4, full, "a one-task change is a fraction of the list")
    }

    func testTimesComeBackBitForBit() throws {
        let start = Date()
        var encoder = ObservationEncoder(start: start)
        var decoder = ObservationDecoder(start: start)
        for offset in [0.000_123_456_789, 3723.456_789_012_345, 86_399.999_999_9, -0.25] {
            let at = Date(timeIntervalSinceReferenceDate: start.timeIntervalSinceReferenceDate + offset)
            let line = try encoder.encode(EngineObservation(.manager, .apiVersion("1.41"), at: at))
            XCTAssertEqual(try decoder.decode(line.dropLast()).at, at, "\(offset)")
        }
    }

    func testALineThatIsNotJSONSaysSo() {
        var decoder = ObservationDecoder(start: start)
        XCTAssertThrowsError(try decoder.decode(Data("{\"t\":1,\"kind\":\"nope\"}".utf8))) { error in
            XCTAssertTrue("\(error)".hasPrefix("not a recording line"), "\(error)")
        }
        XCTAssertThrowsError(try decoder.decode(Data("{\"t\":1,\"kind\":\"same\",\"path\":\"/tasks\"}".utf8))) { error in
            XCTAssertEqual("\(error)", "a same answer to /tasks without a previous answer")
        }
    }
}
