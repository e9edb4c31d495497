import Foundation
import SwarmState

/// Everything the panes show that depends only on the snapshot (k9s' render step): the
/// placement grid and the status text, computed when it arrives, and the rows of each table
/// pane, built the first time the pane is shown (a swarm of 10,000 tasks does not build the
/// tasks pane's rows while the nodes pane is on screen).
struct SnapshotModel: Sendable {
    /// The snapshot the rows are built from.
    private var snapshot: ClusterSnapshot?
    /// The rows of each table pane built so far for this snapshot.
    private var rows: [Pane: [TableRow]] = [:]
    /// The zone of wall-clock times (the events pane's TIME).
    private var timeZone = ClockZone.local
    var placement: [PlacementColumnModel] = []
    /// `API 1.41  refreshed 11:42:05`, without the endpoint; `refreshed 11:42:05 (stale)` while
    /// the manager does not answer and the panes show what it last said.
    var freshness = ""
    /// True while the manager does not answer after it once did: every pane is its last answer.
    var isStale = false
    /// The manager's error and the failing engines' errors, e.g. `node2: cannot reach …`.
    var problems: String?
    /// True when the preparer's thread builds the rows (`PreparedSnapshot`): a pane of more than
    /// `rowsBuiltOnScreen` rows not built yet waits for it (`waitsForRows`) instead of holding
    /// the UI thread for 100-250 ms at 10,000 tasks.
    var rowsArePrepared = false
    /// The most rows of a pane built on the UI thread when the model is prepared elsewhere.
    static let rowsBuiltOnScreen = 2_000

    init() {}

    /// - Parameter lastPlacement: the placement of the snapshot before (none for a first): a
    ///   column whose cards are the same keeps that build's array (`PlacementView.reusing`).
    init(_ snapshot: ClusterSnapshot, timeZone: ClockZone, lastPlacement: [PlacementColumnModel] = []) {
        self.snapshot = snapshot
        self.timeZone = timeZone
        placement = PlacementView.reusing(lastPlacement, PlacementView.columns(snapshot))
        isStale = snapshot.error != nil && snapshot.refreshedAt != nil
        freshness = [
            snapshot.apiVersion.map { "API \($0)" },
            snapshot.refreshedAt.map { "refreshed \(Format.clock($0, timeZone: timeZone))" + (isStale ? " (stale)" : "") },
        ].compactMap { $0 }.joined(separator: "  ")
        // An engine that is the manager's own fails with the manager: its error is said once.
        // A --node-host that names no node is a typo to point out.
        let hostnames = Set(snapshot.nodes.map(\.hostname))
        let errors = [snapshot.error].compactMap { $0 } + snapshot.engines.compactMap { engine in
            engine.error.flatMap { error in error == snapshot.error ? nil : "\(engine.hostname): \(error)" }
        } + snapshot.engines.compactMap { engine in
            hostnames.isEmpty || hostnames.contains(engine.hostname) ? nil
                : "--node-host \(engine.hostname): no node of the swarm has this hostname"
        }
        problems = errors.isEmpty ? nil : errors.joined(separator: "; ")
    }

    /// True when the pane's rows are not built, are many, and the preparer builds them: the
    /// pane says so until a prepared snapshot with them arrives.
    func waitsForRows(_ pane: Pane) -> Bool {
        guard rowsArePrepared, !hasRows(pane), let snapshot else { return false }
        let count = switch pane {
        case .nodes: snapshot.nodes.count
        case .services: snapshot.services.count
        case .tasks: snapshot.tasks.count
        case .containers, .disk: snapshot.engines.reduce(0) { $0 + $1.containers.count }
        case .events: snapshot.timeline.count
        case .placement: 0
        }
        return count > Self.rowsBuiltOnScreen
    }

    /// True when the pane's rows are built for this snapshot.
    func hasRows(_ pane: Pane) -> Bool { rows[pane] != nil }

    /// The columns of a table pane; none for placement.
    static func columns(_ pane: Pane) -> [Column] {
        switch pane {
        case .nodes: NodesView.columns
        case .services: ServicesView.columns
        case .tasks: TasksView.columns
        case .containers: ContainersView.columns
        case .disk: DiskView.columns
        case .events: EventsView.columns
        case .placement: []
        }
    }

    /// The table of a pane under `scope` (all its rows when nil) and its columns, its rows built
    /// now if this snapshot has not built them yet (a row equal to one of `last`, the pane's
    /// rows of an earlier snapshot, is that row: `RowReuse`); empty for placement.
    mutating func table(_ pane: Pane, scope: Scope?, last: [TableRow]? = nil) -> PaneTable {
        let columns = Self.columns(pane)
        let rows = self.rows[pane] ?? snapshot.map { Self.rows(pane, $0, timeZone: timeZone, last: last ?? []) } ?? []
        self.rows[pane] = rows
        var table = PaneTable(columns: columns, rows: scope.map { rows.filter($0.includes) } ?? rows)
        if pane == .containers, let snapshot { table.sizesMeasured = SizesMeasured(snapshot) }
        return table
    }

    /// The pane's rows, if built for this snapshot.
    func builtRows(_ pane: Pane) -> [TableRow]? { rows[pane] }

    /// The panes of 10,000 rows reuse `last` (`RowReuse`); the others are small, and their
    /// last rows are not indexed for nothing.
    private static func rows(_ pane: Pane, _ snapshot: ClusterSnapshot, timeZone: ClockZone, last: [TableRow]) -> [TableRow] {
        switch pane {
        case .nodes: NodesView.rows(snapshot)
        case .services: ServicesView.rows(snapshot)
        case .tasks: TasksView.rows(snapshot, reuse: RowReuse(last))
        case .containers: ContainersView.rows(snapshot, reuse: RowReuse(last))
        case .disk: DiskView.rows(snapshot, reuse: RowReuse(last))
        case .events: EventsView.rows(snapshot, timeZone: timeZone)
        case .placement: []
        }
    }
}
