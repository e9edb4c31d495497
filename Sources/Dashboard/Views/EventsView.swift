import Foundation
import SwarmState

/// The events pane: the snapshot's timeline (`ClusterSnapshot.timeline`), newest first: tasks
/// failed or rejected with their error, nodes down or drained, services scaled, updated, rolled
/// back or removed, stacks removed, containers that died, engines unreachable.
enum EventsView {
    /// The message gives way last: a long container name (`web.2.aotuo6sxk5eqkqbthxdjcsiqv`) first.
    static let columns = [
        Column("TIME"),
        Column("TYPE", hide: 2),
        Column("NAME", min: 20, shrink: 0),
        Column("NODE", min: 6, shrink: 1),
        Column("MESSAGE", min: 16, shrink: 3),
    ]

    /// One row per entry, the newest first; TIME as the status line's clock (`14:03:27`),
    /// sorted by the moment itself.
    static func rows(_ snapshot: ClusterSnapshot, timeZone: ClockZone) -> [TableRow] {
        snapshot.timeline.reversed().map { entry in
            TableRow(id: .event(entry.id), cells: [
                TableCell(Format.clock(entry.time, timeZone: timeZone), sortKey: entry.time.timeIntervalSince1970),
                TableCell(entry.object.type),
                TableCell(entry.object.name),
                TableCell(entry.node ?? ""),
                TableCell(entry.message),
            ], style: style(entry))
        }
    }

    /// Trouble (a failed or rejected task, a node down, an engine gone, out of memory) as an
    /// error; a container that died with a non-zero code, a paused update or rollback as a
    /// warning; the rest plain.
    static func style(_ entry: TimelineEntry) -> Style {
        if entry.kind.isTrouble { return Style(.error) }
        let diedBadly = entry.kind == .containerDied && !entry.message.hasSuffix("(exit code 0)")
        let paused = [.update, .rollback].contains(entry.kind) && entry.message.contains("paused")
        return diedBadly || paused ? Style(.warn) : .normal
    }
}
