import Foundation
import SwarmState

/// The tasks pane: `docker service ps` columns, current tasks first, then history.
enum TasksView {
    static let columns = [
        Column("NAME", min: 10, shrink: 1),
        Column("NODE", min: 6, shrink: 2),
        Column("DESIRED STATE", hide: 3),
        Column("CURRENT STATE", min: 16, shrink: 4, showsAge: true),
        Column("ERROR", min: 10, shrink: 0),
    ]

    /// Tasks whose desired state is `running` first, then the others (history); each group
    /// by service name and slot (or node), the newest first within a slot. A task waiting for a
    /// node shows why in its ERROR column (`SchedulingExplanation.short`) where the engine said
    /// no more than `no suitable node (…)`; every other error is the engine's, quoted. The tasks
    /// that ended long ago (`ClusterSnapshot.endedTaskIDs`) are quiet rows. A row equal to its
    /// build in `reuse` is that one.
    static func rows(_ snapshot: ClusterSnapshot, reuse: RowReuse = RowReuse()) -> [TableRow] {
        let tasks = snapshot.tasks
        let hostnames = Dictionary(snapshot.nodes.map { ($0.id, $0.hostname) }) { first, _ in first }
        let serviceRank = rank(snapshot.services.map { ($0.id, $0.name) })
        let nodeRank = rank(snapshot.nodes.map { ($0.id, $0.hostname) })
        let ended = snapshot.endedTaskIDs
        let keys = tasks.map { task in
            SortKey(history: task.desiredState != "running", service: serviceRank[task.serviceID] ?? Int.max,
                    slot: task.slot ?? 0, node: task.nodeID.flatMap { nodeRank[$0] } ?? Int.max,
                    newest: -(task.status?.timestamp ?? .distantPast).timeIntervalSinceReferenceDate, id: task.id)
        }
        let reasons = tasks.contains(where: SchedulingModel.isWaiting) ? SchedulingModel(snapshot).shortReasons() : [:]
        return tasks.indices.sorted { keys[$0] < keys[$1] }.map { i in
            let task = tasks[i]
            let err = task.status?.err ?? ""
            let why = reasons[task.id]
            return reuse(TableRow(id: .task(task.id), cells: [
                TableCell(snapshot.taskName(task)),
                TableCell(task.nodeID.flatMap { hostnames[$0] } ?? ""),
                TableCell(Format.prettyPrint(task.desiredState ?? "")),
                TableCell(Format.prettyPrint(task.state), since: task.status?.timestamp),
                TableCell(why ?? (err.isEmpty ? "" : "\"\(err)\"")),
            ], style: style(task), serviceID: task.serviceID, nodeID: task.nodeID, quiet: ended.contains(task.id)))
        }
    }

    /// The position of each ID when ordered by name (then ID): integer keys make sorting
    /// ten thousand tasks cheap.
    private static func rank(_ named: [(id: String, name: String)]) -> [String: Int] {
        let ordered = named.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        return Dictionary(ordered.enumerated().map { ($1.id, $0) }) { first, _ in first }
    }

    /// The order of the rows: current before history, then service name, slot, node
    /// hostname, the newest first.
    private struct SortKey: Comparable {
        var history: Bool, service: Int, slot: Int, node: Int, newest: Double, id: String

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.history != b.history { return !a.history }
            return (a.service, a.slot, a.node, a.newest, a.id) < (b.service, b.slot, b.node, b.newest, b.id)
        }
    }

    /// Each task in its state's colour (running ok, on its way a warning, failed or rejected an
    /// error, by default); history (desired state other than running) dim, but for failures.
    static func style(_ task: SwarmTask) -> Style {
        guard let state = TaskState(rawValue: task.state) else { return Style(.dim) }
        if task.desiredState != "running", state != .failed, state != .rejected { return Style(.dim) }
        return Style(.taskState(state))
    }
}
