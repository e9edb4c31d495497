import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// The image layers view (`L`): opened on a container or a task, filled with the answers
/// captured from the lab (`layers/`), rendered as text, closed with Esc.
final class ImageLayersViewTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    /// A minute after the disk image was built (its history's newest `Created`).
    private let now = Date(timeIntervalSince1970: 1_796_283_777 + 60)

    private func screen(_ state: AppState) -> [String] {
        render(state, width: state.width, height: state.height, now: now).lines
    }

    /// The lab when the layers were captured, on the Containers pane, node2's lab_disk container selected.
    private func onDiskContainer(width: Int = 120, height: Int = 30) throws -> (AppState, ContainerSummary) {
        let snapshot = try LabFixtures.layersSnapshot()
        let engine = try XCTUnwrap(snapshot.engines.first { $0.hostname == "node2" })
        let disk = try XCTUnwrap(engine.containers.first { $0.serviceName == "lab_disk" })
        var state = AppState.loaded(snapshot, width: width, height: height)
        state.type("4")
        state.select(.container(hostname: "node2", id: disk.id))
        return (state, disk)
    }

    /// node2's answers: the loaded image's history, its /system/df entry, a log file of 96 bytes.
    private func node2Answer() throws -> ImageLayers {
        let layers = try LabFixtures.decodeLayers([ImageLayer].self, "history-node2.json")
        let usage = try DockerClient.imageDiskUsage(fromSystemDF: LabFixtures.layersData("system-df-node2.json"))
            .first { $0.repoTags == ["swarmtop-lab/disk:1"] }
        return ImageLayers(layers: layers, usage: usage, logFile: .bytes(96, path: "/run/swarmtop-lab/node2-data/containers/3387/3387-json.log"))
    }

    func testLOnAContainerReadsItsImageThroughItsNodesEngine() throws {
        var (state, disk) = try onDiskContainer()
        let request = ImageLayersRequest(hostname: "node2", containerID: disk.id, containerName: disk.name,
                                         imageID: try XCTUnwrap(disk.imageID), image: "swarmtop-lab/disk:1")
        XCTAssertEqual(state.type("L"), [.readImageLayers(request, view: 1)])
        XCTAssertTrue(screen(state)[1].hasPrefix("image layers of swarmtop-lab/disk:1 on node2  container lab_disk."), screen(state)[1])
        XCTAssertEqual(screen(state)[2].trimmingCharacters(in: .whitespaces), "reading the image's history…")
    }

    func testLOnATaskReadsTheImageOfItsContainer() throws {
        let (loaded, disk) = try onDiskContainer()
        var state = loaded
        let taskID = try XCTUnwrap(disk.taskID)
        state.type("3")
        state.select(.task(taskID))
        let effects = state.type("L")
        guard case .readImageLayers(let request, _)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(request.hostname, "node2")
        XCTAssertEqual(request.containerID, disk.id)
        XCTAssertEqual(request.imageID, disk.imageID)
    }

    func testTheViewShowsLayersSizesSharingUsersAndTheLogFile() throws {
        var (state, _) = try onDiskContainer(height: 40)
        state.type("L")
        _ = reduce(&state, .imageLayersRead(try node2Answer(), view: 1))
        _ = reduce(&state, .resize(width: 160, height: 40))
        let lines = screen(state).map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        XCTAssertEqual(lines[2], "image 9a33ddda6651  9 layers  8.02MB: 1.99MB shared with other images, 6.03MB unique")
        XCTAssertEqual(lines[3], "used by 2 containers:")
        XCTAssertTrue(lines[4].hasPrefix("  node1  lab_disk.") && lines[4].hasSuffix("  running  service lab_disk"), lines[4])
        XCTAssertTrue(lines[5].hasPrefix("  node2  lab_disk.") && lines[5].hasSuffix("  running  service lab_disk"), lines[5])
        XCTAssertTrue(lines[6].hasPrefix("log file of lab_disk.") && lines[6].contains(": 96B (/run/swarmtop-lab/node2-data/containers/3387/3387-json.log)"), lines[6])
        XCTAssertEqual(lines[8], "IMAGE         CREATED             SIZE      CREATED BY")
        XCTAssertEqual(lines[9], "9a33ddda6651  About a minute ago  0B        /bin/sh -c #(nop)  LABEL com.swarmtop.lab.disk=9ba1086c5a47d074")
        XCTAssertEqual(lines[12], "<missing>     About a minute ago  6.03MB    /bin/sh -c mkdir -p /data/cache  && dd if=/dev/zero of=/data/big.bin bs=1024 count=4096 2>/dev/null  && dd if=/dev/…")
        XCTAssertEqual(lines[17], "<missing>     About an hour ago   1.98MB    /bin/sh -c #(nop) COPY file:73e2b2d48642b21b357384b0cb81c1869cc5e0c48a00f61553756196058304b9 in /bin/busybox")
        XCTAssertEqual(lines[18], "<missing>: a layer this engine did not build (it pulled or loaded the image):")
        XCTAssertEqual(lines[19], "an image's history names only the image itself, not the layers below it.")
    }

    func testCreatedByIsEscapedAndALogFileOnAnotherMachineIsNotKnown() throws {
        var (state, _) = try onDiskContainer()
        state.type("L")
        let hostile = ImageLayer(id: ImageLayer.missingID, createdBy: "/bin/sh -c echo \u{1b}]0;pwned\u{07}\u{1b}[2J", size: 1_500)
        _ = reduce(&state, .imageLayersRead(ImageLayers(layers: [hostile], usage: nil, usageProblem: "timed out",
                                                        logFile: .notKnown(LogFileSize.elsewhere)), view: 1))
        let lines = screen(state)
        XCTAssertTrue(lines[2].hasPrefix("image 9a33ddda6651  1 layer  shared size not known (timed out)"), lines[2])
        XCTAssertTrue(lines[6].contains(": not known (engine on another machine)"), lines[6])
        XCTAssertTrue(lines[9].contains("1.5kB     /bin/sh -c echo \\e]0;pwned\\x07\\e[2J"), lines[9])
        XCTAssertFalse(lines.joined().contains("\u{1b}"))
    }

    func testEscClosesTheViewAndALateAnswerIsDropped() throws {
        var (state, _) = try onDiskContainer()
        state.type("L")
        XCTAssertEqual(state.press(.escape), [])
        XCTAssertNil(state.layers)
        XCTAssertEqual(state.pane, .containers)
        _ = reduce(&state, .imageLayersRead(try node2Answer(), view: 1))
        XCTAssertNil(state.layers, "the answer of a closed view opens nothing")
        state.type("L")
        _ = reduce(&state, .effectFinished(.readImageLayers(try XCTUnwrap(state.layers?.request), view: 2),
                                           message: "could not read the layers of swarmtop-lab/disk:1 on node2: No such image", isError: true))
        XCTAssertTrue(screen(state)[2].hasPrefix("could not read the layers of swarmtop-lab/disk:1 on node2: No such image"))
    }

    func testTheWheelScrollsTheViewAndAClickChangesNothingUnderIt() throws {
        var (state, disk) = try onDiskContainer(width: 120, height: 16)
        state.type("L")
        _ = reduce(&state, .imageLayersRead(try node2Answer(), view: 1))
        _ = reduce(&state, .mouse(MouseEvent(.wheelDown, x: 10, y: 5)))
        XCTAssertEqual(state.layers?.top, AppState.wheelRows)
        XCTAssertTrue(screen(state)[2].hasPrefix("  node2  lab_disk."), screen(state)[2])
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 2, y: 0)))
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 2, y: 6)))
        XCTAssertEqual(state.pane, .containers)
        XCTAssertEqual(state.selection.id, .container(hostname: "node2", id: disk.id))
        XCTAssertNotNil(state.layers)
    }

    func testAnImageOpenedWithoutAContainerHasNoLogFileLine() throws {
        var (state, disk) = try onDiskContainer(height: 40)
        let request = ImageLayersRequest(hostname: "node2", containerID: nil, containerName: nil,
                                         imageID: try XCTUnwrap(disk.imageID), image: "swarmtop-lab/disk:1")
        XCTAssertEqual(state.openImageLayers(request), [.readImageLayers(request, view: 1)])
        var answer = try node2Answer()
        answer.logFile = nil
        _ = reduce(&state, .imageLayersRead(answer, view: 1))
        let lines = screen(state).map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(lines[1], "image layers of swarmtop-lab/disk:1 on node2")
        XCTAssertFalse(lines.contains { $0.hasPrefix("log file of") }, lines.joined(separator: "\n"))
        XCTAssertEqual(lines[7], "IMAGE         CREATED             SIZE      CREATED BY")
    }

    func testAContextSwitchClosesTheView() throws {
        var (state, _) = try onDiskContainer()
        state.type("L")
        _ = reduce(&state, .contextSwitched(name: "prod", endpoint: "tcp://prod:2376", manager: "tcp://prod:2376"))
        XCTAssertNil(state.layers, "the image of the swarm left behind")
    }

    func testLMeansOneThingAndOnlyOnContainersAndTasks() {
        XCTAssertNil(Keymap.standard.clash)
        let bound = Keymap.standard.bindings.filter { $0.keys.contains(.char("L")) }
        XCTAssertEqual(bound.map(\.name), ["image_layers"])
        XCTAssertEqual(bound.first?.scope, .panes([.tasks, .containers, .disk]))
    }

    /// The Disk pane's rows are containers: `L` opens the layers of a row's image, `d` its
    /// changes, both through the row's node engine.
    func testLAndDOnADiskRowReadTheContainersImageAndChanges() throws {
        let snapshot = try LabFixtures.diskSnapshot()
        var state = AppState.loaded(snapshot, width: 150, height: 30)
        state.type("6")
        XCTAssertEqual(state.pane, .disk)
        guard case .container(let hostname, let id)? = state.selection.id else { return XCTFail("\(String(describing: state.selection.id))") }
        let container = try XCTUnwrap(snapshot.engines.first { $0.hostname == hostname }?.diskUsage?.containers?.first { $0.id == id })
        let effects = state.type("L")
        guard case .readImageLayers(let request, _)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual([request.hostname, request.containerID, request.imageID], [hostname, id, container.imageID])
        XCTAssertEqual(state.press(.escape), [])
        XCTAssertEqual(state.type("d"), [.readChanges(hostname: hostname, containerID: id, name: container.name)])
    }

    func testEnterOnADiskRowOpensTheLayersOfItsImage() throws {
        let snapshot = try LabFixtures.diskSnapshot()
        var state = AppState.loaded(snapshot, width: 150, height: 30)
        state.type("6")
        guard case .container(let hostname, let id)? = state.selection.id else { return XCTFail("\(String(describing: state.selection.id))") }
        let container = try XCTUnwrap(snapshot.engines.first { $0.hostname == hostname }?.diskUsage?.containers?.first { $0.id == id })
        let effects = state.press(.enter)
        guard case .readImageLayers(let request, _)? = effects.first else { return XCTFail("Enter on a Disk row: \(effects)") }
        XCTAssertEqual([request.hostname, request.containerID, request.imageID], [hostname, id, container.imageID])
        XCTAssertEqual(state.pane, .disk)
    }
}
