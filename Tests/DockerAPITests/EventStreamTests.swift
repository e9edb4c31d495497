import DockerAPI
import LabFixtures
import XCTest

/// The event stream's pieces: decoding captured events, splitting lines, the filters sent.
final class EventStreamTests: XCTestCase {
    func testCapturedEventsDecodeWithTheirNanosecondTime() throws {
        let data = try LabFixtures.data("events-sample.txt")
        var splitter = LineSplitter()
        let events = try splitter.feed(data).map { try DockerJSON.decode(DockerEvent.self, from: Data($0), path: "/events") }
        XCTAssertGreaterThan(events.count, 3)
        let first = try XCTUnwrap(events.first)
        XCTAssertEqual(first.type, "service")
        XCTAssertEqual(first.action, "update")
        XCTAssertEqual(first.actor?.attributes?["replicas.new"], "6")
        XCTAssertEqual(first.sinceParameter, "1795952080.823133959")
        let container = try XCTUnwrap(events.first { $0.type == "container" })
        XCTAssertNotNil(container.actor?.attributes?["com.docker.swarm.task.id"])
        let exec = try XCTUnwrap(events.first { $0.action.hasPrefix("exec_create") })
        XCTAssertEqual(exec.baseAction, "exec_create")
    }

    func testLinesSplitAcrossChunksAndEmptyLinesAreSkipped() {
        var splitter = LineSplitter()
        XCTAssertEqual(splitter.feed(Array("{\"a\":".utf8)), [])
        XCTAssertEqual(splitter.feed(Array("1}\n\n{\"b\":2}\n{\"c".utf8)).map { String(decoding: $0, as: UTF8.self) },
                       ["{\"a\":1}", "{\"b\":2}"])
        XCTAssertEqual(splitter.feed(Array("\":3}\n".utf8)).map { String(decoding: $0, as: UTF8.self) }, ["{\"c\":3}"])
    }

    func testAnOverlongLineIsDroppedWholeAndMemoryStaysBounded() {
        var splitter = LineSplitter(maxLine: 8)
        let lines = splitter.feed(Array("0123456789abcdef\nok\n".utf8))
        XCTAssertEqual(lines.map { String(decoding: $0, as: UTF8.self) }, ["ok"])
        XCTAssertEqual(splitter.dropped, 1)
        // A stream that never ends its line holds at most maxLine bytes.
        for _ in 0..<1000 { _ = splitter.feed(Array(repeating: UInt8(ascii: "x"), count: 100)) }
        XCTAssertEqual(splitter.feed(Array("\nafter\n".utf8)).map { String(decoding: $0, as: UTF8.self) }, ["after"])
    }

    func testFiltersAreTheJSONTheEngineTakes() throws {
        func decoded(_ filter: EventFilter) throws -> [String: [String: Bool]] {
            try JSONDecoder().decode([String: [String: Bool]].self, from: Data(filter.json().utf8))
        }
        XCTAssertEqual(try decoded(EventFilter(types: ["service", "node"])), ["type": ["service": true, "node": true]])
        let both = try decoded(EventFilter.swarmAndContainers)
        XCTAssertEqual(both["type"].map { Set($0.keys) }, ["service", "node", "network", "secret", "config", "container"])
        XCTAssertEqual(both["event"]?["create"], true)
        XCTAssertFalse(EventFilter.containers.actions.contains("exec_create"))
    }

    func testSinceFromSecondsOnly() {
        var e = DockerEvent(type: "node", action: "update")
        e.time = 1_795_952_080
        XCTAssertEqual(e.sinceParameter, "1795952080")
        XCTAssertEqual(DockerEvent(type: "node", action: "update", timeNano: 1_795_952_080_000_000_001).sinceParameter,
                       "1795952080.000000001")
    }
}

