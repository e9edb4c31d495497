import Dashboard
import DockerAPI
import Foundation

/// Log stream bytes through `LogStreamDecoder` and `LogLineAssembler`, and the lines into the
/// log view of a frame.
///
/// Input: a flags byte (bits 0-1: framing auto, multiplexed or raw; bit 2: `details=1`), a byte
/// for the longest payload kept (1…256 bytes, 0 for the default 1 MiB), a byte for the chunk
/// size (1…256), then the body. Invariants: the frames do not depend on where the chunks break,
/// and no payload is longer than the decoder keeps.
enum LogFramesTarget {
    static func run(_ input: [UInt8]) {
        guard input.count >= 3 else { return }
        let framing: LogStreamDecoder.Framing? = [nil, .multiplexed, .raw, nil][Int(input[0] & 3)]
        let maxPayload = input[1] == 0 ? 1 << 20 : Int(input[1])
        let chunkSize = Int(input[2]) + 1
        let body = Array(input.dropFirst(3))

        var whole = LogStreamDecoder(framing: framing, maxPayload: maxPayload)
        let expected = whole.feed(body) + whole.finish()
        var chunked = LogStreamDecoder(framing: framing, maxPayload: maxPayload)
        var frames: [LogFrame] = []
        for start in stride(from: 0, to: body.count, by: chunkSize) {
            frames += chunked.feed(body[start..<min(start + chunkSize, body.count)])
        }
        frames += chunked.finish()
        precondition(frames == expected, "frames depend on the chunk boundaries")
        precondition(frames.allSatisfy { $0.payload.count <= maxPayload }, "a payload longer than maxPayload")

        var assembler = LogLineAssembler(details: input[0] & 4 != 0, maxLineBytes: 64)
        let lines = frames.compactMap { assembler.add($0) } + assembler.finish()
        precondition(lines.allSatisfy { $0.message.utf8.count <= 64 * 3 }, "a message longer than maxLineBytes")
        DashboardTarget.showLogLines(lines)
    }
}
