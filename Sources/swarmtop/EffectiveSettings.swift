import ArgumentParser
import Dashboard
import DockerAPI
import Foundation
import Settings
import SwarmState

/// Turns the command line, the environment and the config file into what the commands use:
/// the effective `Configuration`, the theme and the engine connections.
enum EffectiveSettings {
    /// Reads the config file and stacks flags over environment over file over defaults.
    /// - Throws: `SettingsFileError` for a bad config file; `ValidationError` for a value out of range.
    static func resolve(flags: ConfigLayer, environment: [String: String]) throws -> Configuration {
        let path = ConfigFile.path(environment: environment)
        let config = Configuration.resolve(flags: flags, environment: environment,
                                           file: try ConfigFile.load(path: path), filePath: path)
        let minimums: [(String, Configuration.Setting<Double>, Double)] = [
            ("interval", config.interval, 0.2), ("fast interval", config.fastInterval, 0.1),
            ("size interval", config.sizeInterval, 1), ("resync interval", config.resyncInterval, 5),
            ("timeout", config.timeout, 0.001),
        ]
        for (name, setting, minimum) in minimums where setting.value < minimum {
            throw ValidationError("the \(name) must be at least \(minimum) seconds, not \(setting.value) (from \(setting.source))")
        }
        return config
    }

    /// `--print-config`: which config file is read, then the settings with their sources.
    static func report(_ config: Configuration, environment: [String: String]) -> String {
        let path = ConfigFile.path(environment: environment)
        let found = FileManager.default.fileExists(atPath: path) ? "" : " (not found)"
        return "# config file: \(path)\(found)\n# precedence: flag > environment > config file > default\n\n" + config.printed
    }

    /// The standard theme directories, for the configured theme and for `:theme`.
    static func themes(environment: [String: String]) -> ThemeCatalog {
        ThemeCatalog.standard(environment: environment, executablePath: Bundle.main.executablePath ?? CommandLine.arguments[0])
    }

    /// The standard keymap with the config file's `[keys]`.
    /// - Throws: `ValidationError` when they name no binding, no key, or make a key mean two things.
    static func keymap(_ config: Configuration) throws -> Keymap {
        let keys = config.keys.value.mapValues { $0.compactMap(KeyEvent.init(name:)) }
        do {
            return try Keymap.standard.overriding(keys)
        } catch {
            throw ValidationError("[keys] in \(config.keys.source): \(error)")
        }
    }

    /// Clients for the manager and the node engines the configuration names.
    /// - Throws: `ValidationError` for a bad endpoint.
    static func connections(_ config: Configuration, environment: [String: String]) throws -> Connections {
        do {
            let tls = DockerEndpoint.tlsFromEnvironment(environment)
            let manager = try config.host.value.map { try DockerEndpoint(parsing: $0, tls: tls) }
                ?? DockerEndpoint.fromEnvironment(environment)
            let nodes = try NodeHostOption.parse(config.nodeHosts.value, tls: tls)
            return try Connections(manager: manager, nodeHosts: nodes, timeout: config.timeout.value)
        } catch let error as DockerError {
            throw ValidationError(error.description)
        }
    }
}
