import Dashboard
import Foundation
import NIOConcurrencyHelpers

/// The one loop that owns the screen (run it on a dedicated thread): read a key (short wait),
/// drain the inbox of actions from other threads, reduce, render, write the changed cells.
/// Effects returned by `reduce` are handed to `runEffect`, which must not block.
public final class UILoop: Sendable {
    private let inbox = NIOLockedValueBox(Inbox())
    private let theme: Theme
    private let initial: AppState
    private let runEffect: @Sendable (Effect) -> Void

    private struct Inbox {
        var actions: [Action] = []
        /// Only the newest snapshot matters: older ones are dropped, never queued.
        var snapshot: Action?
    }

    /// - Parameters:
    ///   - state: the starting state.
    ///   - theme: colours by role.
    ///   - runEffect: called on the UI thread for each effect; start a Task there.
    public init(state: AppState, theme: Theme, runEffect: @escaping @Sendable (Effect) -> Void) {
        initial = state
        self.theme = theme
        self.runEffect = runEffect
    }

    /// Queues an action from any thread; the loop picks it up within one key wait (50 ms).
    public func post(_ action: Action) {
        inbox.withLockedValue { box in
            if case .snapshot = action { box.snapshot = action } else { box.actions.append(action) }
        }
    }

    /// How the loop ended.
    public enum Exit: Sendable, Equatable {
        /// The user quit (`q`, Ctrl-C).
        case quit
        /// SIGTERM, SIGHUP or SIGINT arrived; exit with status 128 + the number, as a shell would report it.
        case signal(Int32)
    }

    /// Runs until the state asks to quit or a quit signal arrives; restores the terminal on return.
    public func run() -> Exit {
        let terminal = Terminal(theme: theme)
        terminal.start(timeoutMillis: 50)
        defer { terminal.stop() }
        var state = initial
        var (width, height) = terminal.size
        var lastTick = 0
        _ = reduce(&state, .resize(width: width, height: height))
        var dirty = true
        while !state.quit {
            if Signals.quitSignal != 0 { return .signal(Signals.quitSignal) }
            var actions: [Action] = []
            switch terminal.readKey() {
            case .key(let key): actions.append(.key(key))
            case .resize:
                (width, height) = terminal.size
                terminal.invalidate()
                actions.append(.resize(width: width, height: height))
            case nil: break
            }
            actions += inbox.withLockedValue { box in
                defer { box = Inbox() }
                return (box.snapshot.map { [$0] } ?? []) + box.actions
            }
            let now = Date()
            let second = Int(now.timeIntervalSince1970)
            if second != lastTick {
                lastTick = second
                actions.append(.tick(now))
            }
            for action in actions {
                for effect in reduce(&state, action) { runEffect(effect) }
                dirty = true
            }
            if dirty {
                terminal.draw(render(state, width: width, height: height, now: now))
                dirty = false
            }
        }
        return .quit
    }
}
