import ArgumentParser
import Dashboard
import Foundation
import Recording
import Settings
import SwarmState
import TerminalUI

/// `swarmtop replay FILE`: the dashboard on a recording; no engine is asked.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Open the dashboard on a recording (swarmtop record FILE, swarmtop --record FILE): no Docker needed.",
        discussion: """
        The status line shows the timeline (position/length, paused, speed). Keys: Space pause or go on, \
        . step to the next change, [ ] back or forward 10 s, :seek TIME (12:30, 1:02:03, +5m, -30s), \
        < > speed (1x 2x 5x 10x 30x 60x). Panes, filters and sorts work as live; actions are refused. \
        recordings/lab.swarmrec.gz in the repository is a recording of the lab.
        """)

    @Argument(help: ArgumentHelp("The recording to replay.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Colour theme, as for the dashboard.", valueName: "name"))
    var theme: String?

    @Option(help: ArgumentHelp("The pane shown at start.", valueName: "pane"))
    var pane: PaneArgument?

    func run() async throws {
        let env = ProcessInfo.processInfo.environment
        let config = try EffectiveSettings.resolve(flags: ConfigLayer(theme: theme, pane: pane?.pane), environment: env)
        let themes = EffectiveSettings.themes(environment: env)
        let theme = try EffectiveSettings.theme(config, from: themes)
        let keymap = try EffectiveSettings.keymap(config).addingReplayKeys()
        let box = UIBox()
        // A file that cannot be read says so (RecordingError: the path, the line), without the usage.
        let feed = try ReplayFeed(path: file) { box.loop?.post(.replayStatus($0)) }
        var state = AppState(endpoint: feed.header.endpoint, themeNames: themes.names(), keymap: keymap)
        _ = reduce(&state, .replayStatus(await feed.status))
        _ = reduce(&state, .key(.char(config.pane.value.digit)))
        let ui = UILoop(state: state, theme: theme) { effect in
            Task { box.loop?.post(await ReplayEffects.run(effect, feed: feed)) }
        }
        box.loop = ui
        let playing = Task { await feed.run { box.loop?.post(.snapshot($0)) } }
        let exit = await withCheckedContinuation { (done: CheckedContinuation<UILoop.Exit, Never>) in
            let thread = Thread { done.resume(returning: ui.run()) }
            thread.name = "swarmtop-ui"
            thread.start()
        }
        playing.cancel()
        switch exit {
        case .quit: break
        case .signal(let number): throw ExitCode(128 + number)
        case .unusable(let error): throw error
        }
    }
}

/// The effects of a replay: the timeline's controls go to the feed; everything else would ask
/// an engine or change a swarm, and is refused here (the reducer refuses them first).
enum ReplayEffects {
    static func run(_ effect: Effect, feed: ReplayFeed) async -> Action {
        if case .replay(let control) = effect { return .replayStatus(await feed.control(control)) }
        return .effectFinished(effect, message: "refused: \(effect.action) \(effect.target): this is a replay of a recording, no engine is asked",
                               isError: true)
    }
}
