import Dashboard
import Foundation
import SwarmState

/// What `swarmtop diff CONTAINER` prints: the container's changes like `docker diff` (`C /etc`,
/// `A /etc/x`), in tree order (siblings largest first), with each entry's size and what it
/// means on the storage driver; a summary line first. JSON keys are snake_case.
public struct ChangesReport: Encodable {
    struct Row: Encodable {
        /// `C`, `A` or `D`, as `docker diff` prints it.
        var kind: String
        var path: String
        /// Bytes: a file's size, a directory's sum of the sizes known in it; null when not known.
        @Nullable var size: Int64?
        var isDirectory: Bool
        /// `ChangeMeaning`'s name, e.g. `copied_up`, `whiteout`, `opaque`.
        var meaning: String
        var explanation: String
    }

    struct Summary: Encodable {
        var copiedUpFiles: Int, copiedUpBytes: Int64
        var writtenFiles: Int, writtenBytes: Int64
        var whiteouts: Int, opaqueDirectories: Int
        /// Files whose size is known (at most `ContainerChanges.statLimit` are asked).
        var sizedFiles: Int
    }

    var containerId: String
    var name: String
    var node: String
    @Nullable var driver: String?
    var summary: Summary
    var changes: [Row]
    /// The summary as the text output words it.
    private let summaryLine: String

    /// - Parameters:
    ///   - changes: the container's changes with the sizes read.
    ///   - node: the hostname of its node.
    public init(_ changes: ContainerChanges, node: String) {
        containerId = changes.containerID
        name = changes.name
        self.node = node
        driver = changes.driver
        let s = changes.summary
        summary = Summary(copiedUpFiles: s.copiedUpFiles, copiedUpBytes: s.copiedUpBytes, writtenFiles: s.writtenFiles,
                          writtenBytes: s.writtenBytes, whiteouts: s.whiteouts, opaqueDirectories: s.opaqueDirectories, sizedFiles: s.sized)
        self.changes = changes.entries.map {
            Row(kind: $0.kind.letter, path: $0.path, size: $0.size, isDirectory: $0.isDirectory,
                meaning: Self.snakeCase($0.meaning.rawValue), explanation: $0.meaning.explanation)
        }
        summaryLine = ChangesText.summary(s, entries: changes.entries.count)
    }

    private enum CodingKeys: String, CodingKey {
        case containerId, name, node, driver, summary, changes
    }

    /// Pretty-printed JSON with sorted keys.
    /// - Throws: an encoding error (none is expected).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try JSONText.encode(self, with: encoder), as: UTF8.self)
    }

    /// A `# name on node (driver): summary` line, then `C /path   SIZE   meaning` a change,
    /// paths padded to the widest (control characters escaped).
    public func text() -> String {
        let head = "# \(DisplayText.escaped(name)) on \(DisplayText.escaped(node)) (\(driver ?? "driver not known")): \(summaryLine)"
        let paths = changes.map { "\($0.kind) " + DisplayText.escaped($0.path) }
        let sizes = changes.map { row in row.size.map(Format.humanSize) ?? "-" }
        let pathWidth = paths.map(DisplayText.width).max() ?? 0
        let sizeWidth = sizes.map(DisplayText.width).max() ?? 0
        let rows = zip(changes, zip(paths, sizes)).map { row, cells in
            DisplayText.pad(cells.0, to: pathWidth) + "   " + DisplayText.pad(cells.1, to: sizeWidth, right: true)
                + "   " + row.explanation
        }
        return ([head] + rows).joined(separator: "\n")
    }

    /// `copiedUp` -> `copied_up`.
    private static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { out, c in out += c.isUppercase ? "_" + c.lowercased() : String(c) }
    }
}
