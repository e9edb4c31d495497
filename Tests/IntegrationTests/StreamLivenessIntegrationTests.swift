import DockerAPI
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SwarmState
import XCTest

/// A manager's event stream that goes silent because the path to the engine froze (a proxy
/// between swarmtop and the lab's manager, stopped with SIGSTOP): noticed within the idle bound
/// (`/_ping` gets no answer), the manager marked stale, and once the proxy runs again the stream
/// is reopened and events flow (a service update shows).
final class StreamLivenessIntegrationTests: XCTestCase {
    /// A one-process unix-socket proxy (threads, so SIGSTOP freezes every connection at once).
    private static let proxy = #"""
    import os, socket, sys, threading
    listen, target = sys.argv[1], sys.argv[2]
    if os.path.exists(listen): os.unlink(listen)
    server = socket.socket(socket.AF_UNIX); server.bind(listen); server.listen(64)
    def pipe(a, b):
        try:
            while True:
                data = a.recv(65536)
                if not data: break
                b.sendall(data)
        except OSError: pass
        for s in (a, b):
            try: s.shutdown(socket.SHUT_RDWR)
            except OSError: pass
    while True:
        client, _ = server.accept()
        upstream = socket.socket(socket.AF_UNIX); upstream.connect(target)
        threading.Thread(target=pipe, args=(client, upstream), daemon=True).start()
        threading.Thread(target=pipe, args=(upstream, client), daemon=True).start()
    """#

    func testASilentStreamOnAFrozenPathIsNoticedAndReopened() async throws {
        let manager = try Lab.managerURL()
        guard manager.hasPrefix("unix://") else { throw Lab.Missing(description: "the lab manager is not a unix socket: \(manager)") }
        let name = "hbounded-liveness"
        _ = try? Lab.docker(["service", "rm", name])
        try Lab.docker(["service", "create", "--detach", "--name", name, "--replicas", "0", "swarmtop-lab/busybox:1", "sleep", "3600"])
        defer { _ = try? Lab.docker(["service", "rm", name]) }

        let path = "/run/swarmtop-lab/hbounded-proxy-\(getpid()).sock"
        let proxy = Process()
        proxy.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        proxy.arguments = ["-c", Self.proxy, path, String(manager.dropFirst("unix://".count))]
        try proxy.run()
        let pid = proxy.processIdentifier
        defer { kill(pid, SIGCONT); kill(pid, SIGKILL); unlink(path) }
        try Lab.eventually(5, "the proxy listens") { FileManager.default.fileExists(atPath: path) }

        // The manager alone, through the proxy (no node engine: their container events would
        // ask the manager for tasks); the task poll, size queries and resync far away, so that
        // only the stream's watchdog can notice the freeze.
        let idle: TimeInterval = 3, timeout: TimeInterval = 2
        let connections = try Connections(manager: DockerEndpoint(parsing: "unix://" + path), nodeHosts: [], timeout: timeout)
        let engine = RefreshEngine(connections: connections, intervals: .init(poll: 120, sizes: 120, resync: 600, eventIdle: idle))
        let seen = Locked<[(Date, ClusterSnapshot)]>([])
        let run = Task { await engine.run { s in seen.withLockedValue { $0.append((Date(), s)) } } }
        addTeardownBlock { run.cancel(); await connections.shutdown() }
        func first(after: Date, within seconds: TimeInterval, _ what: String,
                   _ condition: (ClusterSnapshot) -> Bool) async throws -> (Date, ClusterSnapshot) {
            let deadline = Date().addingTimeInterval(seconds)
            while true {
                if let hit = seen.withLockedValue({ $0.first { $0.0 >= after && condition($0.1) } }) { return hit }
                if Date() > deadline { throw Lab.Missing(description: "no snapshot within \(seconds) s where \(what)") }
                try await Task.sleep(nanoseconds: 20_000_000)
            }
        }
        _ = try await first(after: .distantPast, within: 20, "\(name) is listed") { s in
            s.error == nil && s.services.contains { $0.name == name }
        }
        let proxied = "unix://" + path
        // Steady and silent for two idle bounds: pings answer, nothing is reopened.
        try await Task.sleep(nanoseconds: UInt64(2.2 * idle * 1e9))
        var counters = await engine.counters
        XCTAssertEqual(counters.streamOpens[proxied], 1)
        XCTAssertNil(counters.silentStreams[proxied])

        kill(pid, SIGSTOP)
        let frozen = Date()
        let bound = 2 * idle + timeout
        let (staleAt, stale) = try await first(after: frozen, within: bound + 2, "the manager is stale after /_ping") {
            $0.error?.contains("/_ping") ?? false
        }
        print("stale \(String(format: "%.2f", staleAt.timeIntervalSince(frozen))) s after SIGSTOP (bound \(bound) s): \(stale.error ?? "")")
        XCTAssertLessThanOrEqual(staleAt.timeIntervalSince(frozen), bound + 1)
        counters = await engine.counters
        XCTAssertEqual(counters.silentStreams[proxied], 1)

        kill(pid, SIGCONT)
        let resumed = Date()
        _ = try await first(after: resumed, within: 15, "the manager answers again") { $0.error == nil }
        try Lab.docker(["service", "update", "--detach", "--label-add", "hbounded=after-sigcont", name])
        let updated = Date()
        let (shownAt, _) = try await first(after: updated, within: 5, "the update shows") { s in
            s.services.first { $0.name == name }?.spec.labels?["hbounded"] == "after-sigcont"
        }
        print("update shown \(String(format: "%.2f", shownAt.timeIntervalSince(updated))) s after `docker service update`")
        counters = await engine.counters
        XCTAssertGreaterThanOrEqual(counters.streamOpens[proxied] ?? 0, 2, "the stream was reopened")
        XCTAssertTrue(counters.streamsOpen.contains(proxied))
        XCTAssertLessThan(shownAt.timeIntervalSince(updated), 2, "seen through the reopened stream, not a poll 120 s away")
    }
}
