import Foundation
import TOMLKit

/// A parsed TOML file and its text, for reporting errors at the line of a key: TOMLKit gives
/// positions only for syntax errors, so keys are found again in the text.
struct TOMLDocument {
    let path: String
    let root: TOMLTable
    private let lines: [Substring]

    /// Parses `text`, read from `path`.
    /// - Throws: `SettingsFileError` at the line of a syntax error.
    init(text: String, path: String) throws {
        self.path = path
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SettingsFileError(path: path, line: error.source.begin.line, reason: error.description)
        }
    }

    /// Reads and parses the file at `path`.
    /// - Throws: `SettingsFileError` when it cannot be read or parsed.
    init(contentsOf path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SettingsFileError(path: path, line: nil, reason: "cannot read: \(Self.readFailure(path, error))")
        }
        try self.init(text: text, path: path)
    }

    /// Why `path` could not be read, in a few words (Foundation says "The operation could not be
    /// completed" for a directory).
    private static func readFailure(_ path: String, _ error: any Error) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return "it is a directory" }
        switch (error as? CocoaError)?.code {
        case .fileReadNoSuchFile?, .fileNoSuchFile?: return "no such file"
        case .fileReadNoPermission?: return "permission denied"
        case .fileReadInapplicableStringEncoding?, .fileReadCorruptFile?: return "not UTF-8 text"
        default: return error.localizedDescription
        }
    }

    /// An error at the line where `key` is set inside `[table]` (or at the top when nil).
    func error(_ reason: String, key: String, table: String? = nil) -> SettingsFileError {
        SettingsFileError(path: path, line: line(of: key, in: table), reason: reason)
    }

    /// The 1-based line of `key = …` in `[table]`, or of the `[key]` (`[table.key]`) header itself.
    func line(of key: String, in table: String?) -> Int? {
        var current: String?
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let name = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                if name == (table.map { "\($0).\(key)" } ?? key) { return index + 1 }
                current = name
                continue
            }
            guard current == table, let eq = line.firstIndex(of: "=") else { continue }
            let name = line[..<eq].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if name == key { return index + 1 }
        }
        return nil
    }

    /// Rejects any key of `table` (at `tableName`) that is not in `known`.
    func checkKeys(of table: TOMLTable, in tableName: String?, known: [String]) throws {
        for key in table.keys.sorted() where !known.contains(key) {
            let place = tableName.map { " in [\($0)]" } ?? ""
            throw error("unknown key \"\(key)\"\(place); known: \(known.joined(separator: ", "))", key: key, table: tableName)
        }
    }
}
