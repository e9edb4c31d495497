import Foundation
import NIOCore

/// An answer's body gathered part by part into one buffer that grows by allocating anew, not by
/// `realloc`: NIO's `collect(upTo:)` grows its first part's storage in place, and glibc grows a
/// block at the top of its one arena in place too, so the 18 MB of a big swarm's `/tasks` ended
/// up amid the arena (blocks allocated meanwhile above it) and its pages stayed resident after
/// it was freed, until a trim (30 MB of the heap at the start of a 10,000-task swarm). A new
/// block of 1 MB or more is a mapping of its own (`mallopt(M_MMAP_THRESHOLD)`, set by the
/// binary), given back when freed.
struct BodyCollector {
    private var bytes: UnsafeMutableRawPointer?
    private var capacity = 0
    /// Bytes gathered so far.
    private(set) var count = 0
    /// The most bytes gathered; more throw.
    let limit: Int

    /// - Parameter limit: the most bytes of the body, at least 0.
    init(limit: Int) {
        self.limit = limit
    }

    /// Appends a part of the body.
    /// - Throws: `NIOTooManyBytesError` when the body would pass `limit`.
    mutating func append(_ part: ByteBuffer) throws {
        let size = part.readableBytes
        guard size > 0 else { return }
        guard count + size <= limit else { throw NIOTooManyBytesError(maxBytes: limit) }
        if count + size > capacity { grow(to: count + size) }
        part.withUnsafeReadableBytes { source in
            (bytes! + count).copyMemory(from: source.baseAddress!, byteCount: size)
        }
        count += size
    }

    /// The body: the buffer itself (freed with the `Data`), empty when nothing came.
    mutating func finish() -> Data {
        guard let bytes, count > 0 else {
            discard()
            return Data()
        }
        self.bytes = nil
        return Data(bytesNoCopy: bytes, count: count, deallocator: .free)
    }

    /// Frees the buffer of a body that is not finished (a failure midway).
    mutating func discard() {
        if let bytes { free(bytes) }
        bytes = nil
        count = 0
    }

    /// A new block for `needed` bytes, the bytes moved over: the first part's size (most bodies
    /// come in one), then twice the capacity or more.
    private mutating func grow(to needed: Int) {
        let size = max(capacity * 2, needed)
        guard let new = malloc(size) else { fatalError("swarmtop: out of memory for a \(size)-byte answer") }
        if let bytes {
            new.copyMemory(from: bytes, byteCount: count)
            free(bytes)
        }
        bytes = new
        capacity = size
    }
}
