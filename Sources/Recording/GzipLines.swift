import Foundation

/// The lines of a gzip file, read a chunk at a time (memory: a chunk and the current line).
/// A file cut short (its writer crashed) ends at its last complete line.
final class GzipLines {
    private let file: FileHandle
    private let path: String
    private let inflater: GzipInflater
    private var pending = Data()
    /// Where the unread part of `pending` starts.
    private var offset = 0
    private var atEnd = false
    /// The number of the last line read, from 1.
    private(set) var number = 0

    /// - Throws: `RecordingError` when the file cannot be opened, `GzipError` when zlib cannot start.
    init(path: String) throws {
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw RecordingError("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        self.file = file
        self.path = path
        inflater = try GzipInflater()
    }

    deinit {
        try? file.close()
    }

    /// Where the next newline of `pending` after `offset` is (memchr: lines are long).
    private func newlineIndex() -> Int? {
        pending.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, offset < raw.count,
                  let found = memchr(base + offset, 0x0A, raw.count - offset) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    /// The next complete line, without its newline; nil at the end.
    /// - Throws: `RecordingError` naming the file when it cannot be read or is not gzip.
    func next() throws -> Data? {
        while true {
            if let newline = newlineIndex() {
                let line = Data(pending[offset..<newline])
                offset = newline + 1
                number += 1
                return line
            }
            pending = Data(pending[offset...])
            offset = 0
            if atEnd { return nil }  // A last line without its newline was cut by a crash: dropped.
            let chunk: Data
            do {
                chunk = try file.read(upToCount: 64 * 1024) ?? Data()
            } catch {
                throw RecordingError("\(path): cannot read: \(error.localizedDescription)")
            }
            if chunk.isEmpty {
                atEnd = true
                continue
            }
            do {
                pending.append(try inflater.decompress(chunk))
            } catch {
                throw RecordingError("\(path): not a swarmtop recording, or damaged (\(error))")
            }
            if inflater.ended { atEnd = true }
        }
    }
}
