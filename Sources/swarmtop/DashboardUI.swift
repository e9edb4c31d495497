import ArgumentParser
import Dashboard
import Foundation
import Session
import Settings
import SwarmState
import TerminalUI

/// The dashboard's UI loop on a thread of its own, with the effect runner and the log view's
/// streams, for the live dashboard and the replay alike. Made before the session, so that the
/// session's snapshots can be posted to it (`post`).
final class DashboardUI: @unchecked Sendable {
    private let lock = NSLock()
    /// The loop once `run` made it; guarded by `lock`, as `early` is.
    private var loop: UILoop?
    /// What was posted before the loop existed: the session may publish its first snapshots
    /// (an unreachable manager's error, which no later snapshot repeats) before `run` starts.
    private var early: [Action] = []

    /// Hands an action to the UI loop; one posted before the loop runs is kept and handed over
    /// when it starts, in order.
    func post(_ action: Action) {
        let ui = lock.withLock {
            if loop == nil { early.append(action) }
            return loop
        }
        ui?.post(action)
    }

    /// Runs the UI on `session` until the user quits, a signal, or an unusable terminal; the
    /// terminal is restored and the log streams stopped when it returns.
    /// - Returns: how the loop ended, and the effects still running then.
    func run(_ state: AppState, theme: Theme, themes: ThemeCatalog, session: SwarmSession) async -> (UILoop.Exit, unfinished: [Effect]) {
        let logStreams = LogStreams { [weak self] in self?.post($0) }
        let runner = EffectRunner(session: session, themes: themes, logStreams: logStreams) { [weak self] executable, arguments, environment, pause in
            guard let loop = self?.lock.withLock({ self?.loop }) else { throw ForegroundFailure(description: "the dashboard is not running") }
            return try await loop.runInTerminal(executable, arguments: arguments, environment: environment, pause: pause)
        }
        let ui = UILoop(state: state, theme: theme) { [weak self] effect in
            Task { self?.post(await runner.run(effect)) }
        }
        lock.withLock {  // the early actions first, before any later one can be posted
            for action in early { ui.post(action) }
            early = []
            loop = ui
        }
        let exit = await withCheckedContinuation { (done: CheckedContinuation<UILoop.Exit, Never>) in
            let thread = Thread { done.resume(returning: ui.run()) }
            thread.name = "swarmtop-ui"
            thread.start()
        }
        await logStreams.stopAll()
        return (exit, ui.unfinished)
    }
}

extension UILoop.Exit {
    /// Ends the command as the loop ended: quietly on quit, 128+N on signal N, or the terminal's error.
    /// - Throws: `ExitCode`, or the error that made the terminal unusable.
    func end() throws {
        switch self {
        case .quit: break
        case .signal(let number): throw ExitCode(128 + number)
        case .unusable(let error): throw error
        }
    }
}
