import Foundation

/// The fuzz targets: each takes any bytes and must return without a crash, a hang or unbounded
/// memory. libFuzzer drives them in `Fuzz/` (scripts/fuzz); `FuzzTests` replays the committed
/// corpus (`Fuzz/Corpus/<name>/`) and a seeded pass through them in plain `swift test`.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Engine JSON bodies through the decoder, into a snapshot, a reduce and a frame (`EngineJSONTarget`).
    case engineJSON = "engine-json"
    /// Log stream bytes through the frame decoder and the line assembler (`LogFramesTarget`).
    case logFrames = "log-frames"
    /// Keys, mouse events and terminal sizes through the reducer and the renderer (`DashboardTarget`).
    case dashboard

    /// Runs the target on one input; traps (a failed `precondition`) when an invariant breaks.
    public func run(_ input: [UInt8]) {
        switch self {
        case .engineJSON: EngineJSONTarget.run(input)
        case .logFrames: LogFramesTarget.run(input)
        case .dashboard: DashboardTarget.run(input)
        }
    }

    /// The committed corpus of this target: `Fuzz/Corpus/<rawValue>/` in the repository.
    public var corpus: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus/\(rawValue)")
    }
}
