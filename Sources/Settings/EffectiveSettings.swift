import Dashboard
import DockerAPI
import Foundation
import SwarmState

/// Turns the command line, the environment and the config file into what the commands use:
/// the effective `Configuration`, the theme, the keymap and the engine connections. Every value
/// refused is an `InvalidSetting` whose message names it and where it was set, with controls
/// and invisible characters escaped (the executable makes it a usage error, exit status 64).
public enum EffectiveSettings {
    /// Reads the config file and stacks flags over environment over file over defaults.
    /// - Throws: `InvalidSetting` for a bad config file: `path:line: reason`.
    public static func resolve(flags: ConfigLayer, environment: [String: String]) throws -> Configuration {
        let path = ConfigFile.path(environment: environment)
        let file: ConfigLayer?
        do { file = try ConfigFile.load(path: path) } catch let error as SettingsFileError { throw refused(error.description) }
        return Configuration.resolve(flags: flags, environment: environment, file: file, filePath: path)
    }

    /// Checks every value (`Configuration.validate`).
    /// - Throws: `InvalidSetting` (exit status 64, EX_USAGE) naming the value and where it was set.
    public static func validate(_ config: Configuration) throws {
        do { try config.validate() } catch let error as InvalidSetting { throw refused(error.description) }
    }

    /// A refused setting with controls and invisible characters escaped (`DisplayText.escaped`):
    /// its message quotes values as they were set.
    private static func refused(_ message: String) -> InvalidSetting {
        InvalidSetting(description: DisplayText.escaped(message))
    }

    /// `--print-config`: which config file is read, then the settings with their sources.
    public static func report(_ config: Configuration, environment: [String: String]) -> String {
        let path = ConfigFile.path(environment: environment)
        let found = FileManager.default.fileExists(atPath: path) ? "" : " (not found)"
        return "# config file: \(path)\(found)\n# precedence: flag > environment > config file > default\n\n" + config.printed
    }

    /// The standard theme directories, for the configured theme and for `:theme`.
    public static func themes(environment: [String: String]) -> ThemeCatalog {
        ThemeCatalog.standard(environment: environment, executablePath: Bundle.main.executablePath ?? CommandLine.arguments[0])
    }

    /// The standard keymap with the config file's `[keys]`.
    /// - Throws: `InvalidSetting` when they name no binding, no key, or make a key mean two things.
    public static func keymap(_ config: Configuration) throws -> Keymap {
        let keys = config.keys.value.mapValues { $0.compactMap(KeyEvent.init(name:)) }
        do {
            return try Keymap.standard.overriding(keys)
        } catch {
            throw refused("[keys] in \(config.keys.source): \(error)")
        }
    }

    /// The theme the configuration names.
    /// - Throws: `InvalidSetting` for a theme no directory holds, naming where it was set;
    ///   `SettingsFileError` for a theme file that is not right (its path and line).
    public static func theme(_ config: Configuration, from themes: ThemeCatalog) throws -> Theme {
        do {
            return try themes.load(config.theme.value)
        } catch let error as ThemeNotFound {
            throw refused("\(error) (from \(config.theme.source))")
        }
    }

    /// The manager's endpoint (`ManagerEndpoint`: contexts, `--host`, `DOCKER_HOST`, as the docker
    /// CLI chooses) and each node engine's (hostname, endpoint), as the configuration names them.
    /// - Throws: `InvalidSetting` for a bad endpoint or context, naming where it was set.
    public static func endpoints(_ config: Configuration, environment: [String: String]) throws -> Endpoints {
        let tls = DockerEndpoint.tlsFromEnvironment(environment)
        let manager: ManagerEndpoint
        do {
            manager = try ManagerEndpoint.resolve(config, environment: environment, store: DockerContextStore(environment: environment))
        } catch { throw refused(error.description) }
        // Further managers, to fail over to: only beside a manager named by host, with its TLS files.
        let others: [DockerEndpoint]
        do {
            others = manager.origin.contextName == nil
                ? try config.managerHosts.value.map { try DockerEndpoint(parsing: $0, tls: manager.endpoint.tls ?? tls) } : []
        } catch {
            throw refused("\((error as? DockerError)?.description ?? "\(error)") (from \(config.managerHosts.source))")
        }
        let nodes: [(String, DockerEndpoint)]
        do { nodes = try NodeHostOption.parse(config.nodeHosts.value, tls: tls) } catch let error as DockerError {
            throw refused("\(error.description) (from \(config.nodeHosts.source))")
        }
        // A template's tcp:// and https:// endpoints take TLS files as the manager's did.
        let template = try config.nodeHostTemplate.value.map { text in
            do { return try NodeHostTemplate(text, tls: manager.endpoint.tls ?? tls) } catch {
                throw refused("\(error) (from \(config.nodeHostTemplate.source))")
            }
        }
        // Contexts name node engines only when no template does (NodeEndpointRule).
        var contexts: [String: DockerEndpoint] = [:]
        if template == nil {
            do {
                contexts = try DockerContextStore(environment: environment).endpoints().compactMapValues { try? $0.get() }
            } catch { throw refused(error.description) }
        }
        return Endpoints(resolved: manager, otherManagers: others, nodes: nodes, template: template, contexts: contexts,
                         currentContext: manager.origin.contextName)
    }

    /// The engines a configuration names: the manager's (and where it came from), each node's by
    /// hostname, the template for the others, and the docker contexts a node's engine may be named by.
    public struct Endpoints {
        /// The manager's endpoint and where it came from.
        public var resolved: ManagerEndpoint
        /// Further managers to fail over to (`--host` given again), in order.
        public var otherManagers: [DockerEndpoint] = []
        /// Each node's engine named by hostname (`--node-host`).
        public var nodes: [(String, DockerEndpoint)]
        /// The manager's endpoint.
        public var manager: DockerEndpoint { resolved.endpoint }
        /// Every other node's engine from one pattern, nil when none is set.
        public var template: NodeHostTemplate?
        /// Docker contexts by name (`NodeEndpointRule.contexts`); read only when there is no template.
        public var contexts: [String: DockerEndpoint] = [:]
        /// The context the manager's endpoint came from, if one did.
        public var currentContext: String?
    }

    /// The docker contexts `:context` offers: `default` and every context of the store (none
    /// when the store cannot be read; `:context NAME` then says why).
    public static func contextNames(environment: [String: String]) -> [String] {
        let stored = (try? DockerContextStore(environment: environment).endpoints().keys.sorted()) ?? []
        return ["default"] + stored.filter { $0 != "default" }
    }

    /// Clients for these engines, read-only ones (GET and HEAD only) when `readOnly`; call
    /// `shutdown()` on them when done.
    /// - Throws: `InvalidSetting` when TLS files cannot be read.
    public static func connections(_ endpoints: Endpoints, timeout: TimeInterval, readOnly: Bool) throws -> Connections {
        do {
            return try Connections(manager: endpoints.manager, otherManagers: endpoints.otherManagers, nodeHosts: endpoints.nodes, template: endpoints.template,
                                   contexts: endpoints.contexts, currentContext: endpoints.currentContext,
                                   timeout: timeout, readOnly: readOnly)
        } catch let error as DockerError {
            throw refused(error.description)
        }
    }
}
