import Dashboard
import DockerAPI
import Foundation
import LabFixtures
import SwarmState

/// Keys, mouse events, terminal sizes and log lines through `reduce`, and a frame (`render`)
/// after each, over the lab snapshot.
///
/// Input: the first two bytes are the terminal's columns and rows (0…255, so down to 0x0 and
/// 1x1); then one action per byte (`action(_:_:)`), at most `maxActions`. An effect the reducer
/// asks for is answered at once, as done or as failed (alternately), as the effect runner would.
enum DashboardTarget {
    /// Actions read from one input: bounds the work of one run.
    static let maxActions = 200

    /// The keys a byte below 0xF0 stands for (modulo the count): printable ASCII, Ctrl-letters,
    /// the named keys, and characters that are wide, combining, invisible or bidi controls.
    static let keys: [KeyEvent] =
        (0x20...0x7E).map { .char(Character(UnicodeScalar(UInt8($0)))) }
        + "acdfghlnqruwz".map { .ctrl($0) }
        + [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
           .enter, .escape, .tab, .backTab, .backspace, .delete, .function(1), .function(12)]
        + ["é", "界", "e\u{301}", "\u{200B}", "\u{202E}", "\u{1F600}", "\u{9B}"].map { .char($0) }

    /// The lab's captured log lines (a hostile container's among them), sent to an open log view.
    static let labLogLines: [LogLine] = {
        do {
            return try ["logs-container-hostile.bin", "logs-container-tty.bin", "logs-service-scribbler.bin"]
                .flatMap { try LabFixtures.logLines($0) }
        } catch { fatalError("lab log fixtures: \(error)") }
    }()

    static func run(_ input: [UInt8]) {
        guard input.count >= 2 else { return }
        var (state, session) = lab
        var bytes = input.dropFirst(2).prefix(maxActions)[...]
        apply(.resize(width: Int(input[0]), height: Int(input[1])), to: &state, &session)
        while let byte = bytes.popFirst() {
            guard let action = action(byte, &bytes, &session) else { continue }
            apply(action, to: &state, &session)
        }
    }

    /// `lines` in the log view of the lab's first service, drawn at 60x12 and 1x1.
    static func showLogLines(_ lines: [LogLine]) {
        var (state, session) = logView
        _ = reduce(&state, .logLines(stream: session.logStream!, lines))
        _ = render(state, width: 60, height: 12, now: session.now)
        _ = render(state, width: 1, height: 1, now: session.now)
    }

    /// The state after the lab snapshot, built once (each run starts from a copy).
    static let lab: (AppState, Session) = {
        let snapshot = EngineJSONTarget.lab
        var state = AppState(endpoint: snapshot.endpoint, timeZone: .utc, width: 80, height: 24)
        var session = Session(now: snapshot.refreshedAt ?? .distantPast)
        apply(.snapshot(snapshot), to: &state, &session)
        return (state, session)
    }()

    /// `lab` at 60x12 with the log view of the first service open (the row under its stack's).
    static let logView: (AppState, Session) = {
        var (state, session) = lab
        for action: Action in [.resize(width: 60, height: 12), .key(.char("2")), .key(.down), .key(.char("l"))] {
            apply(action, to: &state, &session)
        }
        precondition(session.logStream != nil, "no log view on the services pane")
        return (state, session)
    }()

    /// What the run remembers between actions: the clock, the open log stream, the last answer.
    struct Session {
        var now: Date
        var logStream: Int?
        var failNext = false
    }

    /// Reduces `action`, answers the effects it asks for, and renders a frame at the state's size.
    private static func apply(_ action: Action, to state: inout AppState, _ session: inout Session) {
        for effect in reduce(&state, action) {
            if case .followLogs(_, let stream) = effect { session.logStream = stream }
            session.failNext.toggle()
            _ = reduce(&state, .effectFinished(effect, message: "fuzz answer", isError: session.failNext))
        }
        _ = render(state, width: state.width, height: state.height, now: session.now)
    }

    /// The action `byte` stands for: below 0xF0 a key; 0xF0 a resize and 0xF1…0xF3 a press or
    /// wheel turn at the next two bytes; 0xF4 the lab's log lines; 0xF5 a tick `next byte`
    /// seconds on; 0xF6… nothing.
    private static func action(_ byte: UInt8, _ bytes: inout ArraySlice<UInt8>, _ session: inout Session) -> Action? {
        switch byte {
        case ..<0xF0:
            return .key(keys[Int(byte) % keys.count])
        case 0xF0...0xF3:
            let x = Int(bytes.popFirst() ?? 0), y = Int(bytes.popFirst() ?? 0)
            let kinds: [MouseEvent.Kind] = [.press, .wheelUp, .wheelDown]
            return byte == 0xF0 ? .resize(width: x, height: y) : .mouse(MouseEvent(kinds[Int(byte - 0xF1)], x: x, y: y))
        case 0xF4:
            return session.logStream.map { .logLines(stream: $0, labLogLines) }
        case 0xF5:
            session.now += Double(bytes.popFirst() ?? 1)
            return .tick(session.now)
        default:
            return nil
        }
    }
}
