import LabFixtures
@testable import SwarmState
import XCTest

/// swarmkit's constraint syntax (`PlacementConstraint`) on the lab's captured nodes.
final class PlacementConstraintTests: XCTestCase {
    private func nodes() throws -> (node1: Node, node2: Node) {
        let nodes = try LabFixtures.decode([Node].self, "sched/nodes.json")
        return (try XCTUnwrap(nodes.first { $0.hostname == "node1" }), try XCTUnwrap(nodes.first { $0.hostname == "node2" }))
    }

    func testEachKeyMatchesTheNodesOwnValue() throws {
        let (node1, node2) = try nodes()
        let met = { (text: String, node: Node) in PlacementConstraint(text)?.isMet(by: node) }
        XCTAssertEqual(met("node.role == manager", node1), true)
        XCTAssertEqual(met("node.role==manager", node2), false)
        XCTAssertEqual(met("node.role == MANAGER", node1), true, "values compare without regard to case")
        XCTAssertEqual(met("node.hostname != node1", node2), true)
        XCTAssertEqual(met("node.id == \(node2.id)", node2), true)
        XCTAssertEqual(met("node.platform.os == linux", node1), true)
        XCTAssertEqual(met("node.platform.arch == \(node1.description?.platform?.architecture ?? "")", node1), true)
        XCTAssertEqual(met("node.labels.gpu == true", node1), false)
        XCTAssertEqual(met("node.labels.gpu != true", node1), true, "a label the node lacks is the empty value")
        XCTAssertEqual(met("engine.labels.zone == a", node1), false)
        XCTAssertEqual(met("node.ip == 10.0.0.1", node1), false, "a key swarmtop does not know matches no node")
        let note = try XCTUnwrap(node2.spec?.labels?["note"])
        XCTAssertEqual(met("node.labels.note == \(note)", node2), true)
    }

    func testTextThatIsNoConstraintIsRefused() {
        XCTAssertNil(PlacementConstraint("node.role"))
        XCTAssertNil(PlacementConstraint("== manager"))
        XCTAssertNil(PlacementConstraint("node.role =="))
        XCTAssertEqual(PlacementConstraint(" node.labels.gpu  ==  true ")?.text, "node.labels.gpu==true")
    }

    func testWhyANodeDoesNotMeetIt() throws {
        let (node1, node2) = try nodes()
        XCTAssertEqual(PlacementConstraint("node.labels.gpu==true")?.unmetReason(node1), "node1 has no label gpu")
        XCTAssertEqual(PlacementConstraint("node.role==manager")?.unmetReason(node2), "node2's node.role is worker")
        XCTAssertEqual(PlacementConstraint("engine.labels.zone==a")?.unmetReason(node2), "node2 has no engine label zone")
    }
}
