import Foundation

/// The writable-layer histories of one engine's containers (`SizeHistory`), by container ID:
/// one array sorted by ID. A dictionary keeps room for a third more than it holds, rounded up
/// to a power of two (128 entries of 64 bytes for 50 containers), and every snapshot that a
/// size round changed held its own copy of every engine's (3.5 MB at 200 engines, heaptrack).
public struct SizeHistories: Sendable, Hashable {
    private struct Entry: Sendable, Hashable {
        let id: String
        var history: SizeHistory
    }

    /// Sorted by `id`, each ID once.
    private var entries: [Entry] = []

    public init() {}

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }
    /// Every history, in the order of their containers' IDs.
    public var values: [SizeHistory] { entries.map(\.history) }

    /// The history of the container with this ID; nil for one never measured.
    public subscript(id: String) -> SizeHistory? {
        let i = position(id)
        return i < entries.count && entries[i].id == id ? entries[i].history : nil
    }

    /// Adds a measure made `at` to the history of each container of `sizes` (container ID and
    /// bytes; nil bytes: not measured, its history kept as it is), a new history for a container
    /// not seen before. With `complete` (every container of the engine), the histories of those
    /// not in `sizes` are dropped.
    public mutating func note(_ sizes: [(id: String, bytes: Int64?)], at: Date, complete: Bool) {
        guard complete else {
            for (id, bytes) in sizes {
                guard let bytes else { continue }
                let i = position(id)
                if i < entries.count && entries[i].id == id {
                    entries[i].history.note(.init(at: at, bytes: bytes))
                } else {
                    entries.insert(Entry(id: id, history: SizeHistory(.init(at: at, bytes: bytes))), at: i)
                }
            }
            return
        }
        var kept: [Entry] = []
        kept.reserveCapacity(sizes.count)
        for (id, bytes) in sizes.sorted(by: { $0.id < $1.id }) where kept.last?.id != id {
            var history = self[id]
            if let bytes {
                if history == nil { history = SizeHistory(.init(at: at, bytes: bytes)) } else { history?.note(.init(at: at, bytes: bytes)) }
            }
            if let history { kept.append(Entry(id: id, history: history)) }
        }
        entries = kept
    }

    /// Where `id` is in `entries`, or where it would go.
    private func position(_ id: String) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].id < id { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
