import Dashboard
import Foundation
import SwarmState

/// Runs the log streams of the log view (`Effect.followLogs`, `Effect.stopLogs`): reads each
/// through DockerAPI, posts its lines to the UI loop as `Action.logLines` in batches (at most
/// one every `batchInterval`, so a flood costs the UI a batch per frame, not an action per
/// line), and cancels its request on stop.
///
/// Each effect runs in a task of its own, so a stop may overtake the follow it stops: a stream
/// numbered at or below the highest one stopped never starts.
public actor LogStreams {
    /// The least time between two batches of one stream.
    static let batchInterval: Duration = .milliseconds(50)

    private let post: @Sendable (Action) -> Void
    private var running: [Int: Task<(String, isError: Bool), Never>] = [:]
    private var stoppedThrough = 0

    /// - Parameter post: hands an action to the UI loop (`UILoop.post`); called from any task.
    public init(post: @escaping @Sendable (Action) -> Void) {
        self.post = post
    }

    /// Follows stream `stream` of `source` on `client` until the engine ends it or it is stopped.
    /// - Returns: why it ended, for the view: `stopped`, the engine closing it, or the error.
    func follow(_ source: LogSource, stream: Int, client: DockerClient) async -> (String, isError: Bool) {
        guard stream > stoppedThrough else { return ("stopped", false) }
        let post = self.post
        let task = Task { await Self.pump(source, client: client) { post(.logLines(stream: stream, $0, skipped: $1)) } }
        running[stream] = task
        let outcome = await task.value
        running[stream] = nil
        return outcome
    }

    /// Stops stream `stream` and every older one: cancels their requests.
    func stop(through stream: Int) {
        stoppedThrough = max(stoppedThrough, stream)
        for (n, task) in running where n <= stream { task.cancel() }
    }

    /// Stops every stream and waits until each has ended (on exit: no request is left behind).
    public func stopAll() async {
        stoppedThrough = Int.max
        let tasks = Array(running.values)
        for task in tasks { task.cancel() }
        for task in tasks { _ = await task.value }
    }

    /// Opens the stream and forwards its lines until it ends.
    private static func pump(_ source: LogSource, client: DockerClient,
                             deliver: @escaping @Sendable ([LogLine], Int) -> Void) async -> (String, isError: Bool) {
        do {
            let lines = try await client.logs(source, tail: LogView.tail, follow: true)
            try await forward(lines, every: batchInterval, deliver: deliver)
            return Task.isCancelled ? ("stopped", false) : ("the engine closed the stream", false)
        } catch {
            if Task.isCancelled { return ("stopped", false) }
            return ((error as? DockerError)?.description ?? String(describing: error), true)
        }
    }

    /// Reads `lines` and hands them to `deliver`: a batch at once when the stream has been
    /// quiet, then at most one batch per `interval` while lines keep coming (the newest
    /// `LogView.capacity` lines of it, with the count of older ones dropped: the view would
    /// drop them anyway).
    /// - Parameter lines: the stream's batches of lines (a `LogStream`).
    static func forward<Lines: AsyncSequence & Sendable>(_ lines: Lines, every interval: Duration,
                                                         deliver: @escaping @Sendable ([LogLine], Int) -> Void) async throws
    where Lines.Element == [LogLine] {
        let pending = PendingLines(limit: LogView.capacity)
        defer {
            let (rest, skipped) = pending.take()
            if !rest.isEmpty { deliver(rest, skipped) }
        }
        let (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { signal.finish() }
                for try await batch in lines {
                    pending.append(batch)
                    signal.yield()
                }
            }
            group.addTask {
                for await _ in signals {
                    let (batch, skipped) = pending.take()
                    if !batch.isEmpty { deliver(batch, skipped) }
                    try? await Task.sleep(for: interval)
                }
            }
            try await group.waitForAll()
        }
    }
}

/// Lines read but not yet posted, shared by a stream's reader and its poster; the newest
/// `limit` only, and how many older ones were dropped.
private final class PendingLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [LogLine] = []
    private var skipped = 0
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    func append(_ batch: [LogLine]) {
        lock.withLock {
            lines += batch
            guard lines.count > limit else { return }
            skipped += lines.count - limit
            lines.removeFirst(lines.count - limit)
        }
    }

    /// The lines waiting and the count of those dropped before them; both reset.
    func take() -> ([LogLine], skipped: Int) {
        lock.withLock {
            defer { (lines, skipped) = ([], 0) }
            return (lines, skipped)
        }
    }
}
