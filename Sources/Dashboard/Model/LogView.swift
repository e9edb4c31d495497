import SwarmState

/// The log view's state: the last `capacity` lines of one log stream, at most `maxBytes` of
/// them, where the view is (following the end, or paused at a line), the search, and how lines
/// are shown.
///
/// Lines are numbered from the start of the stream (a line's *number* stays the same when older
/// lines are dropped), so positions and the current match survive the buffer's trimming.
public struct LogView: Sendable {
    /// The most lines kept; older ones are dropped as new ones come.
    public static let capacity = 5_000
    /// Lines asked from the end of the log when the view opens (per task, for a service).
    public static let tail = 1_000
    /// The longest message shown, in bytes (a longer one ends in a `[+N bytes]` mark).
    public static let maxLineBytes = 10_000
    /// The most bytes the lines kept may take: 8 MiB (8,388,608 bytes) of UTF-8 (timestamp,
    /// prefix and escaped message) plus `lineOverhead` a line; older lines are dropped beyond it.
    /// A message of 10,000 control bytes escapes to 40,000 (`\x01`), so 5,000 such lines would
    /// take 200 MB: about 200 of them are kept.
    public static let maxBytes = 8 << 20
    /// Bytes counted for each line besides its text (its strings' headers and the flag).
    static let lineOverhead = 64

    /// This stream's number: batches and endings of a stream closed since are ignored.
    public let stream: Int
    /// What the log is of.
    public let target: LogTarget
    /// Digits of the service's replica count: the docker CLI pads a task's prefix to it.
    let slotDigits: Int
    /// The lines kept, oldest first.
    public private(set) var lines: [LogViewLine] = []
    /// Lines dropped off the start: the number of `lines[0]`.
    public private(set) var dropped = 0
    /// What the lines kept take, in bytes, as `maxBytes` counts them.
    public private(set) var bytes = 0
    /// The number of the top line shown while paused; nil while following the end.
    public internal(set) var top: Int?
    /// Lines that came since the view was paused.
    public internal(set) var newWhilePaused = 0
    /// True when each line starts with the engine's timestamp (`t`).
    public internal(set) var showsTimestamps = false
    /// True when long lines continue on the next rows instead of being cut (`w`).
    public internal(set) var wraps = false
    /// The text searched for, and where.
    public internal(set) var search = LogSearch()
    /// Why the stream ended (the engine closed it, or an error), nil while it runs.
    public internal(set) var end: StatusMessage?
    /// The `service.slot.task@node` prefix of each `details` string seen, resolved once.
    private var prefixes: [String: String] = [:]

    /// A view of `target` waiting for its first lines.
    /// - Parameters:
    ///   - stream: the stream's number (one more than the last one opened).
    ///   - target: what the log is of.
    ///   - slotDigits: digits of the service's replica count (1 for a task, a container or a global service).
    public init(stream: Int, target: LogTarget, slotDigits: Int = 1) {
        self.stream = stream
        self.target = target
        self.slotDigits = slotDigits
    }

    /// Lines received so far: one past the number of the newest line.
    public var total: Int { dropped + lines.count }

    /// True while new lines scroll the view.
    public var isFollowing: Bool { top == nil }

    /// The line numbered `number`, if it is still kept.
    public func line(_ number: Int) -> LogViewLine? {
        let i = number - dropped
        return lines.indices.contains(i) ? lines[i] : nil
    }

    /// Appends lines from the engine, naming each service task as the docker CLI does, then
    /// drops the oldest lines beyond `capacity` lines or `maxBytes` bytes (the newest line is
    /// always kept). `skipped` lines came before `batch` but were dropped on the way (only when a
    /// whole `capacity` of lines came at once): they are counted.
    mutating func append(_ batch: [LogLine], skipped: Int = 0, snapshot: ClusterSnapshot?) {
        if !isFollowing { newWhilePaused += skipped + batch.count }
        let kept = batch.suffix(Self.capacity)
        // Lines lost between the kept ones and the old ones: the old ones go, numbering stays whole.
        if skipped > 0 || kept.count < batch.count { dropFirst(lines.count) }
        dropped += skipped + batch.count - kept.count
        for line in kept {
            let shown = LogViewLine(timestamp: line.timestamp, prefix: prefix(line, snapshot: snapshot),
                                    text: Self.text(line), isStderr: line.stream == .stderr)
            bytes += shown.cost
            lines.append(shown)
        }
        var over = 0, excess = bytes
        while over < lines.count - 1, lines.count - over > Self.capacity || excess > Self.maxBytes {
            excess -= lines[over].cost
            over += 1
        }
        dropFirst(over)
        if let t = top, t < dropped { top = dropped }
        if let m = search.match, m < dropped { search.match = nil }
    }

    /// Drops the `count` oldest lines kept.
    private mutating func dropFirst(_ count: Int) {
        bytes -= lines[..<count].reduce(0) { $0 + $1.cost }
        lines.removeFirst(count)
        dropped += count
    }

    /// The message escaped for the screen, with a mark when bytes were cut.
    private static func text(_ line: LogLine) -> String {
        let text = DisplayText.escaped(line.message)
        return line.cutBytes > 0 ? text + "…[+\(line.cutBytes) bytes]" : text
    }

    /// `service.slot.task@node    | ` for a line of a service or task (`docker service logs`),
    /// empty for a container's own line. Names come from the snapshot; a task it does not hold
    /// yet shows `?` for its slot and is looked up again on its next line.
    private mutating func prefix(_ line: LogLine, snapshot: ClusterSnapshot?) -> String {
        guard !line.details.isEmpty else { return "" }
        if let known = prefixes[line.details] { return known }
        guard let context = line.swarmContext else { return "" }
        let service = snapshot?.service(id: context.serviceID)?.name ?? context.serviceID
        let node = snapshot?.node(id: context.nodeID)?.hostname ?? context.nodeID
        let task = snapshot?.tasks.first { $0.id == context.taskID }
        let slot = task.map { String($0.slot ?? 0) } ?? "?"
        let padding = String(repeating: " ", count: max(0, slotDigits - slot.count))
        let prefix = "\(service).\(slot).\(context.taskID.prefix(12))@\(node)\(padding)    | "
        if task != nil { prefixes[line.details] = prefix }
        return prefix
    }
}

/// One line as the log view shows it.
public struct LogViewLine: Sendable, Hashable {
    /// The engine's RFC 3339 timestamp, shown with `t`.
    public var timestamp: String
    /// `service.slot.task@node    | ` for a service's or task's line, else empty.
    public var prefix: String
    /// The message, control characters already escaped.
    public var text: String
    /// True for a line the container wrote to stderr.
    public var isStderr: Bool

    /// Bytes the line takes as `LogView.maxBytes` counts them.
    var cost: Int { timestamp.utf8.count + prefix.utf8.count + text.utf8.count + LogView.lineOverhead }

    /// The line as shown: the timestamp (when asked), the prefix, the message.
    public func shown(timestamps: Bool) -> String {
        timestamps && !timestamp.isEmpty ? timestamp + " " + prefix + text : prefix + text
    }
}

/// The log view's search (`/`): the text typed, the query in force, the current match.
public struct LogSearch: Sendable, Hashable {
    /// What is being typed after `/`; nil when not typing.
    public var typing: String?
    /// The text searched for (case-insensitive); empty for none.
    public var query = ""
    /// The number of the line of the current match.
    public var match: Int?
}
