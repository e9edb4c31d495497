import Foundation
import SwarmState

/// When each container's writable layer shown was measured: its engine's last size round
/// (`NodeEngine.sizesAt`), or a single measurement since (`NodeEngine.sizeTimes`, the `r` key).
/// The Containers pane's SIZE AGE cells read it when drawn (`TableCell.sinceSizesMeasured`), so
/// that a size round, which makes every age new, does not make every row new: at 10,000
/// containers the rows built again beside the shown ones were some 10 MB of the heap's peak.
struct SizesMeasured: Sendable, Equatable {
    private var rounds: [String: Date] = [:]
    private var singles: [String: [String: Date]] = [:]

    init() {}

    /// - Parameter snapshot: its engines' size times, by hostname.
    init(_ snapshot: ClusterSnapshot) {
        for engine in snapshot.engines {
            rounds[engine.hostname] = engine.sizesAt
            if !engine.sizeTimes.isEmpty { singles[engine.hostname] = engine.sizeTimes }
        }
    }

    /// When the sizes of the container of `row` were measured; nil for another row or none yet.
    func at(_ row: RowID) -> Date? {
        guard case .container(let hostname, let id) = row else { return nil }
        return singles[hostname]?[id] ?? rounds[hostname]
    }
}
