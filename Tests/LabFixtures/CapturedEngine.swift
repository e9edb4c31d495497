import Foundation
import SwarmState

/// An engine that answers with what the lab answered (files of `Fixtures/v1.41`): what the
/// refresh engine reads in its policy tests instead of a live engine (`Connections`' `readers`).
/// A test changes its answers while it runs (another captured file, a captured failure),
/// feeds its event stream captured lines, closes the stream, or stops answering `/_ping`; it
/// counts what was asked.
public final class CapturedEngine: EngineReader, @unchecked Sendable {
    public let endpoint: DockerEndpoint
    public let timeout: TimeInterval
    private let lock = NSLock()
    private var answers: [String: Result<Data, DockerError>] = [:]
    private var delays: [String: TimeInterval] = [:]
    private var asked: [(path: String, at: Date)] = []
    private var sinces: [String?] = []
    private var events: AsyncThrowingStream<Data, any Error>.Continuation?
    private var pingFails = false

    /// - Parameters:
    ///   - endpoint: e.g. `unix:///run/swarmtop-lab/node2.sock`.
    ///   - answers: captured file (e.g. `refresh/tasks.json`) by path (`EnginePath`).
    public init(_ endpoint: String, answers: [String: String], timeout: TimeInterval = 1) throws {
        self.endpoint = try DockerEndpoint(parsing: endpoint)
        self.timeout = timeout
        for (path, file) in answers { try serve(path, file: file) }
    }

    /// Answers `path` with a captured file from now on.
    public func serve(_ path: String, file: String) throws {
        let body = try LabFixtures.data(file)
        lock.withLock { answers[path] = .success(body) }
    }

    /// Answers `path` with these bytes from now on.
    public func serve(_ path: String, body: Data) {
        lock.withLock { answers[path] = .success(body) }
    }

    /// Fails `path` from now on, as the engine failed it.
    public func fail(_ path: String, _ error: DockerError) {
        lock.withLock { answers[path] = .failure(error) }
    }

    /// Answers `path` only after `seconds` (an engine walking its writable layers).
    public func delay(_ path: String, _ seconds: TimeInterval) {
        lock.withLock { delays[path] = seconds }
    }

    /// Times `path` was asked.
    public func count(_ path: String) -> Int { lock.withLock { asked.filter { $0.path == path }.count } }

    /// When `path` was asked, in order.
    public func times(_ path: String) -> [Date] { lock.withLock { asked.filter { $0.path == path }.map(\.at) } }

    /// The `since=` of each event stream opened, in order (nil: none).
    public var eventStreamSinces: [String?] { lock.withLock { sinces } }

    /// True while an event stream is open.
    public var eventStreamOpen: Bool { lock.withLock { events != nil } }

    /// Sends event lines on the open stream (none open: they are lost, as on a real engine).
    public func emit(_ lines: [Data]) {
        let stream = lock.withLock { events }
        for line in lines { stream?.yield(line) }
    }

    /// Ends the open event stream, as an engine that closed it.
    public func closeEvents() {
        lock.withLock { events.take() }?.finish()
    }

    /// Makes `/_ping` fail (true) or answer (false).
    public func pingFails(_ fails: Bool) { lock.withLock { pingFails = fails } }

    public func read(_ path: String, timeout: TimeInterval?) async throws -> Data {
        let (answer, delay) = lock.withLock {
            asked.append((path, Date()))
            return (answers[path], delays[path])
        }
        if let delay { try await Task.sleep(nanoseconds: UInt64(delay * 1e9)) }
        if answer == nil, let filtered = try filtered(path) { return filtered }
        guard let answer else { throw DockerError.api(status: 404, message: "no captured answer for \(path)") }
        return try answer.get()
    }

    /// The answer to a list filtered by IDs (`EnginePath.tasks(services:)`, `services(ids:)`), as
    /// the engine filters: the items of the whole list's answer whose `ServiceID` (tasks) or `ID`
    /// (services) is among them; nil for any other path. As the engine does, a task filter
    /// naming a service its service list lacks is refused: 404 `service ID not found`.
    private func filtered(_ path: String) throws -> Data? {
        if let services = EnginePath.taskServices(path), let listed = lock.withLock({ answers[EnginePath.services] }) {
            let ids = Set((try JSONSerialization.jsonObject(with: try listed.get()) as? [[String: Any]] ?? []).compactMap { $0["ID"] as? String })
            if let gone = services.first(where: { !ids.contains($0) }) {
                throw DockerError.api(status: 404, message: "service \(gone) not found")
            }
        }
        let (whole, key, ids): (String, String, [String])
        if let services = EnginePath.taskServices(path) {
            (whole, key, ids) = (EnginePath.tasks, "ServiceID", services)
        } else if let services = EnginePath.serviceIDs(path) {
            (whole, key, ids) = (EnginePath.services, "ID", services)
        } else {
            return nil
        }
        guard let answer = lock.withLock({ answers[whole] }) else { return nil }
        let items = try JSONSerialization.jsonObject(with: try answer.get()) as? [[String: Any]] ?? []
        return try JSONSerialization.data(withJSONObject: items.filter { ($0[key] as? String).map(ids.contains) ?? false })
    }

    /// Times a path that `matches` was asked (e.g. every task list, filtered or whole).
    public func count(where matches: (String) -> Bool) -> Int { lock.withLock { asked.filter { matches($0.path) }.count } }

    /// When a path that `matches` was asked, in order.
    public func times(where matches: (String) -> Bool) -> [Date] { lock.withLock { asked.filter { matches($0.path) }.map(\.at) } }

    /// The paths asked, in order.
    public var paths: [String] { lock.withLock { asked.map(\.path) } }

    public func openEvents(filter: EventFilter, since: String?) async throws -> AsyncThrowingStream<Data, any Error> {
        let (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
        let (previous, token) = lock.withLock {
            sinces.append(since)
            defer { events = continuation }
            return (events, sinces.count)
        }
        previous?.finish()
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            lock.withLock { if sinces.count == token { events = nil } }  // the open one ended
        }
        return stream
    }

    public func ping() async throws {
        lock.withLock { asked.append((EnginePath.ping, Date())) }
        if lock.withLock({ pingFails }) { throw DockerError.transport(endpoint: endpoint.description, reason: "timed out") }
    }

    /// The version of the captured engine's `/_ping` (`Api-Version` in `ping-headers.txt`).
    public func apiVersion() async throws -> APIVersion {
        let headers = String(decoding: try LabFixtures.data("ping-headers.txt"), as: UTF8.self)
        let line = headers.split(whereSeparator: \.isNewline).first { $0.lowercased().hasPrefix("api-version:") }
        return try APIVersion.negotiate(server: line.map { String($0.dropFirst("api-version:".count)) })
    }

    /// The error of a captured failed answer (`error-*.json`: its status and the engine's body),
    /// as the client reports it.
    public static func error(_ file: String) throws -> DockerError {
        struct Captured: Decodable { var status: Int }
        let data = try LabFixtures.data(file)
        let status = try DockerJSON.decode(Captured.self, from: data, path: file).status
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let body = try JSONSerialization.data(withJSONObject: object?["body"] ?? [:])
        return .api(status: status, message: DockerClient.engineMessage(body))
    }

    /// The lines of the captured event stream (`events-sample.txt`) whose `Type` is `type`.
    public static func eventLines(type: String) throws -> [Data] {
        let text = String(decoding: try LabFixtures.data("events-sample.txt"), as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).filter { $0.contains("\"Type\":\"\(type)\"") }.map { Data($0.utf8) }
    }
}
