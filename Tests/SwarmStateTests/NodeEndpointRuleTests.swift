import Foundation
import LabFixtures
import SwarmState
import XCTest

/// `NodeHostTemplate` and `NodeEndpointRule`: which engine a node gets, and why.
final class NodeEndpointRuleTests: XCTestCase {
    private typealias Address = NodeHostTemplate.NodeAddress
    private let node2 = Address(id: "n2id", hostname: "node2", addr: "10.99.0.3")
    private let manager = try! DockerEndpoint(parsing: "unix:///run/swarmtop-lab/node1.sock")

    private func endpoint(_ s: String) throws -> DockerEndpoint { try DockerEndpoint(parsing: s) }

    func testTemplateExpandsEachPlaceholder() throws {
        let t = try NodeHostTemplate("unix:///run/{hostname}/{id}.sock")
        XCTAssertEqual(try t.endpoint(for: node2), try endpoint("unix:///run/node2/n2id.sock"))
        XCTAssertEqual(try NodeHostTemplate("tcp://{addr}:2376").endpoint(for: node2).address, .tcp(host: "10.99.0.3", port: 2376))
        XCTAssertEqual(try NodeHostTemplate("tcp://{addr}:2376").endpoint(for: Address(id: "x", hostname: "h", addr: "fd00::3")).address,
                       .tcp(host: "fd00::3", port: 2376))
    }

    func testTemplateTakesTheManagersTLSFiles() throws {
        let tls = DockerEndpoint.TLSFiles(certPath: "/certs", verify: true)
        let e = try NodeHostTemplate("tcp://{hostname}:2376", tls: tls).endpoint(for: node2)
        XCTAssertEqual(e.address, .tcp(host: "node2", port: 2376))
        XCTAssertEqual(e.tls, tls)
    }

    func testMalformedTemplatesAreRefusedWithTheReason() {
        func problem(_ text: String) -> String {
            do { _ = try NodeHostTemplate(text); return "accepted" } catch { return "\(error)" }
        }
        XCTAssertEqual(problem("ssh://ops@{host}"),
                       "unknown placeholder {host} in node host template \"ssh://ops@{host}\": use {hostname}, {addr} or {id}")
        XCTAssertEqual(problem("tcp://{hostname"), "a \"{\" without its \"}\" in node host template \"tcp://{hostname\"")
        XCTAssertEqual(problem("tcp://hostname}"), "a \"}\" without its \"{\" in node host template \"tcp://hostname}\"")
        XCTAssertTrue(problem("ftp://{hostname}").hasPrefix("node host template \"ftp://{hostname}\" is not an endpoint: invalid endpoint"),
                      problem("ftp://{hostname}"))
        XCTAssertTrue(problem("tcp://{addr}:99999").contains("the port is not a number from 1 to 65535"), problem("tcp://{addr}:99999"))
    }

    func testAHostnameThatWouldBecomeAnOptionOrAPathIsNotSubstituted() {
        let t = try! NodeHostTemplate("unix:///run/e/{hostname}.sock")
        for hostile in ["-oProxyCommand=x", "../../etc/x", "a b", "ops@evil", "a\u{1b}[2J"] {
            XCTAssertThrowsError(try t.endpoint(for: Address(id: "i", hostname: hostile, addr: nil)), hostile) { error in
                XCTAssertTrue("\(error)".contains("is not used in a node host template"), "\(error)")
                XCTAssertFalse("\(error)".contains("\u{1b}"), "controls are escaped")
            }
        }
    }

    func testAManagerWhoseStatusAddrIsZeroGivesItsManagerAddress() throws {
        var nodes = try LabFixtures.decode([Node].self, "nodes.json")
        nodes[0].status?.addr = "0.0.0.0"
        nodes[0].managerStatus?.addr = "10.99.0.2:2377"
        XCTAssertEqual(Address(nodes[0]).addr, "10.99.0.2")
        XCTAssertEqual(Address(nodes[1]).addr, nodes[1].status?.addr)
    }

    func testExplicitNodeHostWinsOverTemplateAndContexts() throws {
        let explicit = try endpoint("tcp://10.0.0.9:2375")
        let rule = NodeEndpointRule(nodeHosts: ["node2": explicit], template: try NodeHostTemplate("tcp://{addr}:2376"),
                                    contexts: ["node2": try endpoint("tcp://ctx:2375")], manager: manager)
        XCTAssertEqual(rule.choose(node2, managerHostname: "node1"), .init(origin: .nodeHost, endpoint: explicit))
        XCTAssertEqual(rule.choose(node2, managerHostname: "node1").origin.description, "--node-host")
    }

    func testTemplateWinsOverContexts() throws {
        let rule = NodeEndpointRule(template: try NodeHostTemplate("tcp://{addr}:2376"),
                                    contexts: ["node2": try endpoint("tcp://ctx:2375")], manager: manager)
        XCTAssertEqual(rule.choose(node2, managerHostname: "node1"), .init(origin: .template, endpoint: try endpoint("tcp://10.99.0.3:2376")))
    }

    func testABadExpansionIsThatNodesProblem() throws {
        let rule = NodeEndpointRule(template: try NodeHostTemplate("tcp://{addr}:2376"), manager: manager)
        let choice = rule.choose(Address(id: "x", hostname: "node3", addr: nil), managerHostname: "node1")
        XCTAssertEqual(choice.origin, .template)
        XCTAssertNil(choice.endpoint)
        XCTAssertEqual(choice.problem, "node host template \"tcp://{addr}:2376\": the manager lists no address (Status.Addr) for this node, which {addr} needs")
    }

    func testContextNamedLikeTheHostname() throws {
        let ctx = try endpoint("tcp://node2.example:2376")
        let rule = NodeEndpointRule(contexts: ["node2": ctx, "other": manager], manager: manager)
        XCTAssertEqual(rule.choose(node2, managerHostname: "node1"), .init(origin: .context("node2"), endpoint: ctx))
    }

    func testContextWithTheCurrentContextsPrefix() throws {
        let lab2 = try endpoint("unix:///run/swarmtop-lab/node2.sock")
        let rule = NodeEndpointRule(contexts: ["lab-node1": manager, "lab-node2": lab2, "prod-node2": manager],
                                    currentContext: "lab-node1", manager: manager)
        let choice = rule.choose(node2, managerHostname: "node1")
        XCTAssertEqual(choice, .init(origin: .context("lab-node2"), endpoint: lab2))
        XCTAssertEqual(choice.origin.description, "context lab-node2")
        XCTAssertEqual(rule.choose(Address(id: "1", hostname: "node1", addr: nil), managerHostname: "node1").origin, .context("lab-node1"))
        // A current context that does not end with the manager's hostname gives no prefix.
        let other = NodeEndpointRule(contexts: ["lab-node2": lab2], currentContext: "production", manager: manager)
        XCTAssertEqual(other.choose(node2, managerHostname: "node1").origin, .none)
    }

    func testTheManagersOwnNodeFallsBackToTheManagersEngine() {
        let rule = NodeEndpointRule(manager: manager)
        XCTAssertEqual(rule.choose(Address(id: "1", hostname: "node1", addr: nil), managerHostname: "node1"),
                       .init(origin: .manager, endpoint: manager))
        XCTAssertEqual(rule.choose(node2, managerHostname: "node1"), .init(origin: .none))
        XCTAssertEqual(rule.choose(node2, managerHostname: nil), .init(origin: .none))
    }
}

/// `Connections.plan`: which node engines are followed, in which order.
final class ConnectionsPlanTests: XCTestCase {
    func testNodeHostsFirstInTheirOrderThenNamedNodesByHostnameOnceEach() throws {
        var nodes = try NodeEngineFollowTests.nodes(4)  // node001 … node004
        nodes[3].description?.hostname = "node002"      // left and joined again: down, same hostname
        nodes[3].id = "n002-old"
        nodes[3].status?.state = "down"
        let manager = try DockerEndpoint(parsing: "unix:///run/m.sock")
        let connections = try Connections(
            manager: manager, nodeHosts: [("ghost", try DockerEndpoint(parsing: "unix:///run/ghost.sock")),
                                          ("node003", try DockerEndpoint(parsing: "unix:///run/n3.sock"))],
            contexts: ["node002": try DockerEndpoint(parsing: "tcp://node002:2376")], timeout: 1)
        let plan = connections.plan(nodes: nodes.reversed(), managerHostname: "node001")
        XCTAssertEqual(plan.map(\.hostname), ["ghost", "node003", "node001", "node002"])
        XCTAssertEqual(plan.map(\.choice.origin), [.nodeHost, .nodeHost, .manager, .context("node002")])
        XCTAssertEqual(connections.clientsMade, 0, "planning makes no client")
        XCTAssertTrue(try connections.engine(hostname: "node001", managerHostname: "node001") === connections.manager)
        XCTAssertThrowsError(try connections.engine(hostname: "node004", managerHostname: "node001")) { error in
            XCTAssertEqual("\(error)", "cannot reach node004: \(Connections.notConfigured)")
        }
        XCTAssertEqual(try connections.engine(hostname: "node002", managerHostname: "node001").endpoint.description, "tcp://node002:2376")
        XCTAssertEqual(connections.clientsMade, 1)
        let shutdown = expectation(description: "shut down")
        Task { await connections.shutdown(); shutdown.fulfill() }
        wait(for: [shutdown], timeout: 5)
        XCTAssertThrowsError(try connections.client(for: DockerEndpoint(parsing: "unix:///run/late.sock")), "no client after shutdown")
    }
}
