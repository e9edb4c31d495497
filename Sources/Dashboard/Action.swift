import Foundation
import SwarmState

/// Everything that can happen to the UI; `reduce` turns each into a new `AppState`.
public enum Action: Sendable {
    /// A key press from the terminal.
    case key(KeyEvent)
    /// Keys read from the terminal in one read (all that was waiting: a paste without
    /// brackets, type-ahead), numbered: reads split over turns of the UI loop keep one number.
    /// A dialog is answered only by keys typed after it was drawn, so the keys of the read
    /// that opened one are dropped, and the dialog says how many.
    case keys([KeyEvent], read: Int)
    /// A click or a wheel notch from the terminal.
    case mouse(MouseEvent)
    /// A new picture of the swarm from the refresh engine.
    case snapshot(ClusterSnapshot)
    /// A new picture of the swarm with its model built beforehand, off the UI thread: as
    /// `snapshot`, the building done.
    case prepared(PreparedSnapshot)
    /// The terminal's new size in columns and rows.
    case resize(width: Int, height: Int)
    /// The outcome of an `Effect`, e.g. `lab_web scaled to 6`; a successful scale becomes what `u` undoes.
    case effectFinished(Effect, message: String, isError: Bool)
    /// A stack's secrets, configs and networks, listed for the open remove dialog (`Effect.listStack`).
    case stackListed(StackContents)
    /// The swarm of context `name` is watched now (`Effect.switchContext`): `endpoint` as the status
    /// line shows it, `manager` as its snapshots name it (`ClusterSnapshot.endpoint`).
    case contextSwitched(name: String, endpoint: String, manager: String)
    /// What container `containerID` on `hostname` changed against its image (`Effect.readChanges`).
    case changesRead(hostname: String, containerID: String, ContainerChanges)
    /// Sizes of more of its files (`Effect.statPaths`), by path; the paths not found are left out.
    case pathStatsRead(hostname: String, containerID: String, [String: ContainerPathStat], asked: Int)
    /// The answer of `Effect.readImageLayers` for the image layers view numbered `view`.
    case imageLayersRead(ImageLayers, view: Int)
    /// The answer of `Effect.inspect` for the inspect view numbered `view`.
    case inspected(InspectAnswer, view: Int)
    /// The theme `:theme NAME` asked for (`Effect.loadTheme`), read from its file.
    case themeLoaded(name: String, Theme)
    /// The clock, about once a second: ages transient messages.
    case tick(Date)
    /// Lines of the log stream numbered `stream` (see `Effect.followLogs`), a batch at a time;
    /// `skipped` lines came before them that were dropped unseen (more than a view keeps arrived at once).
    case logLines(stream: Int, [LogLine], skipped: Int = 0)
    /// Where the replay is now (`swarmtop replay FILE`): the status line's timeline.
    case replayStatus(ReplayStatus)
    /// A quit from outside the keys (SIGTERM, SIGHUP, SIGINT): as `q`, it waits for running actions.
    case quit
}
