import Dashboard
import Foundation

/// The action log: every action performed on the swarm, appended as one JSON line
/// (`{"time":…,"endpoint":…,"action":…,"target":…,"result":"ok"|"error"|"interrupted","message":…}`)
/// to a file in the XDG state directory, so that what an operator did can be read back later.
/// At `maxBytes` the file becomes `<path>.1` (replacing the previous old file) and a new one starts.
public struct ActionLog: Sendable {
    /// The file appended to.
    public let path: String
    /// The largest size of the file in bytes (a line that would pass it starts a new file).
    public let maxBytes: Int

    /// How an action ended, as the log's `result` says it.
    public enum Result: String, Sendable {
        /// The engine answered that it was done.
        case ok
        /// The engine (or the transport) answered with an error.
        case error
        /// swarmtop quit before the engine answered: it may or may not have happened.
        case interrupted
    }

    /// - Parameters:
    ///   - path: the file to append to (usually `defaultPath`).
    ///   - maxBytes: the size cap in bytes, 1 MB unless told (about 5,000 actions).
    public init(path: String, maxBytes: Int = 1_000_000) {
        self.path = path
        self.maxBytes = maxBytes
    }

    /// `$XDG_STATE_HOME/swarmtop/actions.jsonl`, else `$HOME/.local/state/swarmtop/actions.jsonl`
    /// (the XDG Base Directory default).
    public static func defaultPath(_ environment: [String: String]) -> String {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        return state + "/swarmtop/actions.jsonl"
    }

    /// One line of the log.
    struct Entry: Encodable {
        var time: String
        var endpoint: String
        var action: String
        var target: String
        var result: String
        var message: String
    }

    /// Appends one line for `effect` and its outcome, creating the directory (mode 700) and the
    /// file (mode 600) when needed, and rotating the file first when the line would pass
    /// `maxBytes`. The line is written with a single `write(2)` in append mode under an
    /// exclusive `flock`, so that concurrent actions (and other swarmtop processes) neither
    /// interleave nor rotate twice.
    /// - Returns: why the line could not be written, nil when it was.
    public func append(effect: Effect, endpoint: String, message: String, result: Result, at time: Date) -> String? {
        let entry = Entry(time: time.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)),
                          endpoint: endpoint, action: effect.action, target: effect.target,
                          result: result.rawValue, message: message)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? JSONText.encode(entry, with: encoder) else { return "cannot encode the entry" }
        line.append(UInt8(ascii: "\n"))
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return "cannot create \(directory): \(error.localizedDescription)"
        }
        guard let fd = openLocked(rotatingBefore: line.count) else {
            return "cannot open \(path): \(String(cString: strerror(errno)))"
        }
        defer { close(fd) }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return written == line.count ? nil : "cannot write \(path): \(String(cString: strerror(errno)))"
    }

    /// Opens the log for appending with an exclusive lock held (released by `close`), having
    /// moved it to `<path>.1` first when `adding` more bytes would pass `maxBytes`. A file
    /// system without locks still gets single appends; a log rotated by another process between
    /// open and lock is opened again (three tries, then appended to without rotating).
    /// - Returns: the descriptor, or nil with `errno` set.
    private func openLocked(rotatingBefore adding: Int) -> Int32? {
        let flags = O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC
        for _ in 0..<3 {
            let fd = open(path, flags, 0o600)
            guard fd >= 0 else { return nil }
            _ = flock(fd, LOCK_EX)
            var opened = stat(), current = stat()
            guard fstat(fd, &opened) == 0, stat(path, &current) == 0, opened.st_ino == current.st_ino,
                  opened.st_dev == current.st_dev else {
                close(fd)
                continue
            }
            guard opened.st_size > 0, Int(opened.st_size) + adding > maxBytes else { return fd }
            let moved = rename(path, path + ".1")
            let renameError = errno
            close(fd)
            guard moved == 0 else {
                errno = renameError
                return nil
            }
        }
        let fd = open(path, flags, 0o600)
        return fd >= 0 ? fd : nil
    }
}
