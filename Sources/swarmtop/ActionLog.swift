import Dashboard
import Foundation

/// The action log: every action performed on the swarm, appended as one JSON line
/// (`{"time":…,"endpoint":…,"action":…,"target":…,"result":"ok"|"error","message":…}`) to a
/// file in the XDG state directory, so that what an operator did can be read back later.
struct ActionLog: Sendable {
    /// The file appended to.
    let path: String

    /// `$XDG_STATE_HOME/swarmtop/actions.jsonl`, else `$HOME/.local/state/swarmtop/actions.jsonl`
    /// (the XDG Base Directory default).
    static func defaultPath(_ environment: [String: String]) -> String {
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
    /// file (mode 600) when needed. The line is written with a single `write(2)` in append mode,
    /// so that concurrent actions do not interleave.
    /// - Returns: why the line could not be written, nil when it was.
    func append(effect: Effect, endpoint: String, message: String, isError: Bool, at time: Date) -> String? {
        let entry = Entry(time: time.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)),
                          endpoint: endpoint, action: effect.action, target: effect.target,
                          result: isError ? "error" : "ok", message: message)
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
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return "cannot open \(path): \(String(cString: strerror(errno)))" }
        defer { close(fd) }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return written == line.count ? nil : "cannot write \(path): \(String(cString: strerror(errno)))"
    }
}
