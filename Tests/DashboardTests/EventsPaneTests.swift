import Foundation
import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// The events pane (7) rendered from the timeline of the story captured on the lab
/// (scripts/capture-timeline-fixtures): its events and the manager's answers after each step,
/// noted in the order they happened. Times are UTC.
final class EventsPaneTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    /// The last step's snapshot with the timeline of the whole story; `edit` changes a step's
    /// tasks first (a hostile value).
    private func story(editTasks edit: ((inout [[String: Any]]) -> Void)? = nil) throws -> ClusterSnapshot {
        var timeline = Timeline()
        let times = try LabFixtures.timelineStepTimes()
        var observations: [(at: Date, event: EngineObservation?, step: String?)] = try LabFixtures.timelineEvents().map { ($0.at, $0, nil) }
        for step in LabFixtures.timelineSteps.dropFirst() { observations.append((try XCTUnwrap(times[step]), nil, step)) }
        observations.sort { $0.at < $1.at }
        var snapshot = try LabFixtures.timelineSnapshot(LabFixtures.timelineSteps[0])
        for (at, event, step) in observations {
            if let event {
                timeline.note(event, before: snapshot, after: snapshot)
            } else if let step {
                var after = try LabFixtures.timelineSnapshot(step)
                if let edit {
                    var tasks = try XCTUnwrap(JSONSerialization.jsonObject(with: LabFixtures.timelineData("\(step)-tasks.json")) as? [[String: Any]])
                    edit(&tasks)
                    after.tasks = try DockerJSON.decode([SwarmTask].self, from: JSONSerialization.data(withJSONObject: tasks), path: "tasks")
                }
                timeline.note(EngineObservation(.manager, .answer(path: "/tasks", body: Data(), took: nil), at: at), before: snapshot, after: after)
                snapshot = after
            }
        }
        snapshot.timeline = timeline.entries
        return snapshot
    }

    private func screen(_ snapshot: ClusterSnapshot, keys: [KeyEvent] = [], width: Int = 100, height: Int = 16) throws -> [String] {
        var state = AppState.loaded(snapshot, width: width, height: height)
        state.press(.char("7"))
        for key in keys { state.press(key) }
        return render(state, width: width, height: height, now: try XCTUnwrap(snapshot.refreshedAt)).lines
    }

    func testTheEventsPaneShowsTheStoryNewestFirst() throws {
        let lines = try screen(try story(), keys: [.char("/")] + "htl|state".map { .char($0) } + [.enter], height: 45)
        XCTAssertEqual(lines, [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events   /htl|state  58 of 78",
            "TIME      TYPE       NAME                      NODE   MESSAGE",
            "06:50:29  node       node2                     node2  state down -> ready",
            "06:50:05  node       node2                     node2  state ready -> down",
            "06:49:57  container  htl_web.2.aotuo6sxk5eqk…  node1  died (exit code 137)",
            "06:49:46  stack      htl                              removed",
            "06:49:44  service    htl_web                          removed",
            "06:49:44  service    htl_missing                      removed",
            "06:49:44  service    htl_crash                        removed",
            "06:49:42  container  htl_crash.1.lj77tdc10rw…  node2  died (exit code 3)",
            "06:49:40  service    htl_web                          rolled back",
            "06:49:37  task       htl_crash.1               node1  failed: task: non-zero exit (3)",
            "06:49:36  container  htl_crash.1.yyhahds0g4p…  node1  died (exit code 3)",
            "06:49:33  container  htl_web.1.wefdzrag4cel6…  node2  died (exit code 137)",
            "06:49:30  task       htl_crash.1               node2  failed: task: non-zero exit (3)",
            "06:49:30  container  htl_crash.1.j1uzns2erh0…  node2  died (exit code 3)",
            "06:49:24  task       htl_crash.1               node1  failed: task: non-zero exit (3)",
            "06:49:24  container  htl_crash.1.wdagxmq4cxo…  node1  died (exit code 3)",
            "06:49:19  container  htl_web.3.oh90afhdrs9lf…  node2  died (exit code 137)",
            "06:49:18  task       htl_crash.1               node2  failed: task: non-zero exit (3)",
            "06:49:18  container  htl_crash.1.wn2lxymrpyx…  node2  died (exit code 3)",
            "06:49:12  container  htl_crash.1.zjn8hun3840…  node1  died (exit code 3)",
            "06:49:06  container  htl_crash.1.3bvm05km9ti…  node2  died (exit code 3)",
            "06:49:04  container  htl_web.2.i3s8ob6lanmoq…  node1  died (exit code 137)",
            "06:49:00  container  htl_crash.1.pjhgmifvgu1…  node1  died (exit code 3)",
            "06:48:53  container  htl_crash.1.jpih868q9ps…  node2  died (exit code 3)",
            "06:48:51  service    htl_web                          rollback started",
            "06:48:50  service    htl_web                          update completed",
            "06:48:47  container  htl_crash.1.h7svd1mj9i9…  node1  died (exit code 3)",
            "06:48:44  container  htl_web.2.bpatzztc97j5s…  node1  died (exit code 137)",
            "06:48:40  container  htl_crash.1.yh4hv0ys1dz…  node2  died (exit code 3)",
            "06:48:34  container  htl_crash.1.xd338cpwu65…  node2  died (exit code 3)",
            "06:48:30  container  htl_web.3.u65rbpg8cb9in…  node1  died (exit code 137)",
            "06:48:28  container  htl_crash.1.70s2kkh4u17…  node2  died (exit code 3)",
            "06:48:22  container  htl_crash.1.ldhhf2ht8co…  node2  died (exit code 3)",
            "06:48:15  container  htl_crash.1.ae2crxiu4on…  node2  died (exit code 3)",
            "06:48:15  container  htl_web.1.vr792city43so…  node1  died (exit code 137)",
            "06:48:09  container  htl_crash.1.vsjhqmsyj3b…  node2  died (exit code 3)",
            "06:48:03  container  htl_crash.1.ks3uq8kfztj…  node2  died (exit code 3)",
            "06:48:02  service    htl_web                          update started",
            "06:48:02  service    htl_web                          updated",
            "06:48:01  container  htl_web.1.sexiszq6nms9a…  node2  died (exit code 137)",
            "06:48:01  container  htl_web.2.womyx1b37skdp…  node2  died (exit code 137)",
            "q quit  ? help  Esc back  / filter  s sort  : command",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 06:51:19",
        ])
    }

    func testSlashFiltersTheEvents() throws {
        let lines = try screen(try story(), keys: [.char("/")] + "htl_web".map { .char($0) } + [.enter])
        XCTAssertEqual(lines, [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events   /htl_web  17 of 78",
            "TIME      TYPE       NAME                      NODE   MESSAGE",
            "06:49:57  container  htl_web.2.aotuo6sxk5eqk…  node1  died (exit code 137)",
            "06:49:44  service    htl_web                          removed",
            "06:49:40  service    htl_web                          rolled back",
            "06:49:33  container  htl_web.1.wefdzrag4cel6…  node2  died (exit code 137)",
            "06:49:19  container  htl_web.3.oh90afhdrs9lf…  node2  died (exit code 137)",
            "06:49:04  container  htl_web.2.i3s8ob6lanmoq…  node1  died (exit code 137)",
            "06:48:51  service    htl_web                          rollback started",
            "06:48:50  service    htl_web                          update completed",
            "06:48:44  container  htl_web.2.bpatzztc97j5s…  node1  died (exit code 137)",
            "06:48:30  container  htl_web.3.u65rbpg8cb9in…  node1  died (exit code 137)",
            "06:48:15  container  htl_web.1.vr792city43so…  node1  died (exit code 137)",
            "06:48:02  service    htl_web                          update started",
            "q quit  ? help  Esc back  / filter  s sort  : command",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 06:51:19",
        ])
    }

    func testATasksErrorWithControlCharactersIsShownEscaped() throws {
        let hostile = "\u{1b}]0;pwned\u{07}\u{1b}[2Jx"
        let snapshot = try story { tasks in
            for i in tasks.indices {
                guard var status = tasks[i]["Status"] as? [String: Any], status["State"] as? String == "failed" else { continue }
                status["Err"] = hostile
                tasks[i]["Status"] = status
            }
        }
        let lines = try screen(snapshot, keys: [.char("/")] + "pwned".map { .char($0) } + [.enter], width: 120)
        XCTAssertTrue(lines.contains { $0.contains(#"failed: \e]0;pwned\x07\e[2Jx"#) }, lines.joined(separator: "\n"))
        XCTAssertFalse(lines.joined().contains("\u{1b}"))
    }

    func testTheHintsAndHelpOfTheEventsPaneComeFromTheKeymap() throws {
        let state = AppState.loaded(try story())
        let hints = state.keymap.hints(pane: .events, inDialog: false, canGoBack: false, readOnly: false).map(\.name)
        XCTAssertEqual(hints, ["quit", "help", "filter", "sort", "command"])
        XCTAssertTrue(state.keymap.help(pane: .events, inLogs: false).contains { $0.name == "events_pane" && $0.label == "7" })
    }
}
