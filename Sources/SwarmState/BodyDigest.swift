import Foundation

/// What stands for an answer's bytes when only "same as last time?" is asked: their count and
/// a 64-bit hash (`Hasher`, seeded per process). Keeping it instead of the bytes saves their
/// memory: a 10,000-task swarm's `/tasks` and container lists are some 35 MB.
struct BodyDigest: Hashable, Sendable {
    /// The bytes' count.
    let count: Int
    /// Their hash.
    let hash: Int

    init(_ body: Data) {
        var hasher = Hasher()
        body.withUnsafeBytes { hasher.combine(bytes: $0) }
        count = body.count
        hash = hasher.finalize()
    }
}
