import DockerAPI
import Foundation
import XCTest

/// Log streams read from the real lab, compared with what `docker logs -t` and
/// `docker service logs -t` print for the same objects. Read-only: the lab's scribblers are only read.
final class LogsIntegrationTests: XCTestCase {
    /// A running scribbler container on node2 (a worker: its log exists only on its own engine).
    private func scribblerOnNode2() throws -> (id: String, url: String) {
        let url = try XCTUnwrap(try Lab.nodeURLs().first { $0.0 == "node2" }?.1)
        let ids = try Lab.docker(["ps", "-q", "--no-trunc", "--filter", "label=com.docker.swarm.service.name=lab_scribbler"], host: url)
        let id = try XCTUnwrap(ids.split(separator: "\n").first.map(String.init), "no lab_scribbler container on node2")
        return (id, url)
    }

    /// Every batch of a stream read to its end.
    private func readAll(_ stream: LogStream) async throws -> [LogLine] {
        var lines: [LogLine] = []
        for try await batch in stream {
            XCTAssertFalse(batch.isEmpty)
            lines += batch
        }
        return lines
    }

    func testAContainersLogThroughItsNodesEngineIsWhatDockerLogsPrints() async throws {
        let (id, url) = try scribblerOnNode2()
        let client = try Lab.node("node2")
        let lines = try await readAll(try await client.logs(.container(id: id), tail: 1000, follow: false))
        await client.shutdown()
        let cli = try Lab.docker(["logs", "-t", "--tail", "1000", id], host: url)
        XCTAssertTrue(cli.contains("scribbler: 1/6 MB written"), cli)
        XCTAssertEqual(lines.map { "\($0.timestamp) \($0.message)" }.joined(separator: "\n"), cli)
    }

    func testAServicesLogThroughTheManagerIsWhatDockerServiceLogsPrints() async throws {
        let client = try Lab.manager()
        let lines = try await readAll(try await client.logs(.service(id: "lab_scribbler"), tail: 1000, follow: false))
        await client.shutdown()
        // `docker service logs -t --no-trunc`: `<time> lab_scribbler.<slot>.<task ID>@<node>    | <message>`;
        // tasks interleave in any order, so compare the lines as sets, each with its task ID.
        let cli = try Lab.docker(["service", "logs", "-t", "--no-trunc", "--tail", "1000", "lab_scribbler"])
            .split(separator: "\n").map { line -> String in
                let (head, message) = (line.prefix { $0 != "|" }, line.drop { $0 != "|" }.dropFirst(2))
                let words = head.split(separator: " ")
                let task = words[1].split(separator: "@")[0].split(separator: ".").last ?? ""
                return "\(words[0]) \(task) \(message)"
            }
        XCTAssertGreaterThanOrEqual(cli.count, 2)
        let ours = try lines.map { line -> String in
            let context = try XCTUnwrap(line.swarmContext, "no swarm details in \(line)")
            return "\(line.timestamp) \(context.taskID) \(line.message)"
        }
        XCTAssertEqual(ours.sorted(), cli.sorted())
    }

    func testATasksLogThroughTheManagerHasOnlyThatTasksLines() async throws {
        let task = try XCTUnwrap(try Lab.docker(["service", "ps", "-q", "--no-trunc", "--filter", "desired-state=running", "lab_scribbler"])
            .split(separator: "\n").first.map(String.init))
        let client = try Lab.manager()
        let lines = try await readAll(try await client.logs(.task(id: task), tail: 1000, follow: false))
        await client.shutdown()
        XCTAssertFalse(lines.isEmpty)
        XCTAssertEqual(Set(lines.compactMap(\.swarmContext?.taskID)), [task])
        XCTAssertEqual(lines.count, try Lab.docker(["service", "logs", "--tail", "1000", task]).split(separator: "\n").count)
    }

    func testAVanishedContainerIsTheEnginesNotFound() async throws {
        let client = try Lab.node("node2")
        defer { Task { await client.shutdown() } }
        do {
            _ = try await client.logs(.container(id: "swarmtop-no-such-container"), tail: 10, follow: true)
            XCTFail("logs of a missing container answered")
        } catch let error as DockerError {
            XCTAssertEqual(error.status, 404, error.description)
            XCTAssertTrue(error.description.contains("No such container"), error.description)
        }
    }

    /// A followed stream stays open past its last line, and cancelling its reader ends it at
    /// once and closes its connection (no request left behind).
    func testCancellingAFollowedStreamEndsItAndClosesItsConnection() async throws {
        let (id, url) = try scribblerOnNode2()
        // The scribbler writes a line every 20 s; another test may have just restarted it (restart-node).
        let written = Date().addingTimeInterval(90)
        while try Lab.docker(["logs", "--tail", "3", id], host: url).split(separator: "\n").count < 3, Date() < written {
            try await Task.sleep(for: .seconds(2))
        }
        let client = try Lab.node("node2")
        defer { Task { await client.shutdown() } }
        let stream = try await client.logs(.container(id: id), tail: 3, follow: true)
        let reader = Task { () -> Int in
            var count = 0
            do { for try await batch in stream { count += batch.count } } catch {}
            return count
        }
        try await Task.sleep(for: .seconds(1))
        let streaming = Self.openSockets()
        let started = Date()
        reader.cancel()
        let count = await reader.value
        XCTAssertEqual(count, 3, "the tail, then nothing: the scribbler is idle")
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
        let deadline = Date().addingTimeInterval(5)
        while Self.openSockets() >= streaming, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        XCTAssertLessThan(Self.openSockets(), streaming, "the stream's connection is still open")
    }

    /// The sockets this process has open.
    private static func openSockets() -> Int {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return fds.filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)"))?.hasPrefix("socket:") == true }.count
    }
}
