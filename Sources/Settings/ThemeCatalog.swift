import Dashboard
import Foundation

/// Where themes are found, and loading one by name. Searched in order, the first file named
/// `NAME.toml` wins:
/// 1. `$XDG_CONFIG_HOME/swarmtop/themes/` (default `~/.config/swarmtop/themes/`): your own;
/// 2. the nearest `themes/` or `share/swarmtop/themes/` beside the executable or above it:
///    the repository's `themes/` for a build in `.build/`, `PREFIX/share/swarmtop/themes`
///    for a binary installed in `PREFIX/bin`.
/// `default` needs no file: it is built in, so the dashboard starts wherever the binary is.
public struct ThemeCatalog: Sendable {
    /// The directories searched, in order.
    public let directories: [String]

    /// A catalog over `directories`.
    public init(directories: [String]) {
        self.directories = directories
    }

    /// The standard search path for this environment and executable.
    /// - Parameters:
    ///   - environment: for `XDG_CONFIG_HOME` and `HOME`.
    ///   - executablePath: the running binary (symbolic links are resolved).
    public static func standard(environment: [String: String], executablePath: String) -> ThemeCatalog {
        var directories = [ConfigFile.configDirectory(environment: environment) + "/themes"]
        var dir = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while true {
            let found = [dir.appendingPathComponent("themes"), dir.appendingPathComponent("share/swarmtop/themes")]
                .map(\.path).first { FileManager.default.fileExists(atPath: $0 + "/default.toml") }
            if let found {
                directories.append(found)
                break
            }
            guard dir.pathComponents.count > 1 else { break }
            dir.deleteLastPathComponent()
        }
        return ThemeCatalog(directories: directories)
    }

    /// The names of every theme found (`default` always), sorted.
    public func names() -> [String] {
        var names: Set<String> = ["default"]
        for dir in directories {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where file.hasSuffix(".toml") {
                names.insert(String(file.dropLast(5)))
            }
        }
        return names.sorted()
    }

    /// The theme called `name`, or the theme file at `name` when it is a path (holds a `/`).
    /// - Throws: `SettingsFileError` for a bad file; `ThemeNotFound` listing the themes there are.
    public func load(_ name: String) throws -> Theme {
        if name.contains("/") { return try ThemeFile.load(path: name) }
        for dir in directories where FileManager.default.fileExists(atPath: "\(dir)/\(name).toml") {
            return try ThemeFile.load(path: "\(dir)/\(name).toml")
        }
        if name == "default" { return .default }
        throw ThemeNotFound(name: name, available: names(), searched: directories)
    }
}

/// A theme name that no searched directory holds.
public struct ThemeNotFound: Error, Equatable, CustomStringConvertible {
    /// The name asked for.
    public let name: String
    /// The themes that exist.
    public let available: [String]
    /// The directories searched.
    public let searched: [String]

    /// `no theme "x"; available: dark, default, …` and where it looked.
    public var description: String {
        "no theme \"\(name)\"; available: \(available.joined(separator: ", ")) (searched \(searched.joined(separator: ", ")))"
    }
}
