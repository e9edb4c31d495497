import Foundation
import SwarmState

/// Turns observations into a recording's lines (pure: no file, no clock): each answer whole,
/// `same`, or as a delta against the engine's previous answer to the path.
public struct ObservationEncoder {
    /// The header's start: line times count from it.
    public let start: Date
    private var bases = DeltaBases()
    private let encoder = RecordingLine.encoder

    /// - Parameter start: the header's `start`.
    public init(start: Date) {
        self.start = start
    }

    /// The line of `observation`, with its newline.
    /// - Throws: `EncodingError` (not expected: every field is a string or number).
    public mutating func encode(_ observation: EngineObservation) throws -> Data {
        try encoder.encode(line(observation)) + Data("\n".utf8)
    }

    mutating func line(_ observation: EngineObservation) -> RecordingLine {
        let node: String? = if case .node(let hostname) = observation.engine { hostname } else { nil }
        // The difference of two close times is exact (Sterbenz), and so is start + t again.
        let t = observation.at.timeIntervalSince(start)
        var line = RecordingLine(t: t, node: node, kind: .answer)
        switch observation.content {
        case .answer(let path, let body, let took):
            line.path = path
            line.took = took
            answer(body, key: .init(engine: observation.engine, path: path), into: &line)
        case .failure(let path, let error):
            line.kind = .failure
            line.path = path
            line.text = error
        case .event(let body):
            line.kind = .event
            Self.setBody(body, into: &line)
        case .engines(let engines):
            line.kind = .engines
            line.engines = engines.map { .init(hostname: $0.hostname, endpoint: $0.endpoint, origin: $0.origin, problem: $0.problem) }
        case .apiVersion(let version):
            line.kind = .apiVersion
            line.text = version
        case .unreachable(let reason):
            line.kind = .unreachable
            line.text = reason
        case .sizeInterval(let seconds):
            line.kind = .sizeInterval
            line.seconds = seconds
        case .roundEnd:
            line.kind = .roundEnd
        case .managerChanged(let endpoint, let reason):
            line.kind = .managerChanged
            line.endpoint = endpoint
            line.text = reason
        }
        return line
    }

    /// Fills in an answer's body: `same`, a delta, or whole; and makes it the new base.
    private mutating func answer(_ body: Data, key: DeltaBases.Key, into line: inout RecordingLine) {
        let base = bases[key]
        if let base, base.body == body {
            line.kind = .same
            bases.set(key, body: body, layout: base.layout)
            return
        }
        let layout = JSONArrayLayout(body)
        bases.set(key, body: body, layout: layout)
        if let old = base?.layout, let new = layout, Self.delta(from: old, to: new, into: &line, size: body.count) { return }
        Self.setBody(body, into: &line)
    }

    /// Writes `new` as a delta against `old` when that is smaller than half the body.
    /// - Returns: false (and `line` untouched) when the body is better written whole.
    static func delta(from old: JSONArrayLayout, to new: JSONArrayLayout, into line: inout RecordingLine, size: Int) -> Bool {
        // Bytes are compared, not strings (Swift's string equality is canonical equivalence).
        guard let newText = new.texts else { return false }
        let oldByID = Dictionary(uniqueKeysWithValues: old.elements.map { ($0.id, $0.bytes) })
        let newIDs = Set(new.elements.map(\.id))
        var changed: [[String]] = []
        var changedBytes = 0
        for (element, text) in zip(new.elements, newText) where oldByID[element.id] != element.bytes {
            changed.append([element.id, text])
            changedBytes += element.bytes.count
        }
        guard changedBytes * 2 < size else { return false }
        let removed = old.elements.map(\.id).filter { !newIDs.contains($0) }
        line.kind = .delta
        line.changed = changed
        line.removed = removed
        let order = new.elements.map(\.id)
        if order != impliedOrder(old: old.elements.map(\.id), removed: removed, changed: changed) { line.order = order }
        if old.head != new.head { line.head = String(decoding: new.head, as: UTF8.self) }
        if old.tail != new.tail { line.tail = String(decoding: new.tail, as: UTF8.self) }
        return true
    }

    /// The order a delta has without an `order`: the old one without `removed`, then the IDs
    /// that are new, in `changed` order.
    static func impliedOrder(old: [String], removed: [String], changed: [[String]]) -> [String] {
        let gone = Set(removed)
        let kept = old.filter { !gone.contains($0) }
        let known = Set(kept)
        return kept + changed.map { $0[0] }.filter { !known.contains($0) }
    }

    static func setBody(_ body: Data, into line: inout RecordingLine) {
        if let text = String(validatingUTF8Data: body) { line.body = text } else { line.base64 = body.base64EncodedString() }
    }
}

extension String {
    /// The text of `data` when it is valid UTF-8 (so that it round-trips byte for byte).
    init?(validatingUTF8Data data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        guard Data(text.utf8) == data else { return nil }
        self = text
    }
}

extension JSONArrayLayout {
    /// Every element and the head and tail as text, nil when one is not UTF-8 (the body is then written whole).
    var texts: [String]? {
        guard String(validatingUTF8Data: head) != nil, String(validatingUTF8Data: tail) != nil else { return nil }
        var texts: [String] = []
        for element in elements {
            guard let text = String(validatingUTF8Data: element.bytes) else { return nil }
            texts.append(text)
        }
        return texts
    }
}
