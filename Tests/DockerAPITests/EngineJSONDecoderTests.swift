import CSimdJSON
@testable import DockerAPI
import Foundation
import LabFixtures
import Synchronization
import XCTest

/// `EngineJSONDecoder` (simdjson) against Foundation's `JSONDecoder` on the answers captured
/// from the lab, and on the edge cases of JSON that the captures do not hold.
final class EngineJSONDecoderTests: XCTestCase {
    /// Foundation's decoder with the same dates: what the models were first decoded with.
    private func reference<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let s = try c.decode(String.self)
            guard let date = DockerJSON.parseTime(s) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: s)
            }
            return date
        }
        return try d.decode(type, from: data)
    }

    private func assertSameAsFoundation<T: Decodable & Equatable>(_ type: T.Type, _ name: String,
                                                                    file: StaticString = #filePath, line: UInt = #line) throws {
        let data = try LabFixtures.data(name)
        let fast = try EngineJSONDecoder.decode(type, from: data)
        XCTAssertEqual(fast, try reference(type, data), name, file: file, line: line)
    }

    func testEveryCapturedAnswerDecodesAsWithFoundation() throws {
        try assertSameAsFoundation([Node].self, "nodes.json")
        try assertSameAsFoundation([Service].self, "services.json")
        try assertSameAsFoundation(Service.self, "service-inspect-web.json")
        try assertSameAsFoundation([SwarmTask].self, "tasks.json")
        try assertSameAsFoundation([SwarmTask].self, "logs-context-tasks.json")
        try assertSameAsFoundation([Service].self, "sched/services.json")
        try assertSameAsFoundation([SwarmTask].self, "sched/tasks.json")
        try assertSameAsFoundation([Node].self, "sched/nodes.json")
        try assertSameAsFoundation([ContainerSummary].self, "containers-node1.json")
        try assertSameAsFoundation([ContainerSummary].self, "containers-node2.json")
        try assertSameAsFoundation(SystemInfo.self, "info-manager.json")
        try assertSameAsFoundation(SystemInfo.self, "info-worker.json")
        for name in ["networks.json", "secrets.json", "configs.json"] {
            try assertSameAsFoundation([StackObject].self, name)
        }
        let events = try LabFixtures.data("events-sample.txt").split(separator: UInt8(ascii: "\n"))
        XCTAssertGreaterThan(events.count, 3)
        for line in events {
            XCTAssertEqual(try EngineJSONDecoder.decode(DockerEvent.self, from: Data(line)),
                           try reference(DockerEvent.self, Data(line)))
        }
    }

    func testTheCapturedValuesThemselves() throws {
        let tasks = try EngineJSONDecoder.decode([SwarmTask].self, from: LabFixtures.data("tasks.json"))
        let first = try XCTUnwrap(tasks.first)
        XCTAssertEqual(first.id, "2xt89mrt017h5jwmmtkstyqiq")
        XCTAssertEqual(first.slot, 4)
        XCTAssertEqual(first.spec?.containerSpec?.image, "swarmtop-lab/busybox:1")
        XCTAssertEqual(first.spec?.containerSpec?.labels, ["com.docker.stack.namespace": "lab"])
        XCTAssertEqual(first.status?.timestamp?.timeIntervalSince1970 ?? 0, 1_795_951_973.163152504, accuracy: 1e-6)
        XCTAssertEqual(first.status?.containerStatus?.pid, 1017)
    }

    func testTheCapturedResourcesAndPlacement() throws {
        let services = try EngineJSONDecoder.decode([Service].self, from: LabFixtures.data("sched/services.json"))
        let template = { (name: String) in services.first { $0.name == name }?.spec.taskTemplate }
        XCTAssertEqual(template("lab_web")?.resources?.limits, Node.Resources(nanoCPUs: 100_000_000, memoryBytes: 52_428_800))
        XCTAssertEqual(template("hsched_mem")?.resources?.reservations?.memoryBytes, 1_073_741_824_000)
        XCTAssertEqual(template("hsched_max")?.placement?.maxReplicas, 1)
        XCTAssertEqual(template("hsched_gpu")?.placement?.constraints, ["node.labels.gpu == true"])
        let tasks = try EngineJSONDecoder.decode([SwarmTask].self, from: LabFixtures.data("sched/tasks.json"))
        let mem = try XCTUnwrap(services.first { $0.name == "hsched_mem" })
        XCTAssertEqual(tasks.first { $0.serviceID == mem.id }?.spec?.resources?.reservations?.memoryBytes, 1_073_741_824_000)
    }

    private struct Sample: Decodable, Equatable {
        var text: String
        var count: Int
        var big: UInt64?
        var ratio: Double?
        var flag: Bool?
        var missing: String?
        var labels: [String: String]?
        var list: [Int]?
        var nested: [[String]]?
        var when: Date?
    }

    private func sample(_ json: String) throws -> Sample {
        try EngineJSONDecoder.decode(Sample.self, from: Data(json.utf8))
    }

    func testScalarsEscapesAndNumbers() throws {
        let s = try sample(#"""
            {"text":"caf\u00e9 \ud83d\ude80 \"q\" \\ \n\t\u001b[2J 결제","count":-42,"big":18446744073709551615,
             "ratio":0.25,"flag":true,"labels":{"a":"1","é":"ü"},"list":[1,2,3],"nested":[[],["x"]],
             "when":"2026-11-29T11:10:35.123456789Z","unknown":{"deep":[1,{"x":null}]}}
            """#)
        XCTAssertEqual(s.text, "café 🚀 \"q\" \\ \n\t\u{1b}[2J 결제")
        XCTAssertEqual(s.count, -42)
        XCTAssertEqual(s.big, UInt64.max)
        XCTAssertEqual(s.ratio, 0.25)
        XCTAssertEqual(s.flag, true)
        XCTAssertNil(s.missing)
        XCTAssertEqual(s.labels, ["a": "1", "é": "ü"])
        XCTAssertEqual(s.list, [1, 2, 3])
        XCTAssertEqual(s.nested, [[], ["x"]])
        XCTAssertEqual(s.when?.timeIntervalSince1970 ?? 0, 1_795_950_635.123456789, accuracy: 1e-6)
    }

    func testNullIsNilForOptionalsAndExactDoublesAreIntegers() throws {
        let s = try sample(#"{"text":"t","count":3.0,"big":null,"ratio":1,"labels":null,"when":null}"#)
        XCTAssertEqual(s, Sample(text: "t", count: 3, ratio: 1))
    }

    func testErrorsNameTheFaultAndItsPath() {
        func error(_ json: String) -> DecodingError? {
            do { _ = try sample(json); return nil } catch { return error as? DecodingError }
        }
        guard case .keyNotFound(let key, _)? = error(#"{"text":"t"}"#) else { return XCTFail("missing count") }
        XCTAssertEqual(key.stringValue, "count")
        guard case .valueNotFound(_, let nullContext)? = error(#"{"text":null,"count":1}"#) else { return XCTFail("null text") }
        XCTAssertEqual(nullContext.codingPath.map(\.stringValue), ["text"])
        guard case .typeMismatch(_, let fraction)? = error(#"{"text":"t","count":1.5}"#) else { return XCTFail("1.5 as Int") }
        XCTAssertEqual(fraction.codingPath.map(\.stringValue), ["count"])
        guard case .typeMismatch(_, let big)? = error(#"{"text":"t","count":1,"big":-1}"#) else { return XCTFail("-1 as UInt64") }
        XCTAssertEqual(big.codingPath.map(\.stringValue), ["big"])
        guard case .typeMismatch(_, let label)? = error(#"{"text":"t","count":1,"labels":{"a":1}}"#) else { return XCTFail("label 1") }
        XCTAssertEqual(label.codingPath.map(\.stringValue), ["labels", "a"])
        guard case .typeMismatch(_, let element)? = error(#"{"text":"t","count":1,"list":[1,"2"]}"#) else { return XCTFail("list") }
        XCTAssertEqual(element.codingPath.map(\.stringValue), ["list", "Index 1"])
        XCTAssertTrue(element.debugDescription.contains("a string"), element.debugDescription)
        guard case .dataCorrupted(let time)? = error(#"{"text":"t","count":1,"when":"yesterday"}"#) else { return XCTFail("time") }
        XCTAssertEqual(time.codingPath.map(\.stringValue), ["when"])
        guard case .typeMismatch? = error(#"[{"text":"t","count":1}]"#) else { return XCTFail("array for object") }
    }

    func testBytesThatAreNotJSONAreRefused() {
        for bad in ["", "{", #"{"text":"t","count":1"#, #"{"text":"t","count":1} x"#, "[1,]", "\u{FF}"] {
            XCTAssertThrowsError(try EngineJSONDecoder.decode([String: Int].self, from: Data(bad.utf8)), bad) {
                guard case DecodingError.dataCorrupted(let context) = $0 else { return XCTFail("\(bad): \($0)") }
                XCTAssertTrue(context.debugDescription.hasPrefix("not JSON: "), context.debugDescription)
            }
        }
    }

    func testAnArrayIsSplitIntoItsElementsWhateverTheyHold() throws {
        let json = #" \#n[ {"text":"a ] } [ { \\\" ,","count":1,"list":[1,2],"nested":[["]"],[]],"labels":{"]":"["}} ,{"text":"","count":2}\#t]\#n "#
        XCTAssertEqual(try EngineJSONDecoder.decode([Sample].self, from: Data(json.utf8)).map(\.text), ["a ] } [ { \\\" ,", ""])
        XCTAssertEqual(try EngineJSONDecoder.decode([Int].self, from: Data("[]".utf8)), [])
        XCTAssertEqual(try EngineJSONDecoder.decode([[Int]].self, from: Data("[[],[1,2] , [3]]".utf8)), [[], [1, 2], [3]])
        XCTAssertEqual(try EngineJSONDecoder.decode([String?].self, from: Data(#"["a","b"]"#.utf8)), ["a", "b"])
        for bad in ["[", "[1", "[1,]", "[1 2]", "[1] x", #"["a]"#, "[{]", "[1,,2]", "[-]", "[1}]"] {
            XCTAssertThrowsError(try EngineJSONDecoder.decode([Int].self, from: Data(bad.utf8)), bad) {
                guard case DecodingError.dataCorrupted(let context) = $0 else { return XCTFail("\(bad): \($0)") }
                XCTAssertTrue(context.debugDescription.hasPrefix("not JSON: "), context.debugDescription)
            }
        }
        guard case DecodingError.keyNotFound(let key, let context)? = (Result {
            try EngineJSONDecoder.decode([Sample].self, from: Data(#"[{"text":"t","count":1},{"text":"t"}]"#.utf8))
        }.failure) else { return XCTFail("the second element has no count") }
        XCTAssertEqual((context.codingPath + [key]).map(\.stringValue), ["Index 1", "count"])
        guard case DecodingError.valueNotFound(_, let null)? = (Result {
            try EngineJSONDecoder.decode([Sample].self, from: Data(#"[{"text":"t","count":1},null]"#.utf8))
        }.failure) else { return XCTFail("a null element") }
        XCTAssertEqual(null.codingPath.map(\.stringValue), ["Index 1"])
        guard case DecodingError.typeMismatch? = (Result {
            try EngineJSONDecoder.decode([Sample].self, from: Data(#"{"message":"not a swarm manager"}"#.utf8))
        }.failure) else { return XCTFail("an object where an array was wanted") }
    }

    /// An object whose middle member is a JSON document of its own, decoded while the outer
    /// one is still being read.
    private struct Envelope: Decodable {
        var before: String
        var inner: [SwarmTask]
        var after: [String]
        enum CodingKeys: String, CodingKey { case before, inner, after }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            before = try c.decode(String.self, forKey: .before)
            inner = try EngineJSONDecoder.decode([SwarmTask].self, from: Data(c.decode(String.self, forKey: .inner).utf8))
            after = try c.decode([String].self, forKey: .after)
        }
    }

    func testADecodeInsideADecodeDoesNotOverwriteTheOuterDocument() throws {
        let tasks = try LabFixtures.data("tasks.json")
        let after = (0..<500).map { "after \($0)" }
        let outer = try JSONSerialization.data(withJSONObject: [
            "before": "b", "inner": String(decoding: tasks, as: UTF8.self), "after": after,
        ])
        let envelope = try EngineJSONDecoder.decode(Envelope.self, from: outer)
        XCTAssertEqual(envelope.before, "b")
        XCTAssertEqual(envelope.inner, try reference([SwarmTask].self, tasks))
        XCTAssertEqual(envelope.after, after)
    }

    func testOneParserIsKeptButNotAHugeOne() throws {
        let tasks = try LabFixtures.data("tasks.json")
        let expected = try reference([SwarmTask].self, tasks)
        let service = try LabFixtures.data("service-inspect-web.json")
        _ = try EngineJSONDecoder.decode(Service.self, from: service)
        let kept = sj_kept_capacity()
        XCTAssertGreaterThanOrEqual(kept, service.count)
        XCTAssertEqual(try EngineJSONDecoder.decode([Int].self, from: Data("[1,2]".utf8)), [1, 2])
        XCTAssertEqual(sj_kept_capacity(), kept, "a smaller document reuses the parser")
        XCTAssertEqual(try EngineJSONDecoder.decode([SwarmTask].self, from: tasks), expected)
        XCTAssertEqual(sj_kept_capacity(), kept, "an array's elements are parsed one at a time, each smaller than the answer")
        XCTAssertLessThan(kept, tasks.count / 4)

        let huge = String(repeating: "x", count: 33 << 20)
        XCTAssertEqual(try EngineJSONDecoder.decode([String].self, from: Data(#"["\#(huge)"]"#.utf8)), [huge])
        XCTAssertEqual(sj_kept_capacity(), 0, "a parser grown past 32 MiB is dropped")
        XCTAssertEqual(try EngineJSONDecoder.decode([SwarmTask].self, from: tasks), expected)
    }

    func testThreadsDecodingAtOnceEachGetTheirOwnAnswer() throws {
        let answers = try ["tasks.json", "containers-node1.json", "containers-node2.json", "services.json"].map { try LabFixtures.data($0) }
        let tasks = try reference([SwarmTask].self, answers[0])
        let containers = try answers[1...2].map { try reference([ContainerSummary].self, $0) }
        let services = try reference([Service].self, answers[3])
        let mismatches = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let same: Bool
            switch i % 4 {
            case 0: same = (try? EngineJSONDecoder.decode([SwarmTask].self, from: answers[0])) == tasks
            case 3: same = (try? EngineJSONDecoder.decode([Service].self, from: answers[3])) == services
            default: same = (try? EngineJSONDecoder.decode([ContainerSummary].self, from: answers[i % 4])) == containers[i % 4 - 1]
            }
            if !same { mismatches.withLock { $0.append(i) } }
        }
        XCTAssertEqual(mismatches.withLock { $0 }, [])
    }

    private final class Document: Sendable {
        let data: Data
        init(_ data: Data) { self.data = data }
    }

    func testThreadsThatEndLeaveNoParserBehind() throws {
        // 1.1 MB of JSON: a parser for it holds about 17 MB, so one left by each of twenty threads would be 340 MB.
        let json = "[" + Array(repeating: #""0123456789abcdef""#, count: 60_000).joined(separator: ",") + "]"
        let document = Document(Data(json.utf8))
        func mappedBytes() throws -> Int {   // VmSize of /proc/self/status, in kB there
            let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
            let line = try XCTUnwrap(status.split(separator: "\n").first { $0.hasPrefix("VmSize:") })
            return try XCTUnwrap(Int(line.split(separator: " ")[1])) * 1024
        }
        let before = try mappedBytes()
        for _ in 0..<20 {
            var thread = pthread_t()
            let created = pthread_create(&thread, nil, { argument in
                let document = Unmanaged<Document>.fromOpaque(argument!).takeRetainedValue()
                let strings = try? EngineJSONDecoder.decode([String].self, from: document.data)
                precondition(strings?.count == 60_000)
                return nil
            }, Unmanaged.passRetained(document).toOpaque())
            XCTAssertEqual(created, 0)
            pthread_join(thread, nil)
        }
        // glibc keeps up to 40 MB of ended threads' stacks for new threads.
        XCTAssertLessThan(try mappedBytes() - before, 100 << 20, "no parser is left behind by an ended thread")
    }

    /// How many elements an array has, as its unkeyed container counts them.
    private struct Length: Decodable {
        let count: Int?
        init(from decoder: any Decoder) throws { count = try decoder.unkeyedContainer().count }
    }

    func testAnArrayPastTheTapesCountOfSixteenMillionIsCountedWhole() throws {
        let count = (1 << 24) + 2   // the tape's count saturates at 2^24 - 1
        let json = "[" + String(repeating: "0,", count: count - 1) + "0]"
        XCTAssertEqual(try EngineJSONDecoder.decode(Length.self, from: Data(json.utf8)).count, count)
        XCTAssertEqual(try EngineJSONDecoder.decode(Length.self, from: Data("[1,[2,3],{}]".utf8)).count, 3)
    }

    /// A string an answer repeats is kept once (`StringPool`): node1's containers of one image
    /// share their image ID's bytes and their node's ID (a label).
    func testAnAnswersRepeatedStringsAreKeptOnce() throws {
        let containers = try EngineJSONDecoder.decode([ContainerSummary].self, from: LabFixtures.data("shared/containers-size-node1.json"))
        let busybox = containers.filter { $0.image == "swarmtop-lab/busybox:1" }
        XCTAssertGreaterThan(busybox.count, 2)
        for container in busybox.dropFirst() {
            XCTAssertEqual(try XCTUnwrap(container.imageID).storageAddress, try XCTUnwrap(busybox[0].imageID).storageAddress, container.name)
            XCTAssertEqual(try XCTUnwrap(container.nodeID).storageAddress, try XCTUnwrap(busybox[0].nodeID).storageAddress,
                           "\(container.name): its node's ID, a label, is a copy")
        }
        XCTAssertNotEqual(busybox[0].id.storageAddress, busybox[1].id.storageAddress, "different strings stay different")
    }
}

private extension Result {
    /// The error, or nil on success.
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
