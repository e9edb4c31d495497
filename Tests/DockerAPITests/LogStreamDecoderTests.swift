import DockerAPI
import LabFixtures
import XCTest

/// The log stream's pieces on bytes captured from the lab (scripts/capture-log-fixtures):
/// frames cut at every possible chunk boundary, partial messages joined, TTY streams, details.
final class LogStreamDecoderTests: XCTestCase {
    /// Decodes `bytes` fed in chunks of `sizes` (cycled), as the client would.
    private func lines(_ bytes: [UInt8], chunks sizes: [Int], details: Bool = false, maxLineBytes: Int = 10_000) -> [LogLine] {
        var decoder = LogStreamDecoder()
        var assembler = LogLineAssembler(details: details, maxLineBytes: maxLineBytes)
        var out: [LogLine] = []
        var i = 0, k = 0
        while i < bytes.count {
            let n = min(sizes[k % sizes.count], bytes.count - i)
            out += decoder.feed(bytes[i..<i + n]).compactMap { assembler.add($0) }
            i += n
            k += 1
        }
        return out + decoder.finish().compactMap { assembler.add($0) } + assembler.finish()
    }

    private func fixture(_ name: String) throws -> [UInt8] { [UInt8](try LabFixtures.data(name)) }

    /// `docker logs -t` prints each line as `<timestamp> <message>`.
    private func cliLines(_ lines: [LogLine]) -> [String] { lines.map { "\($0.timestamp) \($0.message)" } }

    private func textLines(_ name: String) throws -> [String] {
        String(decoding: try LabFixtures.data(name), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func testAContainersLogReadsAsDockerLogsPrintsIt() throws {
        let decoded = lines(try fixture("logs-container-scribbler.bin"), chunks: [1 << 16])
        XCTAssertEqual(cliLines(decoded), try textLines("logs-container-scribbler.cli.txt"))
        XCTAssertEqual(decoded.last?.message, "scribbler: done, idling")
        XCTAssertTrue(decoded.allSatisfy { $0.stream == .stdout && $0.details.isEmpty && $0.cutBytes == 0 })
    }

    /// Chunks of 1 and 3 bytes split every header; 7, 9 and 13 split headers and payloads at
    /// shifting places; 4096 holds several frames at once.
    func testEveryChunkBoundaryGivesTheSameLines() throws {
        for name in ["logs-container-hostile.bin", "logs-service-scribbler.bin", "logs-container-tty.bin"] {
            let bytes = try fixture(name)
            let whole = lines(bytes, chunks: [bytes.count], details: name.contains("service"))
            XCTAssertGreaterThan(whole.count, 5, name)
            for sizes in [[1], [3], [7], [8], [9], [13, 1, 2], [4096], [16_390, 5]] {
                XCTAssertEqual(lines(bytes, chunks: sizes, details: name.contains("service")), whole, "\(name) in chunks of \(sizes)")
            }
        }
    }

    func testControlCharactersStderrAndACutMessageFromARealContainer() throws {
        let decoded = lines(try fixture("logs-container-hostile.bin"), chunks: [8192], maxLineBytes: 30_000)
        XCTAssertEqual(decoded.map(\.message.count), [10, 33, 32, 21, 24, 9, 20_000, 9])
        XCTAssertEqual(decoded[1].message, "colour \u{1b}[31mALERT\u{1b}[0m and a bell\u{07}")
        XCTAssertEqual(decoded[2].message, "title \u{1b}]0;pwned\u{07} clear \u{1b}[2J done")
        XCTAssertEqual(decoded[3].message, "wide 결제 서비스 支払い 🚀 end")
        XCTAssertEqual(decoded[4].message, "tab\there carriage\rreturn")
        XCTAssertEqual(decoded[5].stream, .stderr)
        XCTAssertEqual(decoded[5].message, "to stderr")
        // The engine sent the 20,000-byte line as a 16 KiB part and the rest, each with a timestamp:
        // one line again, with the first part's timestamp.
        XCTAssertEqual(decoded[6].message, String(repeating: "x", count: 20_000))
        XCTAssertEqual(decoded[6].timestamp.count, 30)
        XCTAssertEqual(decoded[7].message, "last line")
    }

    func testALongLineIsCutAtTheLimitAndTheRestCounted() throws {
        let decoded = lines(try fixture("logs-container-hostile.bin"), chunks: [100], maxLineBytes: 10_000)
        XCTAssertEqual(decoded[6].message.count, 10_000)
        XCTAssertEqual(decoded[6].cutBytes, 10_000)
        XCTAssertEqual(decoded[7].message, "last line")
        XCTAssertEqual(decoded.filter { $0.cutBytes > 0 }.count, 1)
    }

    func testATTYContainersStreamIsRawAndItsLinesLoseTheirCR() throws {
        let bytes = try fixture("logs-container-tty.bin")
        var decoder = LogStreamDecoder()
        _ = decoder.feed(bytes.prefix(1))
        XCTAssertEqual(decoder.framing, .raw)
        let decoded = lines(bytes, chunks: [4096])
        XCTAssertEqual(Array(decoded.map(\.message).prefix(6)), [
            "plain line", "colour \u{1b}[31mALERT\u{1b}[0m and a bell\u{07}", "title \u{1b}]0;pwned\u{07} clear \u{1b}[2J done",
            "wide 결제 서비스 支払い 🚀 end", "tab\there carriage\rreturn", "to stderr",
        ])
        XCTAssertTrue(decoded.allSatisfy { $0.stream == .stdout && $0.timestamp.hasPrefix("20") })
        XCTAssertEqual(decoded.last?.message, "last line")
    }

    func testAServicesLogCarriesEachTasksSwarmIDs() throws {
        let decoded = lines(try fixture("logs-service-scribbler.bin"), chunks: [512], details: true)
        let tasks = try LabFixtures.decode([SwarmTask].self, "logs-context-tasks.json")
        XCTAssertEqual(decoded.count, 14)
        let contexts = decoded.compactMap(\.swarmContext)
        XCTAssertEqual(contexts.count, decoded.count)
        XCTAssertEqual(Set(contexts.map(\.taskID)), Set(tasks.filter { $0.desiredState == "running" }.map(\.id)))
        for context in contexts {
            let task = try XCTUnwrap(tasks.first { $0.id == context.taskID })
            XCTAssertEqual(context.serviceID, task.serviceID)
            XCTAssertEqual(context.nodeID, task.nodeID)
        }
        // The CLI's own lines hold the same timestamps and messages.
        let cli = try textLines("logs-service-scribbler.cli.txt").map { line -> String in
            let parts = line.split(separator: "|", maxSplits: 1)
            return line.prefix(30) + " " + parts[1].dropFirst()
        }
        XCTAssertEqual(cliLines(decoded).sorted(), cli.sorted())
    }

    func testDetailsAreUnescapedAsTheCLIDoes() {
        XCTAssertEqual(LogLine.detailPairs("a%2Cb=c+d,e=f%3Dg,broken,=x"), ["a,b": "c d", "e": "f=g"])
        XCTAssertNil(LogLine(details: "com.docker.swarm.node.id=n", message: "").swarmContext)
    }

    /// Not captured: a header announcing a 4 GiB frame (what a hostile or broken peer could
    /// send). The decoder keeps at most `maxPayload` bytes of it.
    func testAHugeFrameLengthDoesNotGrowMemory() {
        var decoder = LogStreamDecoder(maxPayload: 1024)
        XCTAssertEqual(decoder.feed([1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]), [])
        for _ in 0..<64 { XCTAssertEqual(decoder.feed([UInt8](repeating: 0x78, count: 1 << 16)), []) }
        XCTAssertEqual(decoder.framing, .multiplexed)
        XCTAssertEqual(decoder.finish(), [])
    }
}
