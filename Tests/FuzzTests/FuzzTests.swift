import FuzzTargets
import Foundation
import XCTest

/// The fuzz targets in plain `swift test`: the committed corpus (every seed, and every input
/// libFuzzer once crashed on) replayed, and a deterministic pass of the hostile mutations of
/// the engine-json seeds. libFuzzer's longer runs are `scripts/fuzz`.
final class FuzzTests: XCTestCase {
    func testCorpusReplaysWithoutATrap() throws {
        for target in FuzzTarget.allCases {
            let inputs = try corpus(target)
            XCTAssertFalse(inputs.isEmpty, "no corpus in \(target.corpus.path)")
            for input in inputs { target.run(input) }
        }
    }

    /// Truncation, huge numbers, deep nesting, NULs, duplicate keys and wrong types, each at
    /// seeded places of every engine-json seed: a decode error or a frame, never a trap.
    func testHostileMutationsOfTheLabAnswers() throws {
        var random = SplitMix64(seed: 10)
        for seed in try corpus(.engineJSON) where seed.count > 2 {
            for mutation in Mutation.allCases {
                for _ in 0..<3 { FuzzTarget.engineJSON.run(mutation.apply(to: seed, &random)) }
            }
        }
    }

    /// Seeded random key sequences and sizes (down to 0x0) over the lab snapshot.
    func testRandomKeysAndSizes() {
        var random = SplitMix64(seed: 10)
        for _ in 0..<30 {
            FuzzTarget.dashboard.run((0..<200).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        }
    }

    private func corpus(_ target: FuzzTarget) throws -> [[UInt8]] {
        let files = try FileManager.default.contentsOfDirectory(at: target.corpus, includingPropertiesForKeys: nil)
        return try files.sorted { $0.path < $1.path }.map { [UInt8](try Data(contentsOf: $0)) }
    }
}

/// The hostile edits of an engine-json input (a type byte, then JSON), at places `random` picks.
enum Mutation: CaseIterable {
    case truncate, hugeNumber, deepNesting, nul, duplicateKey, wrongType

    func apply(to input: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let at = 1 + Int(random.next() % UInt64(bytes.count - 1))
        switch self {
        case .truncate:
            bytes.removeSubrange(at...)
        case .hugeNumber:
            let numbers = ["1e999", "-1e999", "18446744073709551616", "-9223372036854775809", "1" + String(repeating: "0", count: 400)]
            replaceValue(in: &bytes, from: at, with: numbers[Int(random.next() % 5)])
        case .deepNesting:
            bytes.insert(contentsOf: Array(String(repeating: "[", count: 5_000).utf8), at: at)
        case .nul:
            bytes.insert(0, at: at)
        case .duplicateKey:
            if let brace = bytes[at...].firstIndex(of: UInt8(ascii: "{")) {
                bytes.insert(contentsOf: Array(#""ID":1,"ID":"x","Spec":null,"#.utf8), at: brace + 1)
            }
        case .wrongType:
            let values = ["null", "true", "[]", "{}", "\"\"", "-1", "0.5"]
            replaceValue(in: &bytes, from: at, with: values[Int(random.next() % 7)])
        }
        return bytes
    }

    /// Replaces the value after the first `:` from `at` up to the next `,` or `}`.
    private func replaceValue(in bytes: inout [UInt8], from at: Int, with value: String) {
        guard let colon = bytes[at...].firstIndex(of: UInt8(ascii: ":")) else { return }
        let end = bytes[(colon + 1)...].firstIndex { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") } ?? bytes.count
        bytes.replaceSubrange((colon + 1)..<end, with: Array(value.utf8))
    }
}

/// A small seeded generator (SplitMix64): the same inputs on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
