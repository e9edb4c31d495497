import SwarmState

/// The paragraphs of the node availability dialog: what a drain or pause would do to the node's
/// tasks (`DrainPlan`), short enough for an 80x24 terminal (at most `maxNames` task names, then
/// `and N more`).
enum AvailabilityMessage {
    /// The most task names said in one paragraph.
    static let maxNames = 8
    /// The most services warned about, and guesses said.
    static let maxNotes = 2

    /// The question first, then what happens to the tasks.
    static func paragraphs(_ plan: DrainPlan, _ availability: NodeAvailability) -> [String] {
        let host = plan.hostname
        switch availability {
        case .active:
            return ["Activate node \(host)?",
                    "No task will move: the scheduler may place new tasks on it, but running tasks are not rebalanced."]
        case .pause:
            return ["Pause node \(host)?",
                    "No task leaves \(host): its \(tasks(plan.staying.count)) keep running"
                        + (plan.staying.isEmpty ? "" : " (\(list(plan.staying)))") + ". New tasks are not placed on it."]
        case .drain:
            var message = ["Drain node \(host)?", moving(plan)]
            for (service, n) in plan.losses.prefix(maxNotes) {
                let reason = plan.moves.first { $0.service == service && $0.target == nil }?.reason ?? "no other node"
                message.append("Warning: \(service) would lose \(n == 1 ? "1 replica" : "\(n) replicas"): no other node can take it (\(reason)).")
            }
            if plan.losses.count > maxNotes { message.append("Warning: \(plan.losses.count - maxNotes) more services would lose replicas.") }
            if !plan.stopping.isEmpty {
                message.append("Warning: \(tasks(plan.stopping.count)) of global services will stop on \(host), not move (\(list(plan.stopping))).")
            }
            let guesses = plan.moves.flatMap(\.guesses).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            if !guesses.isEmpty {
                message.append("Guess: " + guesses.prefix(maxNotes).joined(separator: "; ") + (guesses.count > maxNotes ? "; and \(guesses.count - maxNotes) more" : "") + ".")
            }
            message.append("No new tasks are placed on \(host) until it is active again.")
            return message
        }
    }

    /// `4 tasks will move …: lab_web.1 and lab_web.3 to node1; lab_x.1 to node3.`, the tasks
    /// that go nowhere last (`lab_gpu.1 nowhere`).
    private static func moving(_ plan: DrainPlan) -> String {
        guard !plan.moves.isEmpty else { return "No task will move: no task of a replicated service runs on \(plan.hostname)." }
        var groups: [(target: String?, tasks: [String])] = []
        for move in plan.moves {
            if let i = groups.firstIndex(where: { $0.target == move.target }) { groups[i].tasks.append(move.task) } else {
                groups.append((move.target, [move.task]))
            }
        }
        groups.sort { ($0.target == nil ? 1 : 0, $0.target ?? "") < ($1.target == nil ? 1 : 0, $1.target ?? "") }
        var left = maxNames
        var parts: [String] = []
        for group in groups where left > 0 {
            let names = Array(group.tasks.prefix(left))
            left -= names.count
            parts.append(and(names) + (group.target.map { " to \($0)" } ?? " nowhere"))
        }
        let more = plan.moves.count - (maxNames - left)
        return "\(tasks(plan.moves.count)) will move (shut down on \(plan.hostname), started again where they fit): "
            + parts.joined(separator: "; ") + (more > 0 ? "; and \(more) more" : "") + "."
    }

    /// Names joined with commas, at most `maxNames`, then `and N more`.
    private static func list(_ names: [String]) -> String {
        names.prefix(maxNames).joined(separator: ", ") + (names.count > maxNames ? " and \(names.count - maxNames) more" : "")
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func and(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    private static func tasks(_ n: Int) -> String { n == 1 ? "1 task" : "\(n) tasks" }
}
