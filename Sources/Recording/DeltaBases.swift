import Foundation
import SwarmState

/// The previous answer of each engine to each path, which the next answer is written against.
/// The writer and the reader keep the same bases by the same rule, so a delta always finds its
/// base: at most `limit` of them, the one set longest ago forgotten first (its next answer is
/// then written whole).
struct DeltaBases {
    /// One previous answer, cut into objects when it is an array of them.
    struct Base {
        var body: Data
        var layout: JSONArrayLayout?
        var stamp: Int
    }

    struct Key: Hashable {
        var engine: EngineObservation.Engine
        var path: String
    }

    /// How many bases are kept at most (the paths of one swarm are a handful; measuring single
    /// containers adds one per container).
    let limit: Int
    private var bases: [Key: Base] = [:]
    private var stamp = 0

    init(limit: Int = 256) {
        self.limit = limit
    }

    subscript(key: Key) -> Base? { bases[key] }

    /// Makes `body` the base of `key`, with its layout when already cut.
    mutating func set(_ key: Key, body: Data, layout: JSONArrayLayout?) {
        stamp += 1
        bases[key] = Base(body: body, layout: layout, stamp: stamp)
        if bases.count > limit, let oldest = bases.min(by: { $0.value.stamp < $1.value.stamp }) {
            bases[oldest.key] = nil
        }
    }
}
