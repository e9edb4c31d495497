import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// Inspect's sections made from the answers captured from the lab (`inspect/`): what
/// `docker service|node inspect --pretty` shows, with its words and formats.
final class InspectSectionsTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    /// The sections of `file` for `target`.
    private func sections(_ target: InspectTarget, _ file: String, service: String? = nil,
                          networks: [String: String] = [:]) throws -> [InspectSection] {
        let answer = InspectAnswer(json: try LabFixtures.inspectData(file), service: try service.map(LabFixtures.inspectData),
                                   networkNames: networks)
        return try InspectSections.make(target, answer, snapshot: try LabFixtures.inspectSnapshot())
    }

    /// A section's lines as `label: value` (indented two spaces a level), secrets hidden unless `revealed`.
    private func lines(_ sections: [InspectSection], _ title: String, revealed: Bool = false) -> [String] {
        guard let section = sections.first(where: { $0.title == title }) else { return ["no section \(title)"] }
        return section.lines.map { line in
            String(repeating: "  ", count: line.indent) + (line.label.isEmpty ? "" : line.label + ": ") + line.shownValue(revealed: revealed)
        }
    }

    private let web = InspectTarget.service(id: "spy5rzt324n5tyfjy3gibwxtk", name: "lab_web")

    func testLabWebShowsItsLimitsRestartPolicyNetworksPortsSecretsAndConfigsAsPrettyDoes() throws {
        let s = try sections(web, "service-lab_web.json", networks: ["lt6s8s7c7i5j20tzujdltj7jl": "lab_webnet"])
        XCTAssertEqual(lines(s, "Service").prefix(4), ["ID: spy5rzt324n5tyfjy3gibwxtk", "Name: lab_web", "Service Mode: Replicated", "  Replicas: 5"])
        XCTAssertEqual(lines(s, "Resources"), ["Limits: ", "  CPU: 0.1", "  Memory: 50MiB"])
        XCTAssertEqual(lines(s, "Restart policy"), ["Condition: on-failure", "Delay: 5s", "Max attempts: 0 (unlimited)", "Window: 0s (default)"])
        XCTAssertEqual(lines(s, "Networks"), ["lab_webnet  aliases web"])
        XCTAssertEqual(lines(s, "Endpoint"), ["Endpoint Mode: vip", "Ports: ",
                                              "  PublishedPort = 8080  Protocol = tcp  TargetPort = 80  PublishMode = ingress"])
        XCTAssertEqual(lines(s, "Secrets"), ["Target: api_token", "  Source: lab_api_token"])
        XCTAssertEqual(lines(s, "Configs"), ["Target: /www/motd.txt", "  Source: lab_web_motd"])
        XCTAssertEqual(lines(s, "Placement"), ["none"])
        XCTAssertEqual(lines(s, "UpdateConfig"), ["Parallelism: 1", "On failure: pause", "Monitoring Period: 5s", "Max failure ratio: 0",
                                                  "Update order: stop-first"])
        XCTAssertEqual(lines(s, "ContainerSpec"), ["Image: swarmtop-lab/busybox:1", "Args: /lab/httpd.sh /www 80", "Stop grace period: 10s"])
        XCTAssertEqual(lines(s, "Labels"), ["com.docker.stack.image=swarmtop-lab/busybox:1", "com.docker.stack.namespace=lab",
                                            "com.swarmtop.lab.role=frontend"])
    }

    func testANetworkWhoseNameIsNotKnownIsShownByItsIDAsTheCLIDoes() throws {
        XCTAssertEqual(lines(try sections(web, "service-lab_web.json"), "Networks"), ["lt6s8s7c7i5j20tzujdltj7jl  aliases web"])
    }

    func testASpecWithEverythingShowsReservationsPlacementUpdateDelayMountsAndHidesSecretLookingEnv() throws {
        let s = try sections(.service(id: "q4nh0oij9aifrsh8rv9l4ihpy", name: "hinspect_demo"), "service-hinspect_demo.json")
        XCTAssertEqual(lines(s, "Resources"), ["Reservations: ", "  CPU: 0.05", "  Memory: 8MiB", "Limits: ", "  CPU: 0.25", "  Memory: 64MiB"])
        XCTAssertEqual(lines(s, "Restart policy"), ["Condition: any", "Delay: 3s", "Max attempts: 4", "Window: 1m0s"])
        XCTAssertEqual(lines(s, "Placement"), ["Constraint: node.role != nobody", "Preference: spread=node.labels.zone", "Max Replicas Per Node: 1"])
        XCTAssertEqual(lines(s, "UpdateConfig").prefix(2), ["Parallelism: 2", "Delay: 2s"])
        XCTAssertEqual(lines(s, "Mounts"), ["Target: /scratch", "  ReadOnly: false", "  Type: tmpfs"])
        XCTAssertEqual(lines(s, "Env"), ["DB_PASSWORD=••••••", "API_TOKEN=••••••", "MODE=prod"])
        XCTAssertEqual(lines(s, "Env", revealed: true), ["DB_PASSWORD=hunter2", "API_TOKEN=abc123", "MODE=prod"])
        // The label's escape sequence reaches the screen as text.
        XCTAssertEqual(lines(s, "Labels"), ["note=\\e]0;pwned\\x07", "tier=demo"])
    }

    func testSecretLookingNamesAreMatchedAnywhereIgnoringCase() {
        for name in ["DB_PASSWORD", "api_token", "AWS_SECRET_ACCESS_KEY", "GITHUB_Credentials", "passwd", "SSH_PRIVATE"] {
            XCTAssertTrue(InspectFormat.looksSecret(name), name)
        }
        for name in ["MODE", "PATH", "HOME", "SCRIBBLE_MB"] { XCTAssertFalse(InspectFormat.looksSecret(name), name) }
        XCTAssertNil(InspectFormat.envLine("PATH=/bin").hidden)
        XCTAssertNil(InspectFormat.envLine("TOKEN").hidden, "a variable without a value hides nothing")
    }

    func testDurationsFloatsAndSizesAreGosAndGoUnits() {
        XCTAssertEqual([0, 500_000_000, 5_000_000_000, 60_000_000_000, 90_500_000_000, 3_723_000_000_000, 1_500, 250].map(InspectFormat.duration),
                       ["0s", "500ms", "5s", "1m0s", "1m30.5s", "1h2m3s", "1.5µs", "250ns"])
        XCTAssertEqual([100_000_000, 250_000_000, 2_000_000_000, 1_500_000_000].map(InspectFormat.cpus), ["0.1", "0.25", "2", "1.5"])
        XCTAssertEqual(InspectFormat.memory(52_428_800), "50MiB")
        XCTAssertEqual(InspectFormat.memory(25_275_310_080), "23.54GiB")
    }

    func testANodeShowsItsRoleStateAddressesLabelsResourcesEnginePluginsTLSAndTasks() throws {
        let s = try sections(.node(id: "ksvw4y00hdue9nu1dkb2sm3hv", hostname: "node2"), "node-node2.json")
        XCTAssertEqual(Array(lines(s, "Node").prefix(6)), ["Hostname: node2", "ID: ksvw4y00hdue9nu1dkb2sm3hv", "Role: worker",
                                                           "Availability: active", "State: ready", "Address: 10.213.0.12"])
        XCTAssertEqual(lines(s, "Labels"), ["note=결제 서비스 支払い 🚀"])
        XCTAssertEqual(lines(s, "Platform"), ["Operating System: linux", "Architecture: x86_64"])
        XCTAssertEqual(lines(s, "Resources"), ["CPUs: 2", "Memory: 23.54GiB"])
        XCTAssertEqual(lines(s, "Engine"), ["Engine Version: 20.10.24+dfsg1"])
        XCTAssertEqual(lines(s, "Plugins"), ["Log: awslogs, fluentd, gcplogs, gelf, journald, json-file, local, logentries, splunk, syslog",
                                             "Network: bridge, host, ipvlan, macvlan, null, overlay", "Volume: local"])
        XCTAssertTrue(lines(s, "TLS Info").contains("  -----BEGIN CERTIFICATE-----"), "\(lines(s, "TLS Info"))")
        let tasks = lines(s, "Tasks")
        XCTAssertTrue(tasks.contains("lab_agent.node2  Running  (desired running)"), "\(tasks)")
        XCTAssertTrue(tasks.contains("hinspect_demo.1  Running  (desired running)"), "\(tasks)")
        let manager = try sections(.node(id: "o7b1mp1cgt2te3xhfyy9csqry", hostname: "node1"), "node-node1.json")
        XCTAssertTrue(lines(manager, "Node").contains("Manager Status: Leader"), "\(lines(manager, "Node"))")
        XCTAssertTrue(lines(manager, "Node").contains { $0.hasPrefix("Manager Address: 10.213.0.") }, "\(lines(manager, "Node"))")
    }

    func testATaskShowsItsStateNodePortsNetworksSpecVersionAndTheHistoryOfItsSlot() throws {
        let s = try sections(.task(id: "k32gzvhz8qz90mgqgtggjnrlb", name: "lab_viz.1", serviceID: "5wkk5izbwavwbtgaw56v7bzri"),
                             "task-lab_viz.json", service: "service-lab_viz-stored.json")
        let task = lines(s, "Task")
        XCTAssertEqual(Array(task.prefix(7)), ["ID: k32gzvhz8qz90mgqgtggjnrlb", "Service: lab_viz", "Slot: 1", "Node: node1",
                                               "Desired state: running", "Current state: Running 2026-12-03T09:59:31Z", "Message: started"])
        XCTAssertTrue(task.contains("Container ID: 189e15bb9bfc891f312417bdaba278d42905f890f72bc21ccadd58a0ee4f4152"), "\(task)")
        XCTAssertNil(s.first { $0.title == "Why not running" }, "a running task needs no reason")
        XCTAssertEqual(lines(s, "Spec"), ["Image: swarmtop-lab/busybox:1", "Runs: the service's current spec", "Service version: 23"])
        XCTAssertEqual(lines(s, "Ports"), ["PublishedPort = 4001  Protocol = tcp  TargetPort = 8080  PublishMode = host",
                                           "PublishedPort = 4001  Protocol = tcp  TargetPort = 8080  PublishMode = host"])
        XCTAssertEqual(lines(s, "Networks"), ["lab_webnet: 10.0.1.3/24"])
        XCTAssertEqual(lines(s, "History of slot 1").first, "k32gzvhz8qz9  node1  Running  Running 2026-12-03T09:59:31Z  (this task)")
    }

    func testATaskOfAnOlderSpecSaysSoAndAServiceNotReadIsNamed() throws {
        let older = try sections(.task(id: "535u10cxzhcogmjzhcdztdv4q", name: "hinspect_demo.1", serviceID: "q4nh0oij9aifrsh8rv9l4ihpy"),
                                 "task-hinspect_demo.json", service: "service-lab_web.json")
        XCTAssertEqual(lines(older, "Spec")[1], "Runs: an older spec than the service's current one (an update or rollback has not replaced it)")
        let answer = InspectAnswer(json: try LabFixtures.inspectData("task-hinspect_demo.json"), serviceProblem: "No such service: smvx")
        let unknown = try InspectSections.make(.task(id: "535u10cxzhcogmjzhcdztdv4q", name: "hinspect_demo.1", serviceID: "smvx"), answer,
                                               snapshot: nil)
        XCTAssertEqual(lines(unknown, "Spec"), ["Image: swarmtop-lab/busybox:1", "Service spec: not known (No such service: smvx)"])
        XCTAssertEqual(lines(unknown, "Env"), ["DB_PASSWORD=••••••", "API_TOKEN=••••••", "MODE=prod"])
    }

    func testAFailedTaskSaysWhyItIsNotRunningWithTheEnginesError() throws {
        let tasks = try JSONSerialization.jsonObject(with: LabFixtures.data("refresh/crash-tasks-4.json")) as! [[String: Any]]
        let failed = try XCTUnwrap(tasks.first { ($0["Status"] as? [String: Any])?["State"] as? String == "failed" })
        let answer = InspectAnswer(json: try JSONSerialization.data(withJSONObject: failed))
        let s = try InspectSections.make(.task(id: failed["ID"] as! String, name: "h-seam_crash.1", serviceID: failed["ServiceID"] as! String),
                                         answer, snapshot: nil)
        XCTAssertEqual(lines(s, "Why not running"), ["Error: task: non-zero exit (1)", "Message: started"])
        XCTAssertTrue(lines(s, "Task").contains("Exit code: 1"), "\(lines(s, "Task"))")
    }

    func testATaskWaitingForANodeSaysWhichConstraintNoNodeMeets() throws {
        let snapshot = try LabFixtures.schedSnapshot()
        let gpu = try XCTUnwrap(snapshot.services.first { $0.name == "hsched_gpu" })
        let tasks = try JSONSerialization.jsonObject(with: LabFixtures.data("sched/tasks.json")) as! [[String: Any]]
        let pending = try XCTUnwrap(tasks.first { $0["ServiceID"] as? String == gpu.id })
        let answer = InspectAnswer(json: try JSONSerialization.data(withJSONObject: pending))
        let s = try InspectSections.make(.task(id: pending["ID"] as! String, name: "hsched_gpu.1", serviceID: gpu.id), answer, snapshot: snapshot)
        let why = lines(s, "Why not running")
        XCTAssertEqual(why.first, "Error: no suitable node (scheduling constraints not satisfied on 2 nodes)", "\(why)")
        XCTAssertEqual(why.dropFirst().filter { $0 == snapshot.whyNotRunning(snapshot.tasks.first { $0.id == pending["ID"] as? String }!).first }.count, 1,
                       "the model's explanation follows the engine's: \(why)")
        XCTAssertTrue(why.contains { $0.contains("node.labels.gpu") }, "\(why)")
    }

    func testAContainerShowsWhatDockerInspectHolds() throws {
        let id = "f9974bf8ef45456da01e6c6b6a553b9a4259f8e6d14c427c7d41ad915a1453a0"
        let s = try sections(.container(hostname: "node2", id: id, name: "lab_web.4.dm1i2gkm8yc0o1wb1ej6mrby4"), "container-lab_web-node2.json")
        XCTAssertEqual(Array(lines(s, "Container").prefix(6)), ["Name: lab_web.4.dm1i2gkm8yc0o1wb1ej6mrby4", "ID: \(id)", "Node: node2",
                                                                "Image: swarmtop-lab/busybox:1", lines(s, "Container")[4],
                                                                "Command: /lab/httpd.sh /www 80"])
        XCTAssertTrue(lines(s, "Container").contains("State: running"), "\(lines(s, "Container"))")
        XCTAssertTrue(lines(s, "Container").contains("Restart count: 0"), "\(lines(s, "Container"))")
        XCTAssertEqual(lines(s, "Networks"), ["ingress: 10.0.0.7/24  MAC 02:42:0a:00:00:07  aliases f9974bf8ef45",
                                              "lab_webnet: 10.0.1.7/24  MAC 02:42:0a:00:01:07  aliases f9974bf8ef45"])
        XCTAssertEqual(lines(s, "Ports"), ["none"])
        XCTAssertEqual(lines(s, "Size"), ["Size: not measured"], "the list of inspect/ was taken without sizes")
        XCTAssertTrue(lines(s, "Labels").contains("com.docker.swarm.service.name=lab_web"), "\(lines(s, "Labels"))")
    }

    func testTheRawJSONIsTheAnswerPrettyPrintedInTheEnginesOrder() throws {
        let pretty = try LabFixtures.inspectData("service-lab_web.json")
        XCTAssertEqual(InspectRawJSON.lines(pretty), String(decoding: pretty, as: UTF8.self).split(separator: "\n").map(String.init))
        let compact = Data(#"{"b":[1,{"a":"x, {y}: \"z\""}],"c":{},"d":[],"e":null}"#.utf8)
        XCTAssertEqual(InspectRawJSON.lines(compact), ["{", #"  "b": ["#, "    1,", "    {", #"      "a": "x, {y}: \"z\"""#, "    }", "  ],",
                                                       #"  "c": {},"#, #"  "d": [],"#, #"  "e": null"#, "}"])
    }
}
