import Foundation

/// One line of a log, as the engine sends it with `timestamps=1` (and `details=1` for a service
/// or a task): `docker logs -t` and `docker service logs -t` read the same lines.
public struct LogLine: Sendable, Hashable {
    /// Where the container wrote the line: the stream type byte of the frame header
    /// (0 stdin, 1 stdout, 2 stderr).
    public enum Stream: UInt8, Sendable, Hashable {
        case stdin = 0, stdout = 1, stderr = 2
    }

    /// Where the container wrote it (always `stdout` for a container with a TTY).
    public var stream: Stream
    /// When the engine received it, RFC 3339 with nanoseconds as the engine writes it, e.g.
    /// `2026-11-29T14:19:03.948256850Z`; empty when the line had none.
    public var timestamp: String
    /// The `details=1` attributes, URL-query-escaped `key=value` pairs joined by `,` (for a
    /// swarm task: `com.docker.swarm.node.id=…,com.docker.swarm.service.id=…,com.docker.swarm.task.id=…`);
    /// empty when not asked for.
    public var details: String
    /// The text, without its newline (and without the `\r` a TTY adds). It may hold control
    /// characters and escape sequences: show it through an escaping function, never raw.
    public var message: String
    /// Bytes of the message dropped past `LogLineAssembler.maxLineBytes`.
    public var cutBytes: Int

    /// A line.
    public init(stream: Stream = .stdout, timestamp: String = "", details: String = "", message: String, cutBytes: Int = 0) {
        self.stream = stream
        self.timestamp = timestamp
        self.details = details
        self.message = message
        self.cutBytes = cutBytes
    }

    /// The swarm IDs the manager adds to a service's or task's log lines, nil when `details`
    /// lacks any of them (a container's own log).
    public var swarmContext: SwarmLogContext? {
        let pairs = Self.detailPairs(details)
        guard let node = pairs["com.docker.swarm.node.id"], let service = pairs["com.docker.swarm.service.id"],
              let task = pairs["com.docker.swarm.task.id"] else { return nil }
        return SwarmLogContext(nodeID: node, serviceID: service, taskID: task)
    }

    /// The pairs of a `details` string, unescaped as the docker CLI does (`k=v,l=w`, each side
    /// URL-query-escaped); a pair without `=` is skipped.
    public static func detailPairs(_ details: String) -> [String: String] {
        var pairs: [String: String] = [:]
        for pair in details.split(separator: ",") {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else { continue }
            pairs[unescape(pair[..<eq])] = unescape(pair[pair.index(after: eq)...])
        }
        return pairs
    }

    /// Go's `url.QueryUnescape`: `+` is a space, `%XX` a byte.
    private static func unescape(_ s: Substring) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

/// Which task of which service on which node wrote a line of a service's or task's log.
public struct SwarmLogContext: Sendable, Hashable {
    /// `com.docker.swarm.node.id`: the node the task runs on.
    public var nodeID: String
    /// `com.docker.swarm.service.id`.
    public var serviceID: String
    /// `com.docker.swarm.task.id`: the full task ID (the CLI shows its first 12 characters).
    public var taskID: String
}
