import Foundation
import LabFixtures
@testable import SwarmState
import XCTest

/// The node engines the refresh engine follows track the node list, open lazily and at most
/// `Connections.defaultInFlight` at once. No lab: every node's engine is a socket that accepts
/// connections and never answers (an engine that hangs), so every request holds its turn until
/// the timeout.
final class NodeEngineFollowTests: XCTestCase {
    /// `count` nodes made from the captured lab nodes, hostnames `node001`…, IDs `n001`….
    static func nodes(_ count: Int, from first: Int = 1) throws -> [Node] {
        let captured = try LabFixtures.decode([Node].self, "nodes.json")
        return (first..<first + count).map { i in
            var node = captured[1]
            node.id = String(format: "n%03d", i)
            node.description?.hostname = String(format: "node%03d", i)
            return node
        }
    }

    func testTwoHundredNodesOpenLazilyAtMostSixteenAtOnceAndFollowJoinsAndLeaves() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("h-nodes-follow-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let listener = try HangingListener(path: dir + "/hang.sock")
        defer { listener.close() }
        let nodes = try Self.nodes(201)
        for node in nodes {
            try FileManager.default.createSymbolicLink(atPath: "\(dir)/\(node.hostname).sock", withDestinationPath: dir + "/hang.sock")
        }
        let connections = try Connections(manager: DockerEndpoint(parsing: "unix://\(dir)/no-manager.sock"), nodeHosts: [],
                                          template: NodeHostTemplate("unix://\(dir)/{hostname}.sock"), timeout: 0.3)
        let engine = RefreshEngine(connections: connections, intervals: .init(poll: 600, sizes: 600, resync: 600))
        let twoHundred = Array(nodes.prefix(200))
        await engine.followNodes(twoHundred, managerHostname: nil)
        var engines = await engine.current.engines
        XCTAssertEqual(engines.count, 200)
        XCTAssertEqual(Set(engines.map(\.origin)), ["template"])
        XCTAssertEqual(connections.clientsMade, 0, "planned, not yet needed: no client made")

        let started = Date()
        let run = Task { await engine.run { _ in } }
        var samples: [(Double, Int, Int)] = []
        while Date().timeIntervalSince(started) < 3 {
            let counts = await connections.limiter.current
            samples.append((Date().timeIntervalSince(started), counts.inFlight, connections.clientsMade))
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        let counts = await connections.limiter.current
        for (i, (t, inFlight, made)) in samples.enumerated() where i % 10 == 0 {
            print(String(format: "t=%.2fs in flight %d, clients made %d", t, inFlight, made))
        }
        print("200 nodes, 3 s: turns asked \(counts.total), peak in flight \(counts.peak) (limit \(connections.limiter.limit)), "
              + "waited for a turn \(counts.waited), clients made \(connections.clientsMade), connections accepted \(listener.accepted)")
        XCTAssertEqual(counts.peak, Connections.defaultInFlight, "the bound is reached and never passed")
        XCTAssertLessThanOrEqual(samples.map(\.1).max() ?? 0, 16)
        XCTAssertLessThan(samples[2].2, 200, "clients are made as their turn comes, not all at once")
        XCTAssertLessThanOrEqual(listener.accepted, counts.total, "no connection without a request in its turn")

        // node200 leaves: its engine is no longer followed and its client is shut down.
        await engine.followNodes(Array(nodes.prefix(199)), managerHostname: nil)
        engines = await engine.current.engines
        XCTAssertEqual(engines.count, 199)
        XCTAssertFalse(engines.contains { $0.hostname == "node200" })
        let gone = "unix://\(dir)/node200.sock"
        try await eventually { !connections.openClients.contains { $0.endpoint.description == gone } }
        // node201 joins: it gets its engine from the template at this listing.
        await engine.followNodes(Array(nodes.prefix(199)) + [nodes[200]], managerHostname: nil)
        engines = await engine.current.engines
        XCTAssertEqual(engines.last?.hostname, "node201")
        XCTAssertEqual(engines.last?.endpoint, "unix://\(dir)/node201.sock")
        XCTAssertEqual(engines.last?.origin, "template")
        run.cancel()
        await connections.shutdown()
    }

    func testANodeTheTemplateCannotExpandForIsUnreachableWithTheReason() async throws {
        let connections = try Connections(manager: DockerEndpoint(parsing: "unix:///nonexistent/m.sock"), nodeHosts: [],
                                          template: NodeHostTemplate("tcp://{addr}:2376"), timeout: 0.3)
        var nodes = try Self.nodes(2)
        nodes[1].status?.addr = nil
        let engine = RefreshEngine(connections: connections)
        await engine.followNodes(nodes, managerHostname: nil)
        let snapshot = await engine.current
        XCTAssertEqual(snapshot.engines.map(\.hostname), ["node001", "node002"])
        var withNodes = snapshot
        withNodes.nodes = nodes
        XCTAssertEqual(withNodes.engineReach["n002"],
                       .unreachable("node host template \"tcp://{addr}:2376\": the manager lists no address (Status.Addr) for this node, which {addr} needs"))
        XCTAssertEqual(withNodes.engineReach["n001"], .connecting)
        await connections.shutdown()
    }

    private func eventually(_ condition: () -> Bool) async throws {
        let deadline = Date().addingTimeInterval(3)
        while !condition() {
            if Date() > deadline { return XCTFail("not within 3 s") }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
    }
}

/// A unix socket that accepts every connection and never answers: an engine that hangs.
final class HangingListener: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var held: [Int32] = []

    init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.utf8.prefix(raw.count - 1))
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(fd, 1024) == 0 else { throw POSIXError(.EADDRINUSE) }
        let thread = Thread { [self] in
            while true {
                let client = accept(fd, nil, nil)
                guard client >= 0 else { return }
                lock.withLock { held.append(client) }
            }
        }
        thread.start()
    }

    /// Connections accepted so far.
    var accepted: Int { lock.withLock { held.count } }

    func close() {
        shutdown(fd, Int32(SHUT_RDWR))
        _ = Glibc.close(fd)
        lock.withLock { for c in held { _ = Glibc.close(c) } }
    }
}
