import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// The log view: opening and closing its stream, following and pausing, the bounded buffer,
/// search, timestamps, wrapping, escaping; rendered as text from log streams captured from the
/// lab (scripts/capture-log-fixtures).
final class LogViewTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private let now = Date(timeIntervalSince1970: 1_795_962_000)

    /// The swarm of the log captures on the services pane, `lab_scribbler` selected.
    private func onScribbler(width: Int = 100, height: Int = 14) throws -> AppState {
        let snapshot = try LabFixtures.logsSnapshot()
        var state = AppState.loaded(snapshot, width: width, height: height)
        state.type("2")
        state.select(.service(try XCTUnwrap(snapshot.services.first { $0.name == "lab_scribbler" }?.id)))
        return state
    }

    /// Synthetic lines `line 1` … `line n` (for scrolling and bounds, where content does not matter).
    private func numbered(_ range: ClosedRange<Int>) -> [LogLine] {
        range.map { LogLine(timestamp: "2026-11-29T14:00:00.\(String(format: "%09d", $0))Z", message: "line \($0)") }
    }

    private func screen(_ state: AppState) -> [String] {
        render(state, width: state.width, height: state.height, now: now).lines
    }

    func testLOpensTheServicesLogAndEscClosesItAndStopsTheStream() throws {
        var state = try onScribbler()
        let serviceID = try XCTUnwrap(state.selection.id.flatMap { if case .service(let id) = $0 { id } else { nil } })
        XCTAssertEqual(state.type("l"), [.followLogs(.service(id: serviceID, name: "lab_scribbler"), stream: 1)])
        XCTAssertEqual(state.logs?.target.source, .service(id: serviceID))
        XCTAssertEqual(state.press(.escape), [.stopLogs(stream: 1)])
        XCTAssertNil(state.logs)
        XCTAssertEqual(state.pane, .services)
        XCTAssertEqual(state.type("l"), [.followLogs(.service(id: serviceID, name: "lab_scribbler"), stream: 2)])
        // Lines and the end of the closed stream 1 do not reach stream 2's view.
        _ = reduce(&state, .logLines(stream: 1, numbered(1...3)))
        _ = reduce(&state, .effectFinished(.followLogs(.service(id: serviceID, name: "lab_scribbler"), stream: 1),
                                           message: "stopped", isError: false))
        XCTAssertEqual(state.logs?.lines, [])
        XCTAssertNil(state.logs?.end)
        XCTAssertEqual(state.type("q"), [.stopLogs(stream: 2)])
        XCTAssertFalse(state.quit)
    }

    func testLOnATaskOrAContainerOpensItsLogAndNothingElseDoes() throws {
        var state = AppState.loaded(try LabFixtures.snapshot())
        state.type("3")
        guard case .task(let taskID)? = state.selection.id else { return XCTFail("no task selected") }
        let effects = state.type("l")
        guard case .followLogs(.task(taskID, let name), 1)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertTrue(name.hasPrefix("lab_"), name)
        state.press(.escape)
        state.type("4")
        guard case .container(let hostname, let id)? = state.selection.id else { return XCTFail("no container selected") }
        guard case .followLogs(.container(hostname, id, _), 2)? = state.type("l").first else { return XCTFail("no container log") }
        XCTAssertEqual(state.logs?.target.source, .container(id: id))
        state.press(.escape)
        state.type("1")
        XCTAssertEqual(state.type("l"), [])
        XCTAssertNil(state.logs)
        state.type("2")
        state.select(.stack("lab"))
        XCTAssertEqual(state.type("l"), [])
        XCTAssertEqual(state.status?.text, "lab is a stack: select one of its services to see its logs")
    }

    /// `docker service logs -t` prints `<time> lab_scribbler.<slot>.<task>@<node>    | <message>`.
    func testAServicesLinesReadAsDockerServiceLogsPrintsThem() throws {
        var state = try onScribbler()
        state.type("l")
        _ = reduce(&state, .logLines(stream: 1, try LabFixtures.logLines("logs-service-scribbler.bin")))
        let cli = String(decoding: try LabFixtures.data("logs-service-scribbler.cli.txt"), as: UTF8.self).split(separator: "\n").map(String.init)
        let ours = try XCTUnwrap(state.logs).lines.map { $0.shown(timestamps: true) }
        XCTAssertEqual(ours.count, 14)
        XCTAssertEqual(ours.sorted(), cli.sorted())
    }

    func testTheViewFollowsAtTheBottomAndScrollingUpPausesIt() throws {
        var state = try onScribbler(width: 60, height: 10)
        state.type("l")
        XCTAssertEqual(screen(state)[1], "logs of service lab_scribbler  following")
        XCTAssertEqual(screen(state)[2], "waiting for lines…")
        _ = reduce(&state, .logLines(stream: 1, numbered(1...30)))
        XCTAssertEqual(screen(state), [
            " 1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6",
            "logs of service lab_scribbler  following   lines 25-30 of 30",
            "line 25", "line 26", "line 27", "line 28", "line 29", "line 30",
            "? help  / search  n next  t timestamps  w wrap  q/Esc close",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41",
        ].map { String($0) })
        state.type("k")
        XCTAssertFalse(try XCTUnwrap(state.logs).isFollowing)
        _ = reduce(&state, .logLines(stream: 1, numbered(31...33)))
        XCTAssertEqual(Array(screen(state)[1...7]), [
            "logs of service lab_scribbler  paused: 3 new, G follows",
            "line 24", "line 25", "line 26", "line 27", "line 28", "line 29",
        ])
        state.press(.pageUp)
        XCTAssertEqual(screen(state)[2], "line 18")
        state.type("g")
        XCTAssertEqual(screen(state)[2], "line 1")
        state.press(.pageDown)
        XCTAssertEqual(screen(state)[2], "line 7")
        state.type("G")
        XCTAssertTrue(try XCTUnwrap(state.logs).isFollowing)
        XCTAssertEqual(screen(state)[7], "line 33")
        // k then j: back at the bottom, following again.
        state.type("kj")
        XCTAssertTrue(try XCTUnwrap(state.logs).isFollowing)
        _ = reduce(&state, .logLines(stream: 1, numbered(34...34)))
        XCTAssertEqual(screen(state)[7], "line 34")
    }

    func testTheBufferKeepsTheLast5000LinesWhateverTheBatches() throws {
        var state = try onScribbler(width: 100, height: 10)
        state.type("l")
        _ = reduce(&state, .logLines(stream: 1, numbered(1...4_990)))
        state.type("g")
        XCTAssertEqual(state.logs?.top, 0)
        _ = reduce(&state, .logLines(stream: 1, numbered(4_991...5_020)))
        let view = try XCTUnwrap(state.logs)
        XCTAssertEqual(view.lines.count, LogView.capacity)
        XCTAssertEqual(view.dropped, 20)
        XCTAssertEqual(view.lines.first?.text, "line 21")
        XCTAssertEqual(view.top, 20, "the paused view moves to the oldest line kept")
        XCTAssertEqual(view.newWhilePaused, 30)
        XCTAssertEqual(screen(state)[1], "logs of service lab_scribbler  paused: 30 new, G follows        lines 21-26 of 5020 (last 5000 kept)")
        // A batch larger than the buffer keeps its newest lines, numbered on.
        _ = reduce(&state, .logLines(stream: 1, numbered(5_021...17_000)))
        XCTAssertEqual(state.logs?.lines.count, LogView.capacity)
        XCTAssertEqual(state.logs?.lines.first?.text, "line 12001")
        XCTAssertEqual(state.logs?.total, 17_000)
        // Lines the stream dropped on the way (a flood) are counted, and the view keeps its newest.
        _ = reduce(&state, .logLines(stream: 1, numbered(17_101...22_100), skipped: 100))
        XCTAssertEqual(state.logs?.total, 22_100)
        XCTAssertEqual(state.logs?.lines.first?.text, "line 17101")
        XCTAssertEqual(state.logs?.line(17_100)?.text, "line 17101")
    }

    /// `count` lines of `LogView.maxLineBytes` control bytes each (`\x01`, escaped to 40,000 bytes).
    private func controlLines(_ count: Int) -> [LogLine] {
        let hostile = String(repeating: "\u{01}", count: LogView.maxLineBytes)
        return (1...count).map { LogLine(timestamp: "2026-11-29T14:00:00.\(String(format: "%09d", $0))Z", message: hostile + "\($0)") }
    }

    func testTheBufferIsBoundedInBytesByLinesOfControlCharacters() throws {
        var state = AppState.loaded(try LabFixtures.snapshot(), width: 160, height: 24)
        state.type("4l")
        for batch in 0..<3 { _ = reduce(&state, .logLines(stream: 1, Array(controlLines(300)[(batch * 100)..<(batch * 100 + 100)]))) }
        let view = try XCTUnwrap(state.logs)
        let bytes = view.lines.reduce(0) { $0 + $1.timestamp.utf8.count + $1.prefix.utf8.count + $1.text.utf8.count }
        XCTAssertLessThanOrEqual(bytes, 8 << 20, "bytes of text kept (the cap: 8 MiB)")
        XCTAssertGreaterThan(bytes, 7 << 20, "the cap is used, not the line count alone")
        XCTAssertEqual(view.total, 300)
        XCTAssertEqual(view.lines.last?.text.hasSuffix("\\x01300"), true, "the newest line is kept")
        XCTAssertEqual(view.dropped + view.lines.count, 300)
        let header = render(state, width: 160, height: 24, now: now).lines[1]
        XCTAssertTrue(header.hasSuffix("-300 of 300 (last \(view.lines.count) kept)"), header)
    }

    func testAFrameReadsALongLineOnlyAsFarAsTheEdge() throws {
        /// The fastest of three frames of a view full of `lines`, in seconds.
        func frame(_ lines: [LogLine]) throws -> TimeInterval {
            var state = AppState.loaded(try LabFixtures.snapshot(), width: 80, height: 24)
            state.type("4l")
            _ = reduce(&state, .logLines(stream: 1, lines))
            state.type("/x01"); state.press(.enter)
            return (0..<3).map { _ in
                let start = Date()
                _ = render(state, width: 80, height: 24, now: now)
                return Date().timeIntervalSince(start)
            }.min()!
        }
        let long = try frame(controlLines(40))
        let short = try frame((1...40).map { LogLine(message: String(repeating: "\\x01", count: 30) + "\($0)") })
        XCTAssertLessThan(long, short * 5 + 0.01, "a frame of 40,000-byte lines took \(long) s, of 120-byte lines \(short) s")
    }

    func testSlashSearchesNAndShiftNMoveBetweenMatchesHighlighted() throws {
        var state = try onScribbler(width: 60, height: 10)
        state.type("l")
        _ = reduce(&state, .logLines(stream: 1, numbered(1...40)))
        state.type("/")
        XCTAssertEqual(state.logs?.search.typing, "")
        state.type("LINE 1")
        XCTAssertEqual(screen(state)[8], "/LINE 1▏  Enter search  Esc cancel")
        XCTAssertEqual(state.logs?.search.typing, "LINE 1", "letters, n and q included, are typed")
        state.press(.enter)
        // Following: Enter takes the newest match above the bottom, and pauses there.
        XCTAssertEqual(state.logs?.search.match, 18)
        XCTAssertFalse(try XCTUnwrap(state.logs).isFollowing)
        state.type("n")
        XCTAssertEqual(state.logs?.search.match, 0, "n wraps around to the first line")
        XCTAssertEqual(screen(state)[2], "line 1")
        state.type("n")
        XCTAssertEqual(state.logs?.search.match, 9)
        state.type("N")
        state.type("N")
        XCTAssertEqual(state.logs?.search.match, 18)
        let cells = render(state, width: 60, height: 10, now: now)
        let row = try XCTUnwrap((0..<10).first { y in (0..<60).map { cells[$0, y].text }.joined().hasPrefix("line 19") })
        XCTAssertEqual((0..<7).map { cells[$0, row].style }, Array(repeating: Style(.selected, bold: true), count: 6) + [.normal])
        state.type("/zzz")
        state.press(.enter)
        XCTAssertEqual(state.status?.text, "not found: zzz")
        state.type("/x")
        state.press(.escape)
        XCTAssertNil(state.logs?.search.typing)
        XCTAssertEqual(state.logs?.search.query, "zzz")
        XCTAssertNotNil(state.logs, "Esc while typing cancels the search, not the view")
    }

    func testTimestampsAndWrapToggle() throws {
        var state = try onScribbler(width: 60, height: 10)
        state.type("l")
        _ = reduce(&state, .logLines(stream: 1, try LabFixtures.logLines("logs-service-scribbler.bin").prefix(2).map { $0 }))
        let plain = screen(state)
        XCTAssertEqual(Array(plain[2...3]), [
            "lab_scribbler.2.mqw6yof7bxco@node2    | scribbler: 1/6 MB w…",
            "lab_scribbler.2.mqw6yof7bxco@node2    | scribbler: 2/6 MB w…",
        ])
        state.type("w")
        XCTAssertEqual(Array(screen(state)[2...5]), [
            "lab_scribbler.2.mqw6yof7bxco@node2    | scribbler: 1/6 MB wr",
            "itten",
            "lab_scribbler.2.mqw6yof7bxco@node2    | scribbler: 2/6 MB wr",
            "itten",
        ])
        state.type("wt")
        XCTAssertEqual(Array(screen(state)[2...3]), [
            "2026-11-29T14:14:40.124754748Z lab_scribbler.2.mqw6yof7bxco…",
            "2026-11-29T14:15:00.135106029Z lab_scribbler.2.mqw6yof7bxco…",
        ])
    }

    func testControlCharactersAreShownEscapedAndWideOnesKeepColumns() throws {
        var state = AppState.loaded(try LabFixtures.snapshot(), width: 60, height: 14)
        state.type("4l")
        _ = reduce(&state, .logLines(stream: 1, try LabFixtures.logLines("logs-container-hostile.bin")))
        let buffer = render(state, width: 60, height: 14, now: now)
        XCTAssertEqual(Array(buffer.lines[2...9]), [
            "plain line",
            "colour \\e[31mALERT\\e[0m and a bell\\x07",
            "title \\e]0;pwned\\x07 clear \\e[2J done",
            "wide 결제 서비스 支払い 🚀 end",
            "tab\\there carriage\\rreturn",
            "to stderr",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…",
            "last line",
        ])
        XCTAssertFalse(buffer.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
        XCTAssertEqual(state.logs?.lines[6].text.hasSuffix("…[+10000 bytes]"), true)
    }

    func testTinyTerminalsDoNotCrashTheView() throws {
        var state = AppState.loaded(try LabFixtures.snapshot())
        state.type("4l")
        _ = reduce(&state, .logLines(stream: 1, try LabFixtures.logLines("logs-container-hostile.bin")))
        for keys in ["", "w", "wt", "k", "wkkk/wide"] {
            var s = state
            s.type(keys)
            s.press(.enter)
            for (w, h) in [(0, 0), (1, 1), (2, 7), (19, 6), (20, 6), (21, 7), (3, 30), (200, 3)] {
                _ = reduce(&s, .resize(width: w, height: h))
                s.type("jkG")
                XCTAssertEqual(render(s, width: w, height: h, now: now).cells.count, w * h)
            }
        }
    }

    func testAStreamThatEndsSaysWhyInTheView() throws {
        var state = AppState.loaded(try LabFixtures.snapshot(), width: 200, height: 8)
        state.type("4l")
        let effect = try XCTUnwrap(state.logs.map { Effect.followLogs($0.target, stream: $0.stream) })
        _ = reduce(&state, .effectFinished(effect, message: "cannot reach node3: no --node-host given for this node", isError: true))
        XCTAssertEqual(state.logs?.end?.isError, true)
        XCTAssertNil(state.status, "the message is the view's, not the status line's")
        XCTAssertTrue(screen(state)[1].hasSuffix("following  cannot reach node3: no --node-host given for this node"), screen(state)[1])
        XCTAssertEqual(screen(state)[2], "no lines")
    }

    func testAPaneKeyClosesTheViewAndHelpOpensOverIt() throws {
        var state = try onScribbler()
        state.type("l?")
        XCTAssertTrue(state.showsHelp)
        XCTAssertNotNil(state.logs)
        state.press(.escape)
        XCTAssertFalse(state.showsHelp)
        XCTAssertNotNil(state.logs)
        XCTAssertEqual(state.type("u"), [], "no action on the swarm from the log view")
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.type("3"), [.stopLogs(stream: 1)])
        XCTAssertNil(state.logs)
        XCTAssertEqual(state.pane, .tasks)
    }
}
