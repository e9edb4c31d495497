import SwarmState

/// A snapshot with the panes' model already built from it (the placement grid, the status
/// texts, the rows of the panes looked at), made away from the UI thread (`UILoop`'s preparer)
/// so that the UI only swaps it in: for 10,000 tasks that building takes tens of milliseconds,
/// which keys typed meanwhile would otherwise wait for.
public struct PreparedSnapshot: Sendable {
    /// The snapshot.
    public let snapshot: ClusterSnapshot
    /// Its model, with the rows of `panes` built.
    let model: SnapshotModel

    /// Builds the model of `snapshot` and the rows of `panes` (the other panes' rows are built
    /// when shown); `timeZone` must be the state's (`AppState.timeZone`). A row equal to its
    /// build in `last` (the snapshot prepared before, which the UI may still show) is that row
    /// (`RowReuse`), and so is a placement column's cards: an unchanged row or column is held
    /// once while both live.
    public init(_ snapshot: ClusterSnapshot, timeZone: ClockZone, panes: [Pane], last: PreparedSnapshot? = nil) {
        self.snapshot = snapshot
        var model = SnapshotModel(snapshot, timeZone: timeZone, lastPlacement: last?.model.placement ?? [])
        for pane in panes { _ = model.table(pane, scope: nil, last: last?.model.builtRows(pane)) }
        model.rowsArePrepared = true
        self.model = model
    }
}
