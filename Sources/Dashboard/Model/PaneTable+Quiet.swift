/// Quiet rows: the tasks that ended long ago and the containers that exited, left out of a
/// table until `a` shows them all, as `docker ps` leaves out exited containers without `-a`.
extension PaneTable {
    /// The table without its quiet rows unless `showingAll`, its column widths those of the
    /// rows kept; `quietCount` says how many quiet rows it has either way.
    func quieted(showingAll: Bool) -> PaneTable {
        let quiet = rows.count(where: \.quiet)
        var table = showingAll || quiet == 0 ? self : PaneTable(columns: columns, rows: rows.filter { !$0.quiet })
        table.quietCount = quiet
        table.sizesMeasured = sizesMeasured
        return table
    }

    /// How the tab bar calls a pane's quiet rows: `ended` (tasks) or `exited` (containers).
    static func quietWord(_ pane: Pane) -> String { pane == .tasks ? "ended" : "exited" }
}
