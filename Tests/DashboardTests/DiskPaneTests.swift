import Foundation
import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// The disk pane (6) rendered from the answers captured on the lab (`scripts/capture-fixtures
/// --disk-only`): each node's `/info` and `/system/df`, and node1's `/system/df` again 12 s
/// later, after `capture_grow` wrote 2 MiB more.
final class DiskPaneTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private func screen(_ snapshot: ClusterSnapshot, keys: [KeyEvent] = [], width: Int = 150, height: Int = 24) throws -> [String] {
        var state = AppState.loaded(snapshot, width: width, height: height)
        state.press(.char("6"))
        for key in keys { state.press(key) }
        return render(state, width: width, height: height, now: try LabFixtures.capturedAt()).lines
    }

    /// `docker system df`'s lines of each node, as the CLI printed them when the answers were captured.
    func testTotalsAreComputedAsTheCLIDoes() throws {
        for host in ["node1", "node2"] {
            let usage = try LabFixtures.decode(DiskUsage.self, "disk/system-df-\(host).json")
            let ours = DiskTotals.of(usage).map { t in
                ["Type": t.kind.rawValue, "TotalCount": String(t.total), "Active": String(t.active),
                 "Size": Format.diskSize(t.size), "Reclaimable": Format.reclaimable(t)]
            }
            XCTAssertEqual(ours, try LabFixtures.cliSystemDF(host), host)
        }
    }

    func testFormats() {
        XCTAssertEqual(Format.diskSize(1_987_415), "1.987MB")
        XCTAssertEqual(Format.diskSize(0), "0B")
        XCTAssertEqual(Format.growth(nil), "-")
        XCTAssertEqual(Format.growth(0), "0B/min")
        XCTAssertEqual(Format.growth(10_485_760), "+10.5MB/min")
        XCTAssertEqual(Format.growth(-1_500), "-1.5kB/min")
        XCTAssertEqual(Format.sparkline([1, 1, 1]), "▁▁▁")
        XCTAssertEqual(Format.sparkline([0, 7, 14]), "▁▅█")
        XCTAssertEqual(Format.sparkline([]), "")
    }

    func testTheDiskPaneRanksWritableLayersWithTheirGrowth() throws {
        // `a`: the exited containers too (quiet rows), ranked with the others.
        let lines = try screen(try LabFixtures.diskSnapshot(), keys: [.char("a")])
        XCTAssertEqual(lines, [
            "swarmtop  1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events   32 exited shown · a hides them",
            "overlay2 on extfs (node1, node2): a first write copies the whole file up  ·  data root node1 /run/swarmtop-lab/node1-data, node2 /run/swarmtop-lab/no…",
            "TYPE            TOTAL   ACTIVE   SIZE      RECLAIMABLE      node1     node2",
            "Images          4       4        16.03MB   3.975MB (24%)    8.017MB   8.017MB",
            "Containers      48      16       71.3MB    46.14MB (64%)    35.13MB   36.18MB",
            "Local Volumes   1       0        1.049MB   1.049MB (100%)   1.049MB   0B",
            "Build Cache     0       0        0B        0B               0B        0B",
            "writable layers by stack: lab 68.2MB  ·  by service: lab_scribbler 58.7MB, lab_disk 9.44MB, lab_agent 126B, hrec-it-29b871 0B, lab_viz 0B, lab_web 0B",
            "",
            "NAME                               NODE   SERVICE         STACK  IMAGE                   SIZE    GROWTH       LAST SIZES  STATUS",
            "lab_scribbler.1.kcgbqmdppv3izvzn…  node1  lab_scribbler   lab    swarmtop-lab/busybox:1  6.29MB  0B/min       ▁▁          Exited (0) 27 minutes ago",
            "lab_scribbler.1.mdjy7fi3l0my86ce…  node1  lab_scribbler   lab    swarmtop-lab/busybox:1  6.29MB  0B/min       ▁▁          Up 27 minutes",
            "lab_scribbler.1.p5tap69ctehze999…  node1  lab_scribbler   lab    swarmtop-lab/busybox:1  6.29MB  0B/min       ▁▁          Exited (0) 33 minutes ago",
            "lab_scribbler.1.t3etdv0p5clxk02i…  node1  lab_scribbler   lab    swarmtop-lab/busybox:1  6.29MB  0B/min       ▁▁          Exited (0) 31 minutes ago",
            "lab_scribbler.1.ww8n95qvvsz0gkxz…  node2  lab_scribbler   lab    swarmtop-lab/busybox:1  6.29MB  -            ▁           Exited (0) About an hour ago",
            "lab_scribbler.2.ia9id8b6z1zoywty…  node2  lab_scribbler   lab    swarmtop-lab/busybox:1  6.29MB  -            ▁           Exited (0) 43 minutes ago",
            "lab_scribbler.2.nsourbi3z6j3kb4r…  node2  lab_scribbler   lab    swarmtop-lab/busybox:1  6.29MB  -            ▁           Exited (0) 31 minutes ago",
            "lab_scribbler.2.ronut2sbwh7f15l9…  node2  lab_scribbler   lab    swarmtop-lab/busybox:1  6.29MB  -            ▁           Up 27 minutes",
            "lab_scribbler.2.ucwcpefaplzvob08…  node2  lab_scribbler   lab    swarmtop-lab/busybox:1  6.29MB  -            ▁           Exited (0) 28 minutes ago",
            "lab_disk.64wq4yd1wpnepsqmz9mm0dy…  node1  lab_disk        lab    swarmtop-lab/disk:1     4.72MB  0B/min       ▁▁          Up 21 minutes",
            "lab_disk.azeccmbsen6ryv6oqti2tde…  node2  lab_disk        lab    swarmtop-lab/disk:1     4.72MB  -            ▁           Up 21 minutes",
            "capture_grow                       node1                         swarmtop-lab/busybox:1  3.15MB  +10.5MB/min  ▁█          Up 14 seconds",
            "q quit  ? help  Enter open  / filter  s sort  : command",
            "unix:///run/swarmtop-lab/node1.sock",
        ])
    }

    /// At 80 columns the summary's lines are cut, the table keeps NAME, NODE, IMAGE, SIZE, GROWTH;
    /// the exited containers are left out (quiet rows), the tabs shrink to say so.
    func testAt80x24() throws {
        let lines = try screen(try LabFixtures.diskSnapshot(), width: 80, height: 24)
        XCTAssertEqual(lines, [
            "swarmtop  1  2  3  4  5  6 Disk  7   32 exited hidden · a shows all",
            "overlay2 on extfs (node1, node2): a first write copies the whole file up  ·  da…",
            "TYPE            TOTAL   ACTIVE   SIZE      RECLAIMABLE      node1     node2",
            "Images          4       4        16.03MB   3.975MB (24%)    8.017MB   8.017MB",
            "Containers      48      16       71.3MB    46.14MB (64%)    35.13MB   36.18MB",
            "Local Volumes   1       0        1.049MB   1.049MB (100%)   1.049MB   0B",
            "Build Cache     0       0        0B        0B               0B        0B",
            "writable layers by stack: lab 68.2MB  ·  by service: lab_scribbler 58.7MB, lab_…",
            "",
            "NAME                          NODE   IMAGE                   SIZE    GROWTH",
            "lab_scribbler.1.mdjy7fi3l0m…  node1  swarmtop-lab/busybox:1  6.29MB  0B/min",
            "lab_scribbler.2.ronut2sbwh7…  node2  swarmtop-lab/busybox:1  6.29MB  -",
            "lab_disk.64wq4yd1wpnepsqmz9…  node1  swarmtop-lab/disk:1     4.72MB  0B/min",
            "lab_disk.azeccmbsen6ryv6oqt…  node2  swarmtop-lab/disk:1     4.72MB  -",
            "capture_grow                  node1  swarmtop-lab/busybox:1  3.15MB  +10.5MB/min",
            "lab_agent.64wq4yd1wpnepsqmz…  node1  swarmtop-lab/busybox:1  21B     0B/min",
            "lab_agent.azeccmbsen6ryv6oq…  node2  swarmtop-lab/busybox:1  21B     -",
            "hrec-it-29b871.1.y97v20vxr1…  node1  swarmtop-lab/busybox:1  0B      0B/min",
            "lab_viz.1.2mmcaplfdy5jwp7m5…  node1  swarmtop-lab/busybox:1  0B      0B/min",
            "lab_web.4.rz75kx3ayq6z0wyl3…  node1  swarmtop-lab/busybox:1  0B      0B/min",
            "lab_web.5.n9xtaucs1gk1xprtz…  node1  swarmtop-lab/busybox:1  0B      0B/min",
            "hrec-it-29b871.2.n0nqe5625d…  node2  swarmtop-lab/busybox:1  0B      -",
            "q quit  ? help  Enter open  / filter  s sort  : command",
            "unix:///run/swarmtop-lab/node1.sock",
        ])
    }

    func testSlashFiltersAndSSortsTheContainers() throws {
        // At 120 columns STATUS is hidden: seven `s` sort by GROWTH (the seventh column shown),
        // then `S` puts the fastest first; a growth not known yet (`-`) comes last.
        let keys: [KeyEvent] = [.char("/")] + "capture|disk".map { .char($0) } + [.enter] + Array(repeating: .char("s"), count: 7) + [.char("S")]
        let lines = try screen(try LabFixtures.diskSnapshot(), keys: keys, width: 120, height: 16)
        XCTAssertEqual(lines, [
            "swarmtop  1  2  3  4  5  6 Disk  7   /capture|disk  3 of 16  32 exited hidden · a shows all",
            "overlay2 on extfs (node1, node2): a first write copies the whole file up  ·  data root node1 /run/swarmtop-lab/node1-da…",
            "TYPE            TOTAL   ACTIVE   SIZE      RECLAIMABLE      node1     node2",
            "Images          4       4        16.03MB   3.975MB (24%)    8.017MB   8.017MB",
            "Containers      48      16       71.3MB    46.14MB (64%)    35.13MB   36.18MB",
            "Local Volumes   1       0        1.049MB   1.049MB (100%)   1.049MB   0B",
            "Build Cache     0       0        0B        0B               0B        0B",
            "writable layers by stack: lab 68.2MB  ·  by service: lab_scribbler 58.7MB, lab_disk 9.44MB, lab_agent 126B, hrec-it-29b…",
            "",
            "NAME                               NODE   SERVICE         STACK  IMAGE                   SIZE    GROWTH↓      LAST SIZES",
            "capture_grow                       node1                         swarmtop-lab/busybox:1  3.15MB  +10.5MB/min  ▁█",
            "lab_disk.64wq4yd1wpnepsqmz9mm0dy…  node1  lab_disk        lab    swarmtop-lab/disk:1     4.72MB  0B/min       ▁▁",
            "lab_disk.azeccmbsen6ryv6oqti2tde…  node2  lab_disk        lab    swarmtop-lab/disk:1     4.72MB  -            ▁",
            "",
            "q quit  ? help  Enter open  Esc back  / filter  s sort  : command",
            "unix:///run/swarmtop-lab/node1.sock",
        ])
    }

    func testBtrfsSaysBlocksNotFiles() throws {
        var snapshot = try LabFixtures.diskSnapshot()
        snapshot.engines[1].engineInfo?.driver = "btrfs"
        snapshot.engines[1].engineInfo?.driverStatus = [["Build Version", "Btrfs v6.2"]]
        XCTAssertEqual(DiskView.storage(snapshot), "overlay2 on extfs (node1): a first write copies the whole file up"
                       + "  ·  btrfs (node2): a write copies only the blocks written, not the whole file"
                       + "  ·  data root node1 /run/swarmtop-lab/node1-data, node2 /run/swarmtop-lab/node2-data")
    }

    func testBeforeTheFirstAnswerThePaneSaysItWaits() throws {
        var snapshot = try LabFixtures.snapshot()
        snapshot.engines[1].diskError = "engine said 500: boom"
        let lines = try screen(snapshot, height: 8)
        XCTAssertEqual(lines, [
            "swarmtop  1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            "storage driver of node1, node2 not known yet",
            "node2: engine said 500: boom",
            "",
            "",
            "",
            "q quit  ? help  Enter open  / filter  s sort  : command",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
    }
}
