#if canImport(Glibc)
import Glibc
#endif
import Dashboard
import Foundation
import NIOConcurrencyHelpers

/// The one loop that owns the screen (run it on a dedicated thread): read the keys waiting,
/// drain the inbox of actions from other threads, reduce, render, write the changed cells,
/// then sleep in `poll()` until a key, a posted action (through a self-pipe), a signal or the
/// next clock tick. The clock ticks once a second while the screen shows something that ages
/// by the second, and backs off to every 4 s while ticks change nothing; an idle dashboard
/// writes nothing unless a cell changed. Effects returned by `reduce` are handed to `runEffect`, which must not block.
public final class UILoop: Sendable {
    private let inbox = NIOLockedValueBox(Inbox())
    private let wakeup = WakePipe()
    private let theme: Theme
    private let initial: AppState
    private let runEffect: @Sendable (Effect) -> Void
    /// Builds the snapshots' models off this thread.
    private let preparer: SnapshotPreparer
    /// The actions on the swarm still running when the loop ended.
    private let leftRunning = NIOLockedValueBox<[Effect]>([])

    private struct Inbox {
        var actions: [Action] = []
        /// Only the newest prepared snapshot matters: older ones are dropped, never queued.
        var snapshot: Action?
        /// Programs waiting to run in the terminal (`runInTerminal`), in order.
        var handOvers: [HandOver] = []
        /// True once the loop ended: a program handed over then is refused.
        var ended = false
        /// True once the loop was woken for what is queued (one pipe write per batch).
        var signalled = false
    }

    /// A program to run in the terminal, and what to tell its caller.
    private struct HandOver: Sendable {
        var executable: String
        var arguments: [String]
        var environment: [String]
        var pause: @Sendable (Int32) -> String?
        var done: @Sendable (Result<Int32, ForegroundFailure>) -> Void
    }

    /// - Parameters:
    ///   - state: the starting state.
    ///   - theme: colours by role.
    ///   - runEffect: called on the UI thread for each effect; start a Task there.
    public init(state: AppState, theme: Theme, runEffect: @escaping @Sendable (Effect) -> Void) {
        initial = state
        self.theme = theme
        self.runEffect = runEffect
        preparer = SnapshotPreparer(timeZone: state.timeZone, pane: state.pane)
    }

    /// Queues an action from any thread and wakes the loop, which picks it up at once; a
    /// snapshot goes to the preparer first, which hands it over with its model built.
    public func post(_ action: Action) {
        if case .snapshot(let snapshot) = action { return preparer.submit(snapshot) }
        let wake = inbox.withLockedValue { box in
            if case .prepared = action { box.snapshot = action } else { box.actions.append(action) }
            defer { box.signalled = true }
            return !box.signalled
        }
        if wake { wakeup.signal() }
    }

    /// Runs a program in the full terminal, from any thread: at its next turn the loop lends
    /// the terminal (`endwin`: the shell's tty modes and main screen back), runs the program
    /// on it and waits for it (a Ctrl-C is the program's, not swarmtop's; SIGWINCH reaches it
    /// as the terminal's foreground process), shows `pause`'s line and waits for a key when
    /// there is one, then takes the terminal back at its current size and redraws every cell.
    /// - Parameters:
    ///   - executable: the program's path.
    ///   - arguments: its arguments, after its name.
    ///   - environment: its environment, `NAME=value` strings.
    ///   - pause: given the exit status, the line to show before returning (nil: return at once).
    /// - Returns: the program's exit status (128 + N when signal N ended it).
    /// - Throws: `ForegroundFailure` when it could not start, or when the loop ended first.
    public func runInTerminal(_ executable: String, arguments: [String], environment: [String],
                              pause: @escaping @Sendable (Int32) -> String?) async throws(ForegroundFailure) -> Int32 {
        let result = await withCheckedContinuation { (done: CheckedContinuation<Result<Int32, ForegroundFailure>, Never>) in
            let handOver = HandOver(executable: executable, arguments: arguments, environment: environment, pause: pause) { done.resume(returning: $0) }
            let (wake, refused) = inbox.withLockedValue { box -> (Bool, Bool) in
                if box.ended { return (false, true) }
                box.handOvers.append(handOver)
                defer { box.signalled = true }
                return (!box.signalled, false)
            }
            if refused { handOver.done(.failure(ForegroundFailure(description: "swarmtop is quitting: \(executable) not run"))) }
            if wake { wakeup.signal() }
        }
        return try result.get()
    }

    /// Runs the programs handed over (`runInTerminal`), each with the terminal lent to it; the
    /// screen must then be drawn again at the terminal's current size.
    private func runHandOvers(_ handOvers: [HandOver], _ terminal: Terminal) {
        for handOver in handOvers {
            terminal.suspend()
            Signals.handedOver = 1
            let result = Result { () throws(ForegroundFailure) -> Int32 in
                try ForegroundProcess.run(handOver.executable, arguments: handOver.arguments, environment: handOver.environment,
                                          stderr: StderrCapture.real)
            }
            if case .success(let status) = result, let line = handOver.pause(status) { ForegroundProcess.waitForKey(line) }
            Signals.handedOver = 0
            terminal.resume()
            handOver.done(result)
        }
    }

    /// The actions on the swarm that had not finished when `run()` returned (a second quit, or
    /// `AppState.quitWaitSeconds` passed): empty unless the user or a signal would not wait.
    public var unfinished: [Effect] { leftRunning.withLockedValue { $0 } }

    /// How the loop ended.
    public enum Exit: Sendable, Equatable {
        /// The user quit (`q`, Ctrl-C).
        case quit
        /// SIGTERM, SIGHUP or SIGINT arrived; exit with status 128 + the number, as a shell would report it.
        case signal(Int32)
        /// The terminal could not be used (not a terminal, unknown `TERM`, no cursor addressing).
        case unusable(TerminalError)
    }

    /// Runs until the state asks to quit (a quit key or signal; while actions on the swarm run,
    /// after they finish or `AppState.quitWaitSeconds` pass); restores the terminal on return.
    public func run() -> Exit {
        let terminal = Terminal(theme: theme)
        do {
            try terminal.start(timeoutMillis: 0, wake: wakeup.writeEnd)  // reads never wait: poll() does the waiting
        } catch {
            return .unusable(error)
        }
        defer { terminal.stop() }
        var state = initial
        var appliedTheme = theme
        var (width, height) = terminal.size
        var lastTick = 0
        var tickEvery = 1
        _ = reduce(&state, .resize(width: width, height: height))
        var dirty = true
        var signalsSeen: sig_atomic_t = 0
        var quitDeadline: Date?
        defer { leftRunning.withLockedValue { $0 = state.running } }
        defer {
            let refused = inbox.withLockedValue { box in
                box.ended = true
                defer { box.handOvers = [] }
                return box.handOvers
            }
            for handOver in refused { handOver.done(.failure(ForegroundFailure(description: "swarmtop quit: \(handOver.executable) not run"))) }
        }
        var read = 0  // numbers the reads: the keys of one read form one `Action.keys`
        preparer.start { [weak self] in self?.post(.prepared($0)) }
        defer { preparer.stop() }
        while !state.quit {
            var actions: [Action] = []
            if Signals.quitSignals != signalsSeen {
                signalsSeen = Signals.quitSignals
                actions.append(.quit)
            }
            // Every key waiting (ncurses keeps none back once it answers ERR), a bounded batch:
            // one read, whose keys go to `reduce` together (those after a key that opens a
            // dialog are dropped). A read cut short by the bound goes on, same number, next turn.
            var reads = 0
            var keys: [KeyEvent] = []
            while reads < 64, let input = terminal.readKey() {
                reads += 1
                switch input {
                case .key(let key):
                    keys.append(key)
                case .mouse(let event):
                    actions += Self.take(&keys, read: read) + [.mouse(event)]
                case .resize:
                    (width, height) = terminal.size
                    terminal.invalidate()
                    actions += Self.take(&keys, read: read) + [.resize(width: width, height: height)]
                }
            }
            actions += Self.take(&keys, read: read)
            if reads < 64 { read += 1 }
            let (posted, handOvers) = inbox.withLockedValue { box in
                defer { box = Inbox() }
                return ((box.snapshot.map { [$0] } ?? []) + box.actions, box.handOvers)
            }
            actions += posted
            if !handOvers.isEmpty {
                runHandOvers(handOvers, terminal)
                (width, height) = terminal.size
                actions.append(.resize(width: width, height: height))
            }
            let now = Date()
            let second = Int(now.timeIntervalSince1970)
            let onlyTick = actions.isEmpty && !dirty
            if second - lastTick >= tickEvery {
                lastTick = second
                actions.append(.tick(now))
            }
            // The state a prepared snapshot replaces is freed on the preparer's thread: freeing a
            // 10,000-task snapshot and its rows took 13 ms on average (up to 116 ms) between two keys.
            let replaced = actions.contains { if case .prepared = $0 { true } else { false } } ? state : nil
            for action in actions {
                for effect in reduce(&state, action) { runEffect(effect) }
                dirty = true
            }
            if let replaced { preparer.free(replaced) }
            if !actions.isEmpty { preparer.show(state.pane) }
            if let theme = state.theme, theme != appliedTheme {
                terminal.setTheme(theme)
                appliedTheme = theme
            }
            if dirty {
                let wrote = terminal.draw(render(state, width: width, height: height, now: now))
                dirty = false
                // A clock tick that changed nothing on screen (no second-ages shown): tick less
                // often, up to every 4 s; anything written brings the 1 s clock back.
                if onlyTick && !wrote { tickEvery = min(4, tickEvery * 2) } else if wrote { tickEvery = 1 }
            }
            if state.quit { break }
            if state.quitRequested, quitDeadline == nil { quitDeadline = now.addingTimeInterval(Double(AppState.quitWaitSeconds)) }
            if let quitDeadline, Date() >= quitDeadline { break }
            // Sleep until input, a post, a signal, just past the next due second (the clock), or the quit's deadline.
            let untilTick = (Double(lastTick + tickEvery) - Date().timeIntervalSince1970) * 1000
            let untilQuit = quitDeadline.map { $0.timeIntervalSinceNow * 1000 } ?? .infinity
            _ = wakeup.wait(terminal: STDIN_FILENO, millis: Int32(max(1, min(4000, untilTick + 2, untilQuit + 2))))
        }
        return Signals.quitSignal != 0 ? .signal(Signals.quitSignal) : .quit
    }

    /// The keys collected so far as one `Action.keys` of read number `read` (none when there
    /// are none), leaving `keys` empty.
    private static func take(_ keys: inout [KeyEvent], read: Int) -> [Action] {
        defer { keys = [] }
        return keys.isEmpty ? [] : [.keys(keys, read: read)]
    }
}
