import CZlib
import Foundation

/// Why zlib refused: its return code and message.
public struct GzipError: Error, CustomStringConvertible, Sendable {
    /// What failed, e.g. `gzip: inflate: incorrect header check`.
    public let description: String

    init(_ operation: String, _ code: Int32, _ stream: UnsafeMutablePointer<z_stream>?) {
        let message = stream?.pointee.msg.map { String(cString: $0) } ?? "zlib error \(code)"
        description = "gzip: \(operation): \(message)"
    }
}

/// A gzip compressor over the system's zlib: bytes in, gzip bytes out, a sync flush on
/// request (everything given so far becomes readable), the trailer on `finish`.
/// Not thread-safe: one owner at a time.
final class GzipDeflater {
    /// zlib keeps a pointer back to the stream: it must not move.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var finished = false

    /// - Parameter level: 1 (fastest) to 9 (smallest).
    /// - Throws: `GzipError` when zlib cannot start (out of memory).
    init(level: Int32 = 6) throws {
        stream.initialize(to: z_stream())
        let code = swarmtop_deflate_init_gzip(stream, level)
        guard code == Z_OK else {
            stream.deallocate()
            throw GzipError("deflateInit", code, nil)
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Compresses `bytes`; returns what zlib produced so far (often nothing: it buffers).
    func compress(_ bytes: Data) throws -> Data { try run(bytes, Z_NO_FLUSH) }

    /// Everything compressed so far, made decodable (a sync flush: a few bytes of cost).
    func flush() throws -> Data { try run(Data(), Z_SYNC_FLUSH) }

    /// The rest of the stream with the gzip trailer; the deflater takes nothing after it.
    func finish() throws -> Data {
        guard !finished else { return Data() }
        finished = true
        return try run(Data(), Z_FINISH)
    }

    private func run(_ input: Data, _ mode: Int32) throws -> Data {
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = input
        try input.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
            stream.pointee.next_in = raw.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_in = uInt(raw.count)
            repeat {
                let code = chunk.withUnsafeMutableBufferPointer { out in
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = uInt(out.count)
                    return deflate(stream, mode)
                }
                guard code == Z_OK || code == Z_STREAM_END || code == Z_BUF_ERROR else { throw GzipError("deflate", code, stream) }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.pointee.avail_out))])
                if code == Z_STREAM_END { break }
            } while stream.pointee.avail_out == 0 || stream.pointee.avail_in > 0
            stream.pointee.next_in = nil
        }
        return output
    }
}

/// A gzip decompressor over the system's zlib, fed in chunks. A stream cut short (a recording
/// whose writer crashed) yields everything up to its last flush.
final class GzipInflater {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    /// True once the gzip trailer was read.
    private(set) var ended = false

    /// - Throws: `GzipError` when zlib cannot start.
    init() throws {
        stream.initialize(to: z_stream())
        let code = swarmtop_inflate_init_gzip(stream)
        guard code == Z_OK else {
            stream.deallocate()
            throw GzipError("inflateInit", code, nil)
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Decompresses the next chunk of the gzip file.
    /// - Returns: the bytes it holds (bytes after the end of the gzip stream are ignored).
    /// - Throws: `GzipError` for bytes that are not gzip, or a damaged stream.
    func decompress(_ bytes: Data) throws -> Data {
        guard !ended else { return Data() }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        var input = bytes
        try input.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
            stream.pointee.next_in = raw.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_in = uInt(raw.count)
            while stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0 {
                let code = chunk.withUnsafeMutableBufferPointer { out in
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = uInt(out.count)
                    return inflate(stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.pointee.avail_out))])
                if code == Z_STREAM_END {
                    ended = true
                    break
                }
                if code == Z_BUF_ERROR { break }
                guard code == Z_OK else { throw GzipError("inflate", code, stream) }
            }
            stream.pointee.next_in = nil
        }
        return output
    }
}
