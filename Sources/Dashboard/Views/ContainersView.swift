import SwarmState

/// The containers pane: every container of every reached node engine, with `docker ps -s`'s
/// STATUS (`Up 5 minutes (healthy)`, `Exited (0) 2 minutes ago`) and SIZE.
enum ContainersView {
    static let columns = [
        Column("NAME", min: 16, shrink: 1),
        Column("NODE", min: 6, shrink: 2),
        Column("IMAGE", hide: 0),
        Column("STATUS", shrink: 3),
        Column("SIZE"),
        Column("SIZE AGE", hide: 3, showsAge: true),
    ]

    /// One row per container, by node then name. Rows of an engine whose last query failed
    /// are the last good list: dim, and their node marked `(stale)`. Exited containers are
    /// quiet rows, as `docker ps` without `-a` leaves them out. SIZE AGE is looked up when
    /// drawn (`TableCell.sizeAge`, `SizesMeasured`). A row equal to its build in `reuse` is that one.
    static func rows(_ snapshot: ClusterSnapshot, reuse: RowReuse = RowReuse()) -> [TableRow] {
        snapshot.containerRows.map { row in
            let c = row.container
            let state = c.state ?? ""
            return reuse(TableRow(id: .container(hostname: row.hostname, id: c.id), cells: [
                TableCell(c.name),
                TableCell(row.stale ? row.hostname + " (stale)" : row.hostname),
                TableCell(Format.containerImage(c.image ?? "", imageID: c.imageID)),
                TableCell(c.status ?? state),
                TableCell(Format.containerSize(sizeRw: c.sizeRw, sizeRootFs: c.sizeRootFs), sortKey: c.sizeRw.map(Double.init)),
                row.sizesAt != nil && (c.sizeRw != nil || c.sizeRootFs != nil) ? .sizeAge : TableCell("-"),
            ], style: row.stale ? Style(.dim) : style(state), quiet: state == "exited"))
        }
    }

    /// Running containers plain, exited ones dim, dead ones as errors, others (created,
    /// paused, restarting, removing) as warnings.
    static func style(_ state: String) -> Style {
        switch state {
        case "running": .normal
        case "exited": Style(.dim)
        case "dead": Style(.error)
        default: Style(.warn)
        }
    }
}
