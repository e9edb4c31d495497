import Foundation
import SwarmState

/// Turns a recording's lines back into observations (pure: no file), each answer's body byte
/// for byte as the engine sent it, deltas applied to the bases the encoder used.
public struct ObservationDecoder {
    /// The header's start: line times count from it.
    public let start: Date
    private var bases = DeltaBases()
    private let decoder = RecordingLine.decoder

    /// - Parameter start: the header's `start`.
    public init(start: Date) {
        self.start = start
    }

    /// The observation of one line (without its newline).
    /// - Throws: `RecordingError` for a line that is not JSON, a kind this version does not
    ///   know, a missing field, or a delta without its previous answer.
    public mutating func decode(_ bytes: Data) throws -> EngineObservation {
        let line: RecordingLine
        do {
            line = try decoder.decode(RecordingLine.self, from: bytes)
        } catch {
            throw RecordingError("not a recording line: \(error)")
        }
        return try observation(line)
    }

    mutating func observation(_ line: RecordingLine) throws -> EngineObservation {
        let engine: EngineObservation.Engine = line.node.map { .node(hostname: $0) } ?? .manager
        let at = start.addingTimeInterval(line.t)
        let content: EngineObservation.Content
        switch line.kind {
        case .answer, .same, .delta:
            let path = try Self.required(line.path, "path", line.kind)
            let key = DeltaBases.Key(engine: engine, path: path)
            let body = try answerBody(line, base: bases[key])
            bases.set(key, body: body.bytes, layout: body.layout)
            content = .answer(path: path, body: body.bytes, took: line.took)
        case .failure:
            content = .failure(path: try Self.required(line.path, "path", line.kind), error: try Self.required(line.text, "text", line.kind))
        case .event:
            content = .event(try Self.body(line))
        case .engines:
            content = .engines(try Self.required(line.engines, "engines", line.kind).map {
                .init(hostname: $0.hostname, endpoint: $0.endpoint, origin: $0.origin, problem: $0.problem)
            })
        case .apiVersion:
            content = .apiVersion(try Self.required(line.text, "text", line.kind))
        case .unreachable:
            content = .unreachable(try Self.required(line.text, "text", line.kind))
        case .sizeInterval:
            content = .sizeInterval(try Self.required(line.seconds, "seconds", line.kind))
        case .roundEnd:
            content = .roundEnd
        case .managerChanged:
            content = .managerChanged(endpoint: try Self.required(line.endpoint, "endpoint", line.kind),
                                      reason: try Self.required(line.text, "text", line.kind))
        }
        return EngineObservation(engine, content, at: at)
    }

    /// An answer's bytes (and their layout when known): whole, the base's, or the base's with the delta applied.
    private func answerBody(_ line: RecordingLine, base: DeltaBases.Base?) throws -> (bytes: Data, layout: JSONArrayLayout?) {
        switch line.kind {
        case .same:
            guard let base else { throw RecordingError("a same answer to \(line.path ?? "") without a previous answer") }
            return (base.body, base.layout)
        case .delta:
            guard let old = base?.layout else { throw RecordingError("a delta of \(line.path ?? "") without a previous array answer") }
            let layout = try Self.apply(line, to: old)
            return (layout.bytes, layout)
        default:
            let body = try Self.body(line)
            return (body, JSONArrayLayout(body))
        }
    }

    /// `old` with the delta's objects changed and removed, in the delta's order.
    static func apply(_ line: RecordingLine, to old: JSONArrayLayout) throws -> JSONArrayLayout {
        let changed = line.changed ?? []
        guard changed.allSatisfy({ $0.count == 2 }) else { throw RecordingError("a delta's changed entry is not [ID, object]") }
        var byID = Dictionary(old.elements.map { ($0.id, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        for entry in changed { byID[entry[0]] = Data(entry[1].utf8) }
        let order = line.order ?? ObservationEncoder.impliedOrder(old: old.elements.map(\.id), removed: line.removed ?? [], changed: changed)
        let elements = try order.map { id in
            guard let bytes = byID[id] else { throw RecordingError("a delta orders \(id), which it does not have") }
            return (id: id, bytes: bytes)
        }
        return JSONArrayLayout(head: line.head.map { Data($0.utf8) } ?? old.head, elements: elements,
                               tail: line.tail.map { Data($0.utf8) } ?? old.tail)
    }

    private static func body(_ line: RecordingLine) throws -> Data {
        if let text = line.body { return Data(text.utf8) }
        if let encoded = line.base64, let data = Data(base64Encoded: encoded) { return data }
        throw RecordingError("a \(line.kind.rawValue) line without its body")
    }

    private static func required<T>(_ value: T?, _ field: String, _ kind: RecordingLine.Kind) throws -> T {
        guard let value else { throw RecordingError("a \(kind.rawValue) line without \(field)") }
        return value
    }
}
