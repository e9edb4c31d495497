import Foundation
import SwarmState

/// One line of a recording after the header, as JSON: one `EngineObservation`, its answer body
/// written whole, as `same` as the engine's previous answer to the path, or as a delta
/// against it. The field names are documented in docs/RECORDING.md.
struct RecordingLine: Codable, Equatable {
    /// What the line holds.
    enum Kind: String, Codable {
        /// An answer written whole (`body`, or `base64` when it is not UTF-8).
        case answer
        /// An answer identical to the previous answer of the engine to `path`.
        case same
        /// An answer to `path` as its previous one with objects changed, removed, reordered.
        case delta
        case failure, event, engines, apiVersion, unreachable, sizeInterval, roundEnd
        /// The manager endpoint swarmtop moved to (`endpoint`), and why (`text`).
        case managerChanged
    }

    /// Seconds since the header's `start`, as exactly as the observation's time (a reader adds
    /// them to `start` and gets that time back, bit for bit).
    var t: Double
    /// The node engine's hostname; absent for the manager.
    var node: String?
    var kind: Kind
    /// The path asked (answer, same, delta, failure).
    var path: String?
    /// An answer's body, or an event, as text.
    var body: String?
    /// A body that is not UTF-8, in base64.
    var base64: String?
    /// Seconds a size query took.
    var took: Double?
    /// A failure's error, an unreachable engine's reason, an API version.
    var text: String?
    /// A delta's objects added or changed: `[ID, the object's bytes as text]`.
    var changed: [[String]]?
    /// A delta's IDs no longer in the array.
    var removed: [String]?
    /// A delta's order of IDs, when not the previous order without `removed` and with the new
    /// objects after it (in `changed` order).
    var order: [String]?
    /// A delta's bytes up to `[` and from `]`, when they differ from the previous answer's.
    var head: String?
    var tail: String?
    /// The node engines followed.
    var engines: [PlannedEngineLine]?
    /// The size interval, in seconds.
    var seconds: Double?
    /// The manager endpoint moved to (`managerChanged`).
    var endpoint: String?

    init(t: Double, node: String?, kind: Kind) {
        self.t = t
        self.node = node
        self.kind = kind
    }

    /// `EngineObservation.PlannedEngine` as written.
    struct PlannedEngineLine: Codable, Equatable {
        var hostname: String
        var endpoint: String
        var origin: String?
        var problem: String?
    }

    /// Compact JSON, slashes as they are, dates as ISO 8601 with milliseconds.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]  // the same observations, the same bytes
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(Self.dateFormat))
        }
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = try? Self.dateFormat.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time: \(text)"))
            }
            return date
        }
        return decoder
    }

    private static let dateFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
