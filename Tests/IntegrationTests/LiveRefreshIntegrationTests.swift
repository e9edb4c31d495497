import DockerAPI
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SwarmState
import XCTest

/// The event-driven refresh engine against the lab: a scale seen through events within a
/// second, an event flood that costs a bounded number of refreshes and converges, a node
/// engine that is killed and restarted (stale, then followed again), and the stream's replay.
final class LiveRefreshIntegrationTests: XCTestCase {
    private let image = "swarmtop-lab/busybox:1"

    /// A running refresh engine and every snapshot it published, with the time it did.
    final class Recorder: Sendable {
        let engine: RefreshEngine
        let connections: Connections
        private let seen = Locked<[(Date, ClusterSnapshot)]>([])
        private let task = Locked<Task<Void, Never>?>(nil)

        init(intervals: RefreshEngine.Intervals, extraNodes: [(String, String)] = [], timeout: TimeInterval = 5) throws {
            let nodes = try (Lab.nodeURLs() + extraNodes).map { ($0.0, try DockerEndpoint(parsing: $0.1)) }
            connections = try Connections(manager: DockerEndpoint(parsing: Lab.managerURL()), nodeHosts: nodes, timeout: timeout)
            engine = RefreshEngine(connections: connections, intervals: intervals)
            let engine = self.engine
            let seen = self.seen
            task.withLockedValue { $0 = Task { await engine.run { s in seen.withLockedValue { $0.append((Date(), s)) } } } }
        }

        /// The first snapshot published at or after `after` that satisfies `condition`, within `seconds`.
        func first(after: Date = .distantPast, within seconds: TimeInterval, _ what: String,
                   _ condition: (ClusterSnapshot) -> Bool) async throws -> (Date, ClusterSnapshot) {
            let deadline = Date().addingTimeInterval(seconds)
            while true {
                if let hit = seen.withLockedValue({ $0.first { $0.0 >= after && condition($0.1) } }) { return hit }
                if Date() > deadline { throw Lab.Missing(description: "no snapshot within \(seconds) s where \(what)") }
                try await Task.sleep(nanoseconds: 20_000_000)
            }
        }

        var count: Int { seen.withLockedValue { $0.count } }

        func stop() async {
            task.withLockedValue { $0?.cancel() }
            await connections.shutdown()
        }
    }

    private func createService(_ name: String, replicas: Int) throws {
        _ = try? Lab.docker(["service", "rm", name])
        try Lab.docker(["service", "create", "--detach", "--name", name, "--replicas", String(replicas),
                        "--stop-grace-period", "1s", image, "sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"])
    }

    private func desired(_ s: ClusterSnapshot, _ name: String) -> UInt64? {
        s.services.first { $0.name == name }?.spec.mode?.replicated?.replicas
    }

    func testAScaleIsSeenThroughEventsWithinASecond() async throws {
        let name = "swarmtop-it-live-scale"
        try createService(name, replicas: 1)
        defer { _ = try? Lab.docker(["service", "rm", name]) }
        // Steady polls a minute apart: only the event stream can explain a quick refresh.
        let r = try Recorder(intervals: .init(poll: 60, sizes: 60, resync: 600))
        addTeardownBlock { await r.stop() }
        _ = try await r.first(within: 15, "\(name) is listed with 1 replica") { self.desired($0, name) == 1 }
        try await Task.sleep(nanoseconds: 1_000_000_000)
        var latencies: [TimeInterval] = []
        for replicas in [2, 1, 2] {
            try Lab.docker(["service", "scale", "--detach", "\(name)=\(replicas)"])
            let returned = Date()
            let (at, _) = try await r.first(after: returned.addingTimeInterval(-0.5), within: 5, "\(name) wants \(replicas)") {
                self.desired($0, name) == UInt64(replicas)
            }
            latencies.append(max(0, at.timeIntervalSince(returned)))
            try await Task.sleep(nanoseconds: 500_000_000)
        }
        // The new task shows too: fast task polls after the event, not the 60 s steady poll.
        let serviceID = try Lab.docker(["service", "inspect", "--format", "{{.ID}}", name])
        _ = try await r.first(within: 10, "2 tasks of \(name) running") { s in
            s.tasks.filter { $0.serviceID == serviceID && $0.desiredState == "running" && $0.state == "running" }.count == 2
        }
        await r.stop()
        print("scale latencies (s): \(latencies.map { String(format: "%.3f", $0) })")
        XCTAssertLessThan(latencies.sorted()[1], 1.0, "median \(latencies)")
        XCTAssertLessThan(latencies.max() ?? 9, 1.0, "\(latencies)")
    }

    func testAnEventFloodCostsABoundedNumberOfRefreshesAndConverges() async throws {
        let name = "swarmtop-it-live-flood"
        try createService(name, replicas: 0)
        defer { _ = try? Lab.docker(["service", "rm", name]) }
        let r = try Recorder(intervals: .init(poll: 60, sizes: 60, resync: 600))
        addTeardownBlock { await r.stop() }
        _ = try await r.first(within: 15, "\(name) is listed") { self.desired($0, name) == 0 }
        let client = try Lab.manager()
        addTeardownBlock { await client.shutdown() }
        let roundsBefore = await r.engine.counters.managerRounds
        let publishedBefore = r.count
        let started = Date()
        try await flood(client, name)
        let flood = Date().timeIntervalSince(started)
        let index = try XCTUnwrap(UInt64(try Lab.docker(["service", "inspect", "--format", "{{.Version.Index}}", name])))
        let (at, _) = try await r.first(within: 2, "\(name) at version \(index)") { s in
            s.services.first { $0.name == name }?.version?.index == index
        }
        let rounds = await r.engine.counters.managerRounds - roundsBefore
        let events = await r.engine.counters.events
        await client.shutdown()
        await r.stop()
        print("flood: 400 updates in \(String(format: "%.1f", flood)) s (\(Int(400 / flood))/s), \(events) events, "
              + "\(rounds) manager rounds, \(r.count - publishedBefore) snapshots, converged \(String(format: "%.2f", max(0, at.timeIntervalSince(started) - flood))) s after")
        // Rounds are at least `minSpacing` (0.1 s) apart while events pour in, and each fetches
        // once what the burst touched: far fewer than the 400 updates.
        XCTAssertLessThanOrEqual(rounds, Int(flood / 0.1) + 10)
        XCTAssertLessThan(rounds, 200)
    }

    /// 400 label updates from 8 concurrent writers.
    private func flood(_ client: DockerClient, _ name: String) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for i in 0..<50 {
                        try await client.updateService(id: name, attempts: 500) { spec in  // eight writers race for one version
                            var labels = spec["Labels"] as? [String: Any] ?? [:]
                            labels["flood.\(writer)"] = String(i)
                            spec["Labels"] = labels
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    func testAKilledNodeEngineGoesStaleAndIsFollowedAgainAfterItRestarts() async throws {
        let node2 = try XCTUnwrap(Lab.nodeURLs().first { $0.0 == "node2" })
        let r = try Recorder(intervals: .init(poll: 10, sizes: 30), timeout: 3)
        addTeardownBlock { await r.stop() }
        _ = try await r.first(within: 20, "both engines listed") { s in
            s.refreshedAt != nil && s.engines.allSatisfy { $0.listedAt != nil && $0.error == nil }
        }
        let opensBefore = await r.engine.counters.streamOpens[node2.1] ?? 0
        XCTAssertEqual(opensBefore, 1)
        let killed = Date()
        let restart = try Lab.startScript(["restart-node", "2", "--down", "3"])
        let (staleAt, stale) = try await r.first(after: killed, within: 5, "node2 is stale") { s in
            s.engines.first { $0.hostname == "node2" }?.error != nil
        }
        XCTAssertNil(stale.engines.first { $0.hostname == "node1" }?.error, "node1 must not go stale with node2")
        XCTAssertNil(stale.error, "the manager must not go stale with node2")
        print("node2 stale \(String(format: "%.2f", staleAt.timeIntervalSince(killed))) s after the kill: \(stale.engines[1].error ?? "")")
        try await Lab.finish(restart, within: 240)
        let back = Date()
        // Followed again: a new stream, a fresh list equal to what the engine reports.
        let (_, recovered) = try await r.first(after: back.addingTimeInterval(-30), within: 15, "node2 followed again") { s in
            guard let e = s.engines.first(where: { $0.hostname == "node2" }) else { return false }
            return e.error == nil && (e.listedAt ?? .distantPast) > killed.addingTimeInterval(3)
        }
        let opensAfter = await r.engine.counters.streamOpens[node2.1] ?? 0
        let listed = Set(try XCTUnwrap(recovered.engines.first { $0.hostname == "node2" }).containers.map(\.id))
        await r.stop()
        XCTAssertGreaterThanOrEqual(opensAfter, 2)
        // The engine's own list, read now, may have moved on by a container or two: compare running web/agent rows.
        let now = Set(try Lab.docker(["ps", "-a", "--no-trunc", "--format", "{{.ID}}"], host: node2.1).split(separator: "\n").map(String.init))
        XCTAssertFalse(listed.isEmpty)
        XCTAssertGreaterThanOrEqual(listed.intersection(now).count, listed.count - 3, "listed \(listed.count), engine has \(now.count)")
    }

    func testAHungNodeEngineDoesNotDelayTheOthers() async throws {
        // An engine that accepts connections and never answers.
        let path = "/run/swarmtop-lab/it-hung-\(getpid()).sock"
        let fd = try Lab.listenForever(path)
        defer { close(fd); unlink(path) }
        let r = try Recorder(intervals: .init(poll: 10, sizes: 30), extraNodes: [("ghost", "unix://" + path)], timeout: 2)
        addTeardownBlock { await r.stop() }
        let started = Date()
        let (at, s) = try await r.first(within: 10, "node1 and node2 listed") { s in
            s.refreshedAt != nil && s.engines.filter { $0.hostname != "ghost" }.allSatisfy { $0.listedAt != nil }
        }
        let (_, hung) = try await r.first(within: 10, "ghost stale") { $0.engines.last?.error != nil }
        await r.stop()
        XCTAssertTrue(hung.engines.last?.error?.contains("timed out") ?? false, hung.engines.last?.error ?? "")
        XCTAssertNil(s.error)
        XCTAssertLessThan(at.timeIntervalSince(started), 1.5, "the live engines waited for the dead one")
    }

    func testTheStreamReplaysEventsSinceAGivenTime() async throws {
        let name = "swarmtop-it-live-replay"
        try createService(name, replicas: 0)
        defer { _ = try? Lab.docker(["service", "rm", name]) }
        let before = DockerEvent(type: "service", action: "update", timeNano: Int64((Date().timeIntervalSince1970 - 1) * 1e9))
        try Lab.docker(["service", "update", "--detach", "--label-add", "replay=1", name])
        let client = try Lab.manager()
        addTeardownBlock { await client.shutdown() }
        let stream = try await client.events(filter: EventFilter(types: ["service"]), since: before.sinceParameter)
        var seen: DockerEvent?
        for try await e in stream where e.actor?.attributes?["name"] == name && e.action == "update" {
            seen = e
            break
        }
        await client.shutdown()
        XCTAssertNotNil(seen?.timeNano)
        XCTAssertGreaterThan(client.statistics.eventStreams, 0)
    }

    func testOneContainerIsMeasuredAlone() async throws {
        let node2 = try Lab.node("node2")
        addTeardownBlock { await node2.shutdown() }
        let id = try Lab.docker(["ps", "--no-trunc", "--filter", "label=com.docker.swarm.service.name=lab_scribbler",
                                 "--format", "{{.ID}}"], host: Lab.nodeURLs().first { $0.0 == "node2" }!.1)
            .split(separator: "\n").first.map(String.init)
        let size = try await node2.containerSize(id: try XCTUnwrap(id, "no scribbler on node2"))
        await node2.shutdown()
        XCTAssertGreaterThan(size.sizeRw ?? 0, 1_000_000, "the scribbler writes 6 MB into its writable layer")
        XCTAssertGreaterThan(size.sizeRootFs ?? 0, size.sizeRw ?? 0)
    }
}

/// A value behind a lock, shared between the engine's executor and the test.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLockedValue<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

extension Lab {
    /// A unix socket at `path` that accepts connections (the kernel's backlog) and never answers.
    static func listenForever(_ path: String) throws -> Int32 {
        unlink(path)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, b) in path.utf8.prefix(raw.count - 1).enumerated() { raw[i] = b }
        }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, bound == 0, listen(fd, 64) == 0 else { throw Missing(description: "cannot listen on \(path)") }
        return fd
    }

    /// A `scripts/lab` run in the background; its exit status lands in `statusFile`.
    struct Script {
        var args: [String]
        var statusFile: String
    }

    /// Starts `scripts/lab ARGS…` in the background. (Its end is read from a file, not from
    /// `Process`: the engine it restarts inherits the descriptors Foundation watches.)
    static func startScript(_ args: [String]) throws -> Script {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let status = NSTemporaryDirectory() + "swarmtop-it-lab-\(UUID().uuidString).status"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", #""$0" "$@" </dev/null; echo $? > "$STATUS_FILE""#, root.appendingPathComponent("scripts/lab").path] + args
        p.environment = ProcessInfo.processInfo.environment.merging(["STATUS_FILE": status]) { $1 }
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return Script(args: args, statusFile: status)
    }

    /// Waits for a script started by `startScript`, failing when it fails or overruns.
    static func finish(_ script: Script, within seconds: TimeInterval) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        let what = "scripts/lab \(script.args.joined(separator: " "))"
        while Date() < deadline {
            if let raw = try? String(contentsOfFile: script.statusFile, encoding: .utf8), !raw.isEmpty {
                try? FileManager.default.removeItem(atPath: script.statusFile)
                let code = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                guard code == "0" else { throw Missing(description: "\(what) exited \(code)") }
                return
            }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        throw Missing(description: "\(what) overran \(seconds) s")
    }
}
