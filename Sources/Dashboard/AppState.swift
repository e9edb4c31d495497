import Foundation
import SwarmState

/// The whole UI state, changed only by `reduce` and drawn by `render`.
public struct AppState: Sendable {
    /// The manager endpoint, shown before the first snapshot and in the status bar.
    public internal(set) var endpoint: String
    /// The docker context watched, shown in the tab bar and in every action's dialog; nil when
    /// the endpoint did not come from a context (`--host`, `DOCKER_HOST`, the default socket).
    public internal(set) var context: String?
    /// The docker contexts `:context` completes.
    public let contextNames: [String]
    /// When true, action keys only say that actions are disabled.
    public let readOnly: Bool
    /// The zone of the status bar's `refreshed HH:mm:ss`.
    public let timeZone: ClockZone
    /// Where each action performed is logged as a JSON line, shown in help; nil when not logged.
    public let actionLog: String?
    /// The themes `:theme` completes, e.g. `dark`, `light`.
    public let themeNames: [String]
    /// What each key does.
    public let keymap: Keymap

    /// The latest snapshot; nil before the first one.
    public internal(set) var snapshot: ClusterSnapshot?
    /// The pane on screen.
    public internal(set) var pane: Pane = .nodes
    /// What the pane is restricted to after a drill-down; nil for the whole pane.
    public internal(set) var scope: Scope?
    /// Where Esc goes back to, the most recent last.
    public internal(set) var drillDown: [Breadcrumb] = []
    /// The selection of each pane visited.
    public internal(set) var selections: [Pane: Selection] = [:]
    /// The open dialog, if any.
    public internal(set) var dialog: Dialog?
    /// How the open dialog was opened, and how many keys that came with it were dropped (`Action.keys`).
    public internal(set) var opening: DialogOpening?
    /// The last scale that succeeded in this session: what `u` undoes.
    public internal(set) var lastScale: ScaleRecord?
    /// Scales asked for that no snapshot reflects yet (the swarm still shows their `from`), by
    /// service ID, so that a second `+` right after the first builds on it instead of repeating it.
    public internal(set) var pendingScales: [String: ScaleRecord] = [:]
    /// The `/` filter of each pane, as typed; a pane without one shows every row.
    public internal(set) var filters: [Pane: String] = [:]
    /// True after `a`: the tables show their quiet rows too (the tasks that ended long ago, the
    /// containers that exited); false, the default, leaves them out as `docker ps` does.
    public internal(set) var showsQuietRows = false
    /// True after `z`: the Placement pane draws a row per node with a cell per task
    /// (`PlacementRows`) instead of a column per node; kept while swarmtop runs.
    public internal(set) var compactPlacement = false
    /// The `s` / `S` order of each table pane; a pane without one keeps its natural order.
    public internal(set) var sorts: [Pane: SortOrder] = [:]
    /// The `/` or `:` line being typed, if any.
    public internal(set) var prompt: Prompt?
    /// The theme chosen with `:theme` in this session; nil while the one swarmtop started with is in use.
    public internal(set) var theme: Theme?
    /// The log view over the pane (`l`), nil when closed.
    public internal(set) var logs: LogView?
    /// The changes view over the pane (`d` on a container), nil when closed.
    public internal(set) var changes: ChangesView?
    /// The number of the last log stream opened: each new one takes the next.
    var lastLogStream = 0
    /// The image layers view over the pane (`L`), nil when closed.
    public internal(set) var layers: ImageLayersView?
    /// The number of the last image layers view opened: each new one takes the next.
    var lastLayersView = 0
    /// The inspect view over the pane (`i`), nil when closed.
    public internal(set) var inspect: InspectView?
    /// The number of the last inspect view opened: each new one takes the next.
    var lastInspectView = 0
    /// True while the help overlay is shown.
    public internal(set) var showsHelp = false
    /// Where the replay is, nil when the swarm is live: set by `Action.replayStatus`; while set,
    /// actions are refused and ages count from the recorded moment.
    public internal(set) var replay: ReplayStatus?
    /// The transient status-bar message, if any.
    public internal(set) var status: StatusMessage?
    /// Set by `q` or Ctrl-C: the front end restores the terminal and exits.
    public internal(set) var quit = false
    /// The effects that change the swarm sent and not answered yet (no `effectFinished`), oldest first.
    public internal(set) var running: [Effect] = []
    /// Set by a quit while `running` is not empty: the front end waits for them, at most
    /// `quitWaitSeconds`, and `quit` follows when the last one finishes (or at a second quit).
    public internal(set) var quitRequested = false
    /// The longest wait for running actions after a quit, in seconds.
    public static let quitWaitSeconds = 5
    /// The terminal columns last reported by `.resize`.
    public internal(set) var width: Int
    /// The terminal rows last reported by `.resize`, used for paging.
    public internal(set) var height: Int

    /// The snapshot's rows for every pane, computed once per snapshot.
    var model = SnapshotModel()
    /// The manager endpoint (`ClusterSnapshot.endpoint`) whose snapshots are taken: set by a
    /// context switch, followed through a failover; nil until a switch. A prepared snapshot of
    /// another (the swarm switched away from, prepared while the switch came) is dropped.
    var manager: String?
    /// The current table pane's rows under its scope, recomputed when either changes.
    var table = PaneTable.empty

    /// A state before the first snapshot, on `pane`.
    /// - Parameters:
    ///   - endpoint: the manager endpoint, e.g. `unix:///var/run/docker.sock`.
    ///   - readOnly: disables the action keys (scale, stop, remove).
    ///   - actionLog: the path of the action log, for help.
    ///   - themeNames: the themes `:theme` offers.
    ///   - context: the docker context the endpoint came from, if any.
    ///   - contextNames: the contexts `:context` offers.
    ///   - pane: the pane shown at start (set as a pane, not by its key: `[keys]` may rebind the digit).
    ///   - keymap: the keys, `Keymap.standard` with the config file's overrides.
    ///   - timeZone: the zone for wall-clock times.
    ///   - width: the terminal's columns.
    ///   - height: the terminal's rows.
    public init(endpoint: String, readOnly: Bool = false, actionLog: String? = nil, themeNames: [String] = [],
                context: String? = nil, contextNames: [String] = [], pane: Pane = .nodes,
                keymap: Keymap = .standard, timeZone: ClockZone = .local, width: Int = 80, height: Int = 24) {
        self.endpoint = endpoint
        self.context = context
        self.contextNames = contextNames
        self.pane = pane
        self.readOnly = readOnly
        self.actionLog = actionLog
        self.themeNames = themeNames
        self.keymap = keymap
        self.timeZone = timeZone
        self.width = width
        self.height = height
    }

    /// The current pane's selection.
    public internal(set) var selection: Selection {
        get { selections[pane] ?? Selection() }
        set { selections[pane] = newValue }
    }

    /// The current pane and scope.
    public var location: Location { Location(pane: pane, scope: scope) }
}

/// A place Esc returns to, with the selection it had.
public struct Breadcrumb: Sendable, Hashable {
    /// The place left by Enter.
    public var location: Location
    /// Its selection at the time.
    public var selection: Selection
}
