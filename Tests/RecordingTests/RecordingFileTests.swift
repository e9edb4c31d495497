import Foundation
import LabFixtures
@testable import Recording
import SwarmState
import XCTest

/// The file: gzip through the system's zlib, readable after each flush, a crash losing only
/// what came after the last flush, and clear errors for files that are not recordings.
final class RecordingFileTests: XCTestCase {
    private var directory: URL!
    private let start = Date(timeIntervalSince1970: 1_795_950_000.5)

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("recording-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func answers(_ count: Int) throws -> [EngineObservation] {
        let tasks = try LabFixtures.data("tasks.json")
        let nodes = try LabFixtures.data("nodes.json")
        return (0..<count).map { (i: Int) -> EngineObservation in
            let (path, body) = i % 2 == 0 ? ("/tasks", tasks) : ("/nodes", nodes)
            return EngineObservation(.manager, .answer(path: path, body: body, took: nil), at: start.addingTimeInterval(Double(i)))
        }
    }

    func testWrittenThenReadGivesTheHeaderAndEveryObservation() throws {
        let path = directory.appendingPathComponent("a.swarmrec.gz").path
        let header = RecordingHeader(swarmtop: "0.1.0", endpoint: "unix:///run/swarmtop-lab/node1.sock", start: start)
        let writer = try RecordingWriter(path: path, header: header)
        let written = try answers(10)
        for observation in written { try writer.append(observation) }
        try writer.close()
        let reader = try RecordingReader(path: path)
        XCTAssertEqual(reader.header, writer.header)
        XCTAssertEqual(reader.header.start.timeIntervalSince(header.start), 0, accuracy: 0.001)
        XCTAssertEqual(try reader.readAll(), written)
        XCTAssertLessThan(writer.fileBytes * 10, writer.lineBytes, "gzip of repeated answers")
        // The file is plain gzip: the system's gunzip reads it.
        let gunzip = try ChildProcess.run("/bin/gzip", ["-t", path])
        XCTAssertEqual(gunzip.status, 0, gunzip.err)
    }

    func testTimesComeBackBitForBitWhateverTheStart() throws {
        let path = directory.appendingPathComponent("times.swarmrec.gz").path
        // A start whose millisecond prints one lower than it rounds (…856.746 held as …856.7459999).
        let start = Date(timeIntervalSinceReferenceDate: 817_977_856.745_999_9)
        let writer = try RecordingWriter(path: path, header: RecordingHeader(swarmtop: "0.1.0", endpoint: "e", start: start))
        let written = (1...20).map { EngineObservation(.manager, .apiVersion("1.41"), at: start.addingTimeInterval(Double($0) * 0.012_345_678_9)) }
        for observation in written { try writer.append(observation) }
        try writer.close()
        XCTAssertEqual(try RecordingReader(path: path).readAll().map(\.at), written.map(\.at))
    }

    func testACrashLosesOnlyWhatCameAfterTheLastFlush() throws {
        let path = directory.appendingPathComponent("crash.swarmrec.gz").path
        let writer = try RecordingWriter(path: path, header: RecordingHeader(swarmtop: "0.1.0", endpoint: "e", start: start))
        let written = try answers(6)
        for observation in written.prefix(4) { try writer.append(observation) }
        try writer.flush()
        for observation in written.suffix(2) { try writer.append(observation) }
        // No close: the file is what a killed process leaves.
        XCTAssertEqual(try RecordingReader(path: path).readAll(), Array(written.prefix(4)))
    }

    func testAFileThatIsNotARecordingIsRefusedWithItsName() throws {
        let plain = directory.appendingPathComponent("plain.txt").path
        _ = FileManager.default.createFile(atPath: plain, contents: Data("hello\n".utf8))
        XCTAssertThrowsError(try RecordingReader(path: plain)) { error in
            XCTAssertEqual("\(error)", "\(plain): not a swarmtop recording, or damaged (gzip: inflate: incorrect header check)")
        }
        let missing = directory.appendingPathComponent("missing").path
        XCTAssertThrowsError(try RecordingReader(path: missing)) { error in
            XCTAssertEqual("\(error)", "cannot open \(missing): No such file or directory")
        }
    }

    func testANewerFormatIsRefused() throws {
        let path = directory.appendingPathComponent("v2.swarmrec.gz").path
        let deflater = try GzipDeflater()
        let line = #"{"kind":"swarmtop-recording","format":2,"swarmtop":"9.0","endpoint":"e","start":"2026-12-03T07:00:00.000Z"}"# + "\n"
        _ = FileManager.default.createFile(atPath: path, contents: try deflater.compress(Data(line.utf8)) + deflater.finish())
        XCTAssertThrowsError(try RecordingReader(path: path)) { error in
            XCTAssertEqual("\(error)", "\(path): recording format 2 is not readable by this swarmtop (it reads format 1)")
        }
    }
}

/// The recorder the live dashboard and `swarmtop record` write through.
final class RecorderTests: XCTestCase {
    func testClosedItCountsEveryByteOfTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recorder-\(UUID().uuidString).swarmrec.gz").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recorder = try Recorder(path: path, endpoint: "e", swarmtop: "0.1.0")
        recorder.observe(EngineObservation(.manager, .apiVersion("1.41"), at: Date()))
        XCTAssertNil(recorder.close())
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        XCTAssertEqual(recorder.fileBytes, size)
        XCTAssertEqual(try RecordingReader(path: path).readAll().count, 1)
    }

    func testAFileThatCannotBeCreatedSaysWhy() {
        XCTAssertThrowsError(try Recorder(path: "/nonexistent-dir/x.swarmrec.gz", endpoint: "e", swarmtop: "0.1.0")) { error in
            XCTAssertEqual("\(error)", "cannot create /nonexistent-dir/x.swarmrec.gz: No such file or directory")
        }
    }
}
