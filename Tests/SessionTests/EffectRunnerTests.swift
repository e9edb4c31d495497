import Actions
import Dashboard
import DockerAPI
import Foundation
import Session
import Settings
import SwarmState
import XCTest

final class EffectRunnerTests: XCTestCase {
    static let replay = "replay: actions are off; this is a recording"
    /// The repository's themes/ folder.
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes").path

    /// What `runner` answered `effect` with: the status line's message and whether it is an error.
    /// - Throws: when the answer is not `effectFinished`.
    private func finished(_ runner: EffectRunner, _ effect: Effect) async throws -> (message: String, isError: Bool) {
        let action = await runner.run(effect)
        guard case .effectFinished(_, let message, let isError) = action else { throw NotFinished(action: "\(action)") }
        return (message, isError)
    }

    private struct NotFinished: Error {
        let action: String
    }

    private func runner(_ source: SwarmSource, themes: [String] = [themes]) -> EffectRunner {
        EffectRunner(session: SwarmSession(source, open: nil) { _ in }, themes: ThemeCatalog(directories: themes),
                     logStreams: LogStreams { _ in })
    }

    func testASwarmWithoutEnginesRefusesEveryEffectThatAsksOneWithItsReason() async throws {
        let feed = StubFeed()
        let runner = runner(SwarmSource(offline: feed, reason: Self.replay, endpoint: "unix:///var/run/docker.sock"))
        let effects: [Effect] = [
            .scale(serviceID: "s1", serviceName: "lab_web", from: 5, replicas: 6),
            .stopContainer(hostname: "node1", containerID: "c1", name: "lab_web.1.x"),
            .restartContainer(hostname: "node1", containerID: "c1", name: "lab_web.1.x"),
            .setAvailability(nodeID: "n1", hostname: "node1", from: "active", .drain),
            .rollback(serviceID: "s1", serviceName: "lab_web"),
            .forceUpdate(serviceID: "s1", serviceName: "lab_web"),
            .listStack(name: "lab"),
            .followLogs(.service(id: "s1", name: "lab_web"), stream: 1),
            .switchContext(name: "other"),
        ]
        for effect in effects {
            let answer = try await finished(runner, effect)
            XCTAssertEqual(answer.message, "\(Self.replay) (\(effect.action) \(effect.target) refused)")
            XCTAssertTrue(answer.isError)
        }
        let refreshes = await feed.refreshes
        XCTAssertEqual(refreshes, 0, "nothing ran, so nothing is refreshed")
    }

    func testASwarmWithoutEnginesStillLoadsThemesStopsLogsAndAsksItsFeedForSizes() async throws {
        let feed = StubFeed()
        let runner = runner(SwarmSource(offline: feed, reason: Self.replay, endpoint: "unix:///var/run/docker.sock"))
        guard case .themeLoaded(let name, _) = await runner.run(.loadTheme(name: "dark")) else { return XCTFail("dark not loaded") }
        XCTAssertEqual(name, "dark")
        let stopped = try await finished(runner, .stopLogs(stream: 3))
        XCTAssertEqual(stopped.message, "stopped")
        XCTAssertFalse(stopped.isError)
        let measured = try await finished(runner, .refreshSize(hostname: "node1", containerID: "c1", name: "lab_web.1.x"))
        XCTAssertEqual(measured.message, "measure lab_web.1.x on node1 failed: cannot reach stub: a stub measures nothing")
        XCTAssertTrue(measured.isError)
    }

    func testReadOnlyRefusesWhatChangesTheSwarmBeforeAnyRequest() async throws {
        let connections = try Connections(manager: DockerEndpoint(parsing: "unix:///nonexistent/docker.sock", tls: nil),
                                          nodeHosts: [], timeout: 1, readOnly: true)
        let feed = StubFeed()
        let recorder = ActionRecorder(readOnly: true, log: nil, endpoint: "unix:///nonexistent/docker.sock")
        let runner = runner(SwarmSource(feed: feed, connections: connections, recorder: recorder))
        let answer = try await finished(runner, .scale(serviceID: "s1", serviceName: "lab_web", from: 5, replicas: 6))
        XCTAssertEqual(answer.message, "refused: scale lab_web would change the swarm (--read-only)")
        XCTAssertTrue(answer.isError)
        XCTAssertEqual(connections.manager.statistics.requests, 0)
        await connections.shutdown()
    }

    func testAThemeThatIsNotThereOrNotRightSaysWhichAndWhy() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("session-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.toml")
        try "[colors\n".write(to: bad, atomically: true, encoding: .utf8)
        let runner = runner(SwarmSource(offline: StubFeed(), reason: Self.replay, endpoint: "x"), themes: [dir.path])
        let missing = try await finished(runner, .loadTheme(name: "nord"))
        XCTAssertTrue(missing.message.hasPrefix("theme nord: no theme \"nord\"; available: bad"), missing.message)
        XCTAssertTrue(missing.isError)
        let broken = try await finished(runner, .loadTheme(name: bad.path))
        XCTAssertTrue(broken.message.hasPrefix("theme \(bad.path):1:"), broken.message)
        XCTAssertTrue(broken.isError)
    }

    func testAContextThatCannotBeOpenedLeavesTheSwarmWatchedAsItWas() async throws {
        let feed = StubFeed()
        let connections = try Connections(manager: DockerEndpoint(parsing: "unix:///nonexistent/docker.sock", tls: nil),
                                          nodeHosts: [], timeout: 1)
        let source = SwarmSource(feed: feed, connections: connections, recorder: ActionRecorder(readOnly: false, log: nil, endpoint: "x"))
        let env = ["DOCKER_CONFIG": FileManager.default.temporaryDirectory.appendingPathComponent("no-docker-\(UUID().uuidString)").path,
                   "XDG_CONFIG_HOME": "/nonexistent"]
        let live = SwarmSource.Live(flags: ConfigLayer(), environment: env, log: ActionLog(path: "/nonexistent/actions.log"))
        let session = SwarmSession(source, open: { try live.open(context: $0) }) { _ in }
        let runner = EffectRunner(session: session, themes: ThemeCatalog(directories: []), logStreams: LogStreams { _ in })
        let answer = try await finished(runner, .switchContext(name: "nope"))
        XCTAssertTrue(answer.message.hasPrefix("not switched: "), answer.message)
        XCTAssertTrue(answer.message.contains("nope"), answer.message)
        XCTAssertTrue(session.current.source.connections === connections, "the swarm watched is the one before")
        let ended = await feed.ended
        XCTAssertFalse(ended, "its refresh goes on")
        await session.shutdown()
    }
}
