import ArgumentParser
import Dashboard
import Foundation
import Recording
import Session
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
        try await usage { try await replay() }
    }

    private func replay() async throws {
        let env = ProcessInfo.processInfo.environment
        let config = try EffectiveSettings.resolve(flags: ConfigLayer(theme: theme, pane: pane?.pane), environment: env)
        let themes = EffectiveSettings.themes(environment: env)
        let theme = try EffectiveSettings.theme(config, from: themes)
        let keymap = try EffectiveSettings.keymap(config).addingReplayKeys()
        let ui = DashboardUI()
        // A file that cannot be read says so (RecordingError: the path, the line), without the usage.
        let feed = try ReplayFeed(path: file) { ui.post(.replayStatus($0)) }
        let source = SwarmSource(offline: feed, reason: "refused: this is a replay of a recording, no engine is asked",
                                 endpoint: feed.header.endpoint)
        let session = SwarmSession(source, open: nil) { ui.post(.snapshot($0)) }
        var state = AppState(endpoint: feed.header.endpoint, themeNames: themes.names(), pane: config.pane.value, keymap: keymap)
        _ = reduce(&state, .replayStatus(await feed.status))
        let (exit, _) = await ui.run(state, theme: theme, themes: themes, session: session)
        await session.shutdown()
        try exit.end()
    }
}
