import Foundation
import SwarmState

/// A column of the placement grid: a node's header and one card per task placed on it, or the
/// `pending` column of the tasks that have no node.
struct PlacementColumnModel: Sendable, Equatable {
    /// The node's ID; empty for the `pending` column.
    var nodeID: String
    /// The node's hostname as the engine gives it (no mark); empty for the `pending` column.
    var nodeHostname = ""
    /// The hostname (`✗ node2` when the node is down), or `pending`.
    var hostname: String
    /// The hostname's style: the error colour for a down node, dim for a drained or paused one.
    var hostnameStyle = Style(.header, bold: true)
    /// Role, state and an availability other than active, e.g. `manager ready`,
    /// `worker ready drain`; `2 tasks, no node` for the pending column.
    var detail: String
    var detailStyle: Style
    /// True for a drained or paused node: its hostname and cards are drawn dim.
    var dimmed: Bool = false
    var cards: [PlacementCard]
}

/// A task's card: `web.3` in its service's stable colour.
struct PlacementCard: Sendable, Equatable {
    /// What a card is marked with besides its colour.
    enum Mark: String, Sendable {
        /// Failed, rejected, or starting again after its slot's last task failed.
        case failing = "✗"
        /// On its way (new, pending, assigned, preparing, starting…).
        case starting = "◌"
    }

    var taskID: String
    var style: Style
    /// The mark `text` starts with, nil for a running task.
    var mark: Mark? = nil
    /// The whole task name, e.g. `lab_web.3`, and its current state, e.g. `running`.
    var name = "", state = ""
    /// The bytes of `name` that are its stack's prefix (`lab_`), left out of `text`.
    var stackPrefix: UInt8 = 0
    /// Since when it is in its current state; nil when the engine did not say.
    var since: Date? = nil

    /// The task name without the stack prefix (the colour tells the service), plus the
    /// current state when the task is not running yet, e.g. `◌ web.3 preparing`: marked `✗`
    /// when it failed, was rejected or starts again after its slot's last task failed, `◌`
    /// when it is on its way. Made when drawn: a grid of 10,000 cards kept it as 1.3 MB of strings.
    var text: String {
        let short = String(name.utf8.dropFirst(Int(stackPrefix))) ?? name
        let text = state == "running" ? short : "\(short) \(state)"
        return mark.map { "\($0.rawValue) \(text)" } ?? text
    }

    /// The card in the compact grid's one cell: its mark, or `■` for a running task.
    var cell: String { mark?.rawValue ?? "■" }
}

/// The placement pane's model: `ClusterSnapshot.placement` turned into cards, after a
/// `pending` column when some task has no node.
enum PlacementView {
    /// The columns, each card in its service's colour: distinct colours for up to 11 services,
    /// the oldest keeping theirs (`Style.services`); a failing card in the failed state's
    /// colour, a starting one in its state's.
    static func columns(_ snapshot: ClusterSnapshot) -> [PlacementColumnModel] {
        let byAge = snapshot.services.sorted { ($0.createdAt ?? .distantPast, $0.id) < ($1.createdAt ?? .distantPast, $1.id) }
        let colours = Style.services(byAge.map(\.name))
        let restarting = snapshot.restartingTaskIDs
        func cards(_ tasks: [SwarmTask]) -> [PlacementCard] {
            tasks.map { card($0, snapshot, colours: colours, restarting: restarting.contains($0.id)) }
        }
        let unplaced = snapshot.unplacedTasks
        let pending = unplaced.isEmpty ? [] : [PlacementColumnModel(
            nodeID: "", hostname: "pending", detail: "\(unplaced.count) task\(unplaced.count == 1 ? "" : "s"), no node",
            detailStyle: Style(.warn), cards: cards(unplaced))]
        return pending + snapshot.placement.map { column in
            let state = column.node.status?.state ?? ""
            let availability = column.node.spec?.availability ?? "active"
            let detail = [column.node.role, state, availability == "active" ? "" : availability].filter { !$0.isEmpty }
            let dimmed = availability != "active"
            return PlacementColumnModel(
                nodeID: column.node.id, nodeHostname: column.node.hostname,
                hostname: (state == "down" ? PlacementCard.Mark.failing.rawValue + " " : "") + column.node.hostname,
                hostnameStyle: state == "down" ? Style(.error, bold: true) : dimmed ? Style(.dim) : Style(.header, bold: true),
                detail: detail.joined(separator: " "),
                detailStyle: state != "ready" ? Style(.error) : availability != "active" ? Style(.warn) : Style(.dim),
                dimmed: dimmed, cards: cards(column.tasks))
        }
    }

    /// `columns` with the cards of each column equal to its build in `last` (the same node) being
    /// that build's array: the UI shows the last snapshot's grid while the next is prepared, and
    /// at 10,000 tasks under churn, where a snapshot changes a few columns, each grid was some
    /// 5 MB of cards.
    static func reusing(_ last: [PlacementColumnModel], _ columns: [PlacementColumnModel]) -> [PlacementColumnModel] {
        guard !last.isEmpty else { return columns }
        let lastCards = Dictionary(last.map { ($0.nodeID, $0.cards) }, uniquingKeysWith: { first, _ in first })
        return columns.map { column in
            guard let kept = lastCards[column.nodeID], kept == column.cards else { return column }
            var column = column
            column.cards = kept
            return column
        }
    }

    private static func card(_ task: SwarmTask, _ snapshot: ClusterSnapshot, colours: [String: Style], restarting: Bool) -> PlacementCard {
        let name = snapshot.taskName(task)
        var prefix = 0
        // Bytes, not characters: `hasPrefix` finds canonically equal text of other bytes (a
        // Kelvin sign for a K), and `text` drops this many bytes.
        if let stack = snapshot.service(id: task.serviceID, \.stack) ?? nil, name.utf8.starts(with: (stack + "_").utf8) {
            prefix = stack.utf8.count + 1
        }
        let state = TaskState(rawValue: task.state)
        var card = PlacementCard(taskID: task.id,
                                 style: snapshot.serviceName(id: task.serviceID).flatMap { colours[$0] } ?? .service(named: task.serviceID),
                                 name: name, state: task.state, stackPrefix: UInt8(clamping: prefix), since: task.status?.timestamp)
        if restarting || state == .failed || state == .rejected {
            (card.mark, card.style) = (.failing, Style(.taskState(state == .rejected ? .rejected : .failed)))
        } else if let state, task.isTransitional {
            (card.mark, card.style) = (.starting, Style(.taskState(state)))
        }
        return card
    }
}
