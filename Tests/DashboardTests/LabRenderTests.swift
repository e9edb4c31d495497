import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// Every pane rendered from the responses captured from the lab (Tests/LabFixtures), compared
/// line by line with what was checked by eye against `docker node ls`, `docker service ls`,
/// `docker service ps` and `docker ps -s`. Times are UTC; "now" is the capture's moment.
final class LabRenderTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    /// Renders the lab after `keys` and compares the first lines with `top`, the last ones with
    /// `bottom`, and checks that every line between them is blank.
    private func assertScreen(_ keys: [KeyEvent], width: Int, height: Int, top: [String], bottom: [String],
                              file: StaticString = #filePath, line: UInt = #line) throws {
        var state = AppState.loaded(try LabFixtures.snapshot(), width: width, height: height)
        for key in keys { _ = reduce(&state, .key(key)) }
        let lines = render(state, width: width, height: height, now: try LabFixtures.capturedAt()).lines
        XCTAssertEqual(lines.count, height, file: file, line: line)
        XCTAssertEqual(Array(lines.prefix(top.count)), top, file: file, line: line)
        XCTAssertEqual(Array(lines.suffix(bottom.count)), bottom, file: file, line: line)
        XCTAssertEqual(lines.dropFirst(top.count).dropLast(bottom.count).filter { !$0.isEmpty }, [], file: file, line: line)
    }

    /// The nodes pane at 80x24.
    func testNodesPaneAt80x24() throws {
        try assertScreen([.char("1")], width: 80, height: 24, top: [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "HOSTNAME  AVAILABILITY  STATUS  MANAGER STATUS  VERSION    CPUS  MEMORY    TASKS",
            "node1 *   Active        Ready   Leader          20.10.24…  2     23.54GiB  5",
            "node2     Active        Ready                   20.10.24…  2     23.54GiB  5",
        ], bottom: [
            "q quit  ? help  Enter open  a active  p pause  d drain  / filter  s sort  …",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// The services pane at 80x24.
    func testServicesPaneAt80x24() throws {
        try assertScreen([.char("2")], width: 80, height: 24, top: [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "NAME             MODE        REPLICAS  IMAGE                   PORTS",
            "▾ lab  4 services",
            "  lab_agent      global      2/2       swarmtop-lab/busybox:1",
            "  lab_scribbler  replicated  2/2       swarmtop-lab/busybox:1",
            "  lab_viz        replicated  1/1       swarmtop-lab/busybox:1",
            "  lab_web        replicated  5/5       swarmtop-lab/busybox:1  *:8080->80/tcp",
        ], bottom: [
            "q quit  ? help  Enter open  + scale up  - scale down  = replicas  …",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// The tasks pane at 80x24.
    func testTasksPaneAt80x24() throws {
        try assertScreen([.char("3")], width: 80, height: 24, top: [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "NAME             NODE   DESIRED STATE  CURRENT STATE                   ERROR",
            "lab_agent.node1  node1  Running        Running 8 seconds ago",
            "lab_agent.node2  node2  Running        Running 9 seconds ago",
            "lab_scribbler.1  node2  Running        Running 8 seconds ago",
            "lab_scribbler.2  node1  Running        Running 9 seconds ago",
            "lab_viz.1        node1  Running        Running less than a second ago",
            "lab_web.1        node2  Running        Running 7 seconds ago",
            "lab_web.2        node1  Running        Running 8 seconds ago",
            "lab_web.3        node2  Running        Running 7 seconds ago",
            "lab_web.4        node1  Running        Running 8 seconds ago",
            "lab_web.5        node2  Running        Running 7 seconds ago",
        ], bottom: [
            "q quit  ? help  x stop  l logs  / filter  s sort  : command",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// The containers pane at 80x24.
    func testContainersPaneAt80x24() throws {
        try assertScreen([.char("4")], width: 80, height: 24, top: [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "NAME              NODE   STATUS                SIZE                     SIZE AGE",
            "lab_agent.bmfic…  node1  Up About a minute     21B (virtual 1.99MB)     0s ago",
            "lab_scribbler.2…  node1  Up About a minute     6.29MB (virtual 8.28MB)  0s ago",
            "lab_viz.1.jjar4…  node1  Up About a minute (…  0B (virtual 1.99MB)      0s ago",
            "lab_web.2.x0u1t…  node1  Up About a minute     135B (virtual 1.99MB)    0s ago",
            "lab_web.4.2xt89…  node1  Up About a minute     135B (virtual 1.99MB)    0s ago",
            "lab_agent.bvqjw…  node2  Up About a minute     21B (virtual 1.99MB)     0s ago",
            "lab_scribbler.1…  node2  Up About a minute     6.29MB (virtual 8.28MB)  0s ago",
            "lab_web.1.hwm5m…  node2  Up About a minute     135B (virtual 1.99MB)    0s ago",
            "lab_web.3.xs2a4…  node2  Up About a minute     135B (virtual 1.99MB)    0s ago",
            "lab_web.5.5abia…  node2  Up About a minute     135B (virtual 1.99MB)    0s ago",
        ], bottom: [
            "q quit  ? help  r size  x stop  R restart  l logs  / filter  s sort  : command",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// The placement pane at 80x24.
    func testPlacementPaneAt80x24() throws {
        try assertScreen([.char("5")], width: 80, height: 24, top: [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "node1                           node2",
            "manager ready                   worker ready",
            "agent.node1                     agent.node2",
            "scribbler.2                     scribbler.1",
            "viz.1                           web.1",
            "web.2                           web.3",
            "web.4                           web.5",
        ], bottom: [
            "q quit  ? help  ← prev node  → next node  z compact  l logs  : command",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// The nodes pane at 160x45.
    func testNodesPaneAt160x45() throws {
        try assertScreen([.char("1")], width: 160, height: 45, top: [
            "swarmtop  1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "HOSTNAME  ROLE     AVAILABILITY  STATUS  MANAGER STATUS  VERSION         ENGINE  CPUS  MEMORY    TASKS  LABELS",
            "node1 *   manager  Active        Ready   Leader          20.10.24+dfsg1  ok      2     23.54GiB  5",
            "node2     worker   Active        Ready                   20.10.24+dfsg1  ok      2     23.54GiB  5      note=결제 서비스 支払い 🚀",
        ], bottom: [
            "q quit  ? help  Enter open  a active  p pause  d drain  / filter  s sort  : command",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// The services pane at 160x45.
    func testServicesPaneAt160x45() throws {
        try assertScreen([.char("2")], width: 160, height: 45, top: [
            "swarmtop  1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "NAME             MODE        REPLICAS  IMAGE                   PORTS           UPDATE",
            "▾ lab  4 services",
            "  lab_agent      global      2/2       swarmtop-lab/busybox:1",
            "  lab_scribbler  replicated  2/2       swarmtop-lab/busybox:1",
            "  lab_viz        replicated  1/1       swarmtop-lab/busybox:1",
            "  lab_web        replicated  5/5       swarmtop-lab/busybox:1  *:8080->80/tcp",
        ], bottom: [
            "q quit  ? help  Enter open  + scale up  - scale down  = replicas  D remove stack  X stop/start stack  l logs  / filter  s sort  : command",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// The tasks pane at 160x45.
    func testTasksPaneAt160x45() throws {
        try assertScreen([.char("3")], width: 160, height: 45, top: [
            "swarmtop  1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "NAME             NODE   DESIRED STATE  CURRENT STATE                   ERROR",
            "lab_agent.node1  node1  Running        Running 8 seconds ago",
            "lab_agent.node2  node2  Running        Running 9 seconds ago",
            "lab_scribbler.1  node2  Running        Running 8 seconds ago",
            "lab_scribbler.2  node1  Running        Running 9 seconds ago",
            "lab_viz.1        node1  Running        Running less than a second ago",
            "lab_web.1        node2  Running        Running 7 seconds ago",
            "lab_web.2        node1  Running        Running 8 seconds ago",
            "lab_web.3        node2  Running        Running 7 seconds ago",
            "lab_web.4        node1  Running        Running 8 seconds ago",
            "lab_web.5        node2  Running        Running 7 seconds ago",
        ], bottom: [
            "q quit  ? help  x stop  l logs  / filter  s sort  : command",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// The containers pane at 160x45.
    func testContainersPaneAt160x45() throws {
        try assertScreen([.char("4")], width: 160, height: 45, top: [
            "swarmtop  1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "NAME                                                           NODE   IMAGE                   STATUS                       SIZE                     SIZE AGE",
            "lab_agent.bmficp7lhndzbpckirlf8layo.upekeysv830i2671sb3ncehwi  node1  swarmtop-lab/busybox:1  Up About a minute            21B (virtual 1.99MB)     0s ago",
            "lab_scribbler.2.p6exvg07tyvtie9ppwrckinn9                      node1  swarmtop-lab/busybox:1  Up About a minute            6.29MB (virtual 8.28MB)  0s ago",
            "lab_viz.1.jjar4nbbxnrsya2bhclh3l72c                            node1  swarmtop-lab/busybox:1  Up About a minute (healthy)  0B (virtual 1.99MB)      0s ago",
            "lab_web.2.x0u1tc3ze4oqiy45dsbte7qja                            node1  swarmtop-lab/busybox:1  Up About a minute            135B (virtual 1.99MB)    0s ago",
            "lab_web.4.2xt89mrt017h5jwmmtkstyqiq                            node1  swarmtop-lab/busybox:1  Up About a minute            135B (virtual 1.99MB)    0s ago",
            "lab_agent.bvqjwdw70mfcpvq0lpb7g1cdp.lojg08tmi6fjnts4fs45465ao  node2  swarmtop-lab/busybox:1  Up About a minute            21B (virtual 1.99MB)     0s ago",
            "lab_scribbler.1.j4fw2gtgbjgv7z2u7uw0tngdm                      node2  swarmtop-lab/busybox:1  Up About a minute            6.29MB (virtual 8.28MB)  0s ago",
            "lab_web.1.hwm5mta8bohiyhqjqv05ly197                            node2  swarmtop-lab/busybox:1  Up About a minute            135B (virtual 1.99MB)    0s ago",
            "lab_web.3.xs2a4pbs3dj3zkhd70zxb6x9n                            node2  swarmtop-lab/busybox:1  Up About a minute            135B (virtual 1.99MB)    0s ago",
            "lab_web.5.5abia6rdfgps6ge7y2feliobu                            node2  swarmtop-lab/busybox:1  Up About a minute            135B (virtual 1.99MB)    0s ago",
        ], bottom: [
            "q quit  ? help  r size  x stop  R restart  l logs  / filter  s sort  : command",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// The placement pane at 160x45.
    func testPlacementPaneAt160x45() throws {
        try assertScreen([.char("5")], width: 160, height: 45, top: [
            "swarmtop  1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "node1                           node2",
            "manager ready                   worker ready",
            "agent.node1                     agent.node2",
            "scribbler.2                     scribbler.1",
            "viz.1                           web.1",
            "web.2                           web.3",
            "web.4                           web.5",
        ], bottom: [
            "q quit  ? help  ← prev node  → next node  z compact  l logs  : command",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// Scale lab_web up: the confirmation.
    func testScaleDialog() throws {
        try assertScreen([.char("2"), .char("j"), .char("j"), .char("j"), .char("j"), .char("+")], width: 80, height: 24, top: [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "NAME             MODE        REPLICAS  IMAGE                   PORTS",
            "▾ lab  4 services",
            "  lab_agent      global      2/2       swarmtop-lab/busybox:1",
            "  lab_scribbler  replicated  2/2       swarmtop-lab/busybox:1",
            "  lab_viz        replicated  1/1       swarmtop-lab/busybox:1",
            "  lab_web        replicated  5/5       swarmtop-lab/busybox:1  *:8080->80/tcp",
            "",
            "",
            "        ┌─ Scale service ──────────────────────────────────────────────┐",
            "        │                                                              │",
            "        │ Scale service lab_web from 5 to 6 replicas?                  │",
            "        │                                                              │",
            "        └─ y/Enter confirm  n/Esc cancel ──────────────────────────────┘",
        ], bottom: [
            "y/Enter confirm  n/Esc cancel",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// Type 12 replicas for lab_web.
    func testReplicaCountConfirmation() throws {
        try assertScreen([.char("2"), .char("j"), .char("j"), .char("j"), .char("j"), .char("="), .char("1"), .char("2"), .enter], width: 80, height: 24, top: [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "NAME             MODE        REPLICAS  IMAGE                   PORTS",
            "▾ lab  4 services",
            "  lab_agent      global      2/2       swarmtop-lab/busybox:1",
            "  lab_scribbler  replicated  2/2       swarmtop-lab/busybox:1",
            "  lab_viz        replicated  1/1       swarmtop-lab/busybox:1",
            "  lab_web        replicated  5/5       swarmtop-lab/busybox:1  *:8080->80/tcp",
            "",
            "",
            "        ┌─ Scale service ──────────────────────────────────────────────┐",
            "        │                                                              │",
            "        │ Scale service lab_web from 5 to 12 replicas?                 │",
            "        │                                                              │",
            "        └─ y/Enter confirm  n/Esc cancel ──────────────────────────────┘",
        ], bottom: [
            "y/Enter confirm  n/Esc cancel",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// Remove the stack of lab_agent: the name must be typed, so letters are text and the
    /// hint bar is empty.
    func testRemoveStackDialog() throws {
        // Its secrets, configs and networks are still being read: Enter is refused until they are listed.
        try assertScreen([.char("2"), .char("j"), .char("D"), .char("l")], width: 80, height: 24, top: [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "NAME             MODE        REPLICAS  IMAGE                   PORTS",
            "▾ lab  4 services",
            "  lab_ag┌─ Remove stack ───────────────────────────────────────────────┐",
            "  lab_sc│                                                              │",
            "  lab_vi│ Remove stack lab?                                            │",
            "  lab_we│                                                              │0/tcp",
            "        │ Its 4 services are removed: lab_agent, lab_scribbler,        │",
            "        │ lab_viz, lab_web.                                            │",
            "        │                                                              │",
            "        │ So are its secrets, configs and networks (labelled           │",
            "        │ com.docker.stack.namespace=lab), as docker stack rm does.    │",
            "        │ Volumes are kept.                                            │",
            "        │                                                              │",
            "        │ Type lab and press Enter to remove it.                       │",
            "        │                                                              │",
            "        │ > l▏                                                         │",
            "        │                                                              │",
            "        │ reading its secrets, configs and networks…                   │",
            "        │                                                              │",
            "        └─ Esc cancel ─────────────────────────────────────────────────┘",
        ], bottom: [
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// The help overlay over the nodes pane: the keys that apply there, whole at 80 columns.
    func testHelpOverlay() throws {
        try assertScreen([.char("?")], width: 80, height: 24, top: [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "┌─ Keys: Nodes ────────────────────────────────────────────────────────────────┐",
            "│ q          quit                    PgUp    page up                           │",
            "│ Ctrl-C     quit from anywhere      g/Home  first row                         │",
            "│ ?          show or hide this help  G/End   last row                          │",
            "│ Tab        next pane               Enter   open node, service, stack, image  │",
            "│ Shift-Tab  previous pane           Esc     back (or clear a table's filter)  │",
            "│ 1          Nodes pane              u       undo the last scale (confirm)     │",
            "│ 2          Services pane           i       inspect: details of the selection │",
            "│ 3          Tasks pane              a       make the node active (confirm)    │",
            "│ 4          Containers pane         p       pause the node (confirm)          │",
            "│ 5          Placement pane          d       drain the node (confirm)          │",
            "│ 6          Disk pane               /       filter by text or regex           │",
            "│ 7          Events pane             s       sort by the next column           │",
            "│ j/↓        move down               S       reverse the sort                  │",
            "│ k/↑        move up                 :       command line (:scale web 3, :q …) │",
            "│ PgDn       page down                                                         │",
            "│                                                                              │",
            "│ ENGINE: is the node's own engine reached (containers, sizes)?                │",
            "│ Name every node's: --node-host-template ssh://user@{hostname}                │",
            "│ ({addr}, {id} too), --node-host HOST=URL, or a context per node.             │",
            "└─ ? or Esc closes ────────────────────────────────────────────────────────────┘",
        ], bottom: [
            "q quit  ? help  Enter open  a active  p pause  d drain  / filter  s sort  …",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// Enter on lab_web.
    func testTasksOfAService() throws {
        try assertScreen([.char("2"), .char("j"), .char("j"), .char("j"), .char("j"), .enter], width: 80, height: 24, top: [
            "swarmtop  1  2  3 Tasks  4  5  6  7   tasks of lab_web",
            "NAME       NODE   DESIRED STATE  CURRENT STATE          ERROR",
            "lab_web.1  node2  Running        Running 7 seconds ago",
            "lab_web.2  node1  Running        Running 8 seconds ago",
            "lab_web.3  node2  Running        Running 7 seconds ago",
            "lab_web.4  node1  Running        Running 8 seconds ago",
            "lab_web.5  node2  Running        Running 7 seconds ago",
        ], bottom: [
            "q quit  ? help  Esc back  x stop  l logs  / filter  s sort  : command",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// Enter on node2.
    func testTasksOnANode() throws {
        try assertScreen([.char("1"), .char("j"), .enter], width: 80, height: 24, top: [
            "swarmtop  1  2  3 Tasks  4  5  6  7   tasks on node2",
            "NAME             NODE   DESIRED STATE  CURRENT STATE          ERROR",
            "lab_agent.node2  node2  Running        Running 9 seconds ago",
            "lab_scribbler.1  node2  Running        Running 8 seconds ago",
            "lab_web.1        node2  Running        Running 7 seconds ago",
            "lab_web.3        node2  Running        Running 7 seconds ago",
            "lab_web.5        node2  Running        Running 7 seconds ago",
        ], bottom: [
            "q quit  ? help  Esc back  x stop  l logs  / filter  s sort  : command",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// A card selected on node2.
    func testPlacementSelection() throws {
        try assertScreen([.char("5"), .char("j"), .right], width: 80, height: 24, top: [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "node1                           node2",
            "manager ready                   worker ready",
            "agent.node1                     agent.node2",
            "scribbler.2                     scribbler.1",
            "viz.1                           web.1",
            "web.2                           web.3",
            "web.4                           web.5",
        ], bottom: [
            "q quit  ? help  ← prev node  → next node  z compact  l logs  : command",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// X on lab_web.1 in the tasks pane.
    func testStopAContainerOfAnOnFailureServiceSaysItMayNotBeReplaced() throws {
        var state = AppState.loaded(try LabFixtures.snapshot(), width: 120, height: 40)
        let engine = try XCTUnwrap(state.snapshot?.engines.first { $0.containers.contains { $0.serviceName == "lab_web" && $0.state == "running" } })
        let web = try XCTUnwrap(engine.containers.first { $0.serviceName == "lab_web" && $0.state == "running" })
        state.press(.char("4"))
        state.select(.container(hostname: engine.hostname, id: web.id))
        state.press(.char("x"))
        XCTAssertEqual(state.confirmation?.message.last, "It runs a task of lab_web: its restart policy is on-failure, so swarm replaces it "
                       + "only if it exits with an error; a clean exit leaves the service a task short.")
    }

    func testStopATasksContainer() throws {
        try assertScreen([.char("3"), .char("j"), .char("j"), .char("j"), .char("j"), .char("j"), .char("x")], width: 80, height: 24, top: [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "NAME             NODE   DESIRED STATE  CURRENT STATE                   ERROR",
            "lab_agent.node1  node1  Running        Running 8 seconds ago",
            "lab_agent.node2  node2  Running        Running 9 seconds ago",
            "lab_scribbler.1  node2  Running        Running 8 seconds ago",
            "lab_scribbler.2  node1  Running        Running 9 seconds ago",
            "lab_viz.1        node1  Running        Running less than a second ago",
            "lab_web.┌─ Stop container ─────────────────────────────────────────────┐",
            "lab_web.│                                                              │",
            "lab_web.│ Stop container lab_web.1.hwm5mta8bohiyhqjqv05ly197 on node2? │",
            "lab_web.│                                                              │",
            "lab_web.│ It runs task lab_web.1: its restart policy is on-failure, so │",
            "        │ swarm replaces it only if it exits with an error; a clean    │",
            "        │ exit leaves the service a task short.                        │",
            "        │                                                              │",
            "        └─ y/Enter confirm  n/Esc cancel ──────────────────────────────┘",
        ], bottom: [
            "y/Enter confirm  n/Esc cancel",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }

    /// X on lab_viz.1 in the containers pane.
    func testStopAContainer() throws {
        try assertScreen([.char("4"), .char("j"), .char("j"), .char("x")], width: 80, height: 24, top: [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "NAME              NODE   STATUS                SIZE                     SIZE AGE",
            "lab_agent.bmfic…  node1  Up About a minute     21B (virtual 1.99MB)     0s ago",
            "lab_scribbler.2…  node1  Up About a minute     6.29MB (virtual 8.28MB)  0s ago",
            "lab_viz.1.jjar4…  node1  Up About a minute (…  0B (virtual 1.99MB)      0s ago",
            "lab_web.2.x0u1t…  node1  Up About a minute     135B (virtual 1.99MB)    0s ago",
            "lab_web.4.2xt89…  node1  Up About a minute     135B (virtual 1.99MB)    0s ago",
            "lab_agent.bvqjw…  node2  Up About a minute     21B (virtual 1.99MB)     0s ago",
            "lab_scri┌─ Stop container ─────────────────────────────────────────────┐0s ago",
            "lab_web.│                                                              │0s ago",
            "lab_web.│ Stop container lab_viz.1.jjar4nbbxnrsya2bhclh3l72c on node1? │0s ago",
            "lab_web.│                                                              │0s ago",
            "        │ It runs a task of lab_viz: swarm will start a new task to    │",
            "        │ replace it.                                                  │",
            "        │                                                              │",
            "        └─ y/Enter confirm  n/Esc cancel ──────────────────────────────┘",
        ], bottom: [
            "y/Enter confirm  n/Esc cancel",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }
}

extension LabRenderTests {
    /// A `--node-host` whose hostname no node has (a typo) is said in the status line.
    func testANodeHostThatNamesNoNodeIsSaid() throws {
        var snapshot = try LabFixtures.snapshot()
        snapshot.engines.append(NodeEngine(hostname: "nod2", endpoint: "tcp://10.0.0.2:2375"))
        let state = AppState.loaded(snapshot, width: 160, height: 24)
        XCTAssertEqual(render(state, width: 160, height: 24, now: try LabFixtures.capturedAt()).lines[23],
                       "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01  --node-host nod2: no node of the swarm has this hostname")
    }
}

extension LabRenderTests {
    /// When the manager stops answering, the panes keep its last answer and the status line says they are stale.
    func testAManagerThatStopsAnsweringMakesThePanesStale() throws {
        var snapshot = try LabFixtures.snapshot()
        snapshot.error = "cannot reach unix:///run/swarmtop-lab/node1.sock: connection refused"
        let state = AppState.loaded(snapshot, width: 160, height: 24)
        let buffer = render(state, width: 160, height: 24, now: try LabFixtures.capturedAt())
        XCTAssertEqual(buffer.lines[23], "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01 (stale)  "
                       + "cannot reach unix:///run/swarmtop-lab/node1.sock: connection refused")
        XCTAssertEqual(buffer[0, 23].style, Style(.warn, bold: true, on: .statusBar))
        XCTAssertTrue(buffer.lines[2].hasPrefix("node1 *"), "the last answer is still shown")
    }
}

extension LabRenderTests {
    /// The lab's four services get four colours in the placement grid (by hash alone,
    /// lab_scribbler and lab_viz were both cyan); a newer service never takes an older one's.
    func testEveryLabServiceHasItsOwnColour() throws {
        var state = AppState.loaded(try LabFixtures.snapshot(), width: 120, height: 30)
        state.press(.char("5"))
        let buffer = render(state, width: 120, height: 30, now: try LabFixtures.capturedAt())
        var colours: [String: TermColor] = [:]
        for y in 0..<30 {
            let line = buffer.lines[y]
            for service in ["agent", "scribbler", "viz", "web"] {
                guard let range = line.range(of: service + ".") else { continue }
                let x = line.distance(from: line.startIndex, to: range.lowerBound)
                colours[service] = Theme.default.attributes(for: buffer[x, y].style).foreground
            }
        }
        XCTAssertEqual(colours.count, 4)
        XCTAssertEqual(Set(colours.values).count, 4, "\(colours)")
        let older = Style.services(["a", "b"]), newer = Style.services(["a", "b", "c"])
        XCTAssertEqual(older["a"], newer["a"])
        XCTAssertEqual(older["b"], newer["b"])
        XCTAssertEqual(Set(Style.services((0..<11).map { "s\($0)" }).values).count, 11, "eleven services, eleven colours")
    }
}
