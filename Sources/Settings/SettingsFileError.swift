/// A theme or config file that swarmtop refuses, with where and why: `path:line: reason`.
public struct SettingsFileError: Error, Equatable, CustomStringConvertible {
    /// The file's path as given.
    public let path: String
    /// The 1-based line of the offending key or value; nil when no single line is to blame.
    public let line: Int?
    /// What is wrong, e.g. `unknown key "colour" in [header]; known: fg, bg, bold, …`.
    public let reason: String

    /// An error in `path` at `line` because of `reason`.
    public init(path: String, line: Int?, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// `path:line: reason` (or `path: reason`), the way compilers report.
    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(reason)" }
}
