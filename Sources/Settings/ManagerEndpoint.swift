import DockerAPI

/// The manager's engine endpoint and where it came from, chosen as the docker CLI chooses
/// (cli/command/cli.go, resolveContextName): `--context` > `--host` > `DOCKER_HOST` >
/// `DOCKER_CONTEXT`, then swarmtop's config file (`context` > `host`), then `currentContext` of
/// `$DOCKER_CONFIG/config.json`, then the default socket. The context `default` is the
/// `DOCKER_HOST` (or default socket) endpoint, as in the CLI.
public struct ManagerEndpoint: Sendable, Equatable {
    /// Where to connect.
    public let endpoint: DockerEndpoint
    /// Which setting named it.
    public let origin: EndpointOrigin

    /// For the status line: `unix:///var/run/docker.sock (context prod)`.
    public var status: String { "\(endpoint) (\(origin.short))" }

    /// For `--print-config`: `# manager: ssh://ops@manager from context prod (current context in ~/.docker/config.json)`.
    public var printed: String { "# manager: \(endpoint) from \(origin)" }

    /// Resolves the endpoint from the settings, the environment (`DOCKER_HOST`, `DOCKER_TLS_VERIFY`,
    /// `DOCKER_CERT_PATH`, `HOME`) and the context store's files. Reads files only; no network.
    /// - Throws: `InvalidSetting` naming where the value was set: both `--context` and `--host`
    ///   (the CLI's `conflicting options`), an unknown context, a malformed `meta.json` or
    ///   `config.json`, a missing TLS file, a malformed host.
    public static func resolve(_ config: Configuration, environment: [String: String],
                               store: DockerContextStore) throws(InvalidSetting) -> ManagerEndpoint {
        if case .flag = config.context.source, case .flag = config.host.source {
            throw InvalidSetting(description: "conflicting options: cannot specify both --host and --context")
        }
        let named = [(config.context, true), (config.host, false)]
            .compactMap { setting, isContext in setting.value.map { (value: $0, isContext: isContext, source: setting.source) } }
            .min { rank($0.source, isContext: $0.isContext) < rank($1.source, isContext: $1.isContext) }
        if let named, named.isContext {
            return try context(named.value, origin: .context(named.value, named.source), from: "\(named.source)",
                               environment: environment, store: store)
        }
        if let named {
            let tls = DockerEndpoint.tlsFromEnvironment(environment)
            return ManagerEndpoint(endpoint: try parse(named.value, tls: tls, from: "\(named.source)"), origin: .host(named.source))
        }
        let current: String?
        do { current = try store.currentContext() } catch { throw InvalidSetting(description: error.description) }
        if let current {
            let shown = abbreviatingHome(store.configFile, environment: environment)
            return try context(current, origin: .currentContext(current, configFile: shown), from: "current context in \(shown)",
                               environment: environment, store: store)
        }
        return ManagerEndpoint(endpoint: .defaultSocket, origin: .defaultSocket)
    }

    /// The CLI's order of the two settings by their source: flag `--context` 0, flag `--host` 1,
    /// `DOCKER_HOST` 2, `DOCKER_CONTEXT` 3, file `context` 4, file `host` 5.
    private static func rank(_ source: Configuration.Source, isContext: Bool) -> Int {
        switch source {
        case .flag: isContext ? 0 : 1
        case .environment: isContext ? 3 : 2
        case .file: isContext ? 4 : 5
        case .defaultValue: 6
        }
    }

    /// The context `name`'s endpoint; `default` is the environment's (`DOCKER_HOST` or the default
    /// socket). Errors end with `(from <from>)`.
    private static func context(_ name: String, origin: EndpointOrigin, from: String, environment: [String: String],
                                store: DockerContextStore) throws(InvalidSetting) -> ManagerEndpoint {
        if name == "default" {
            guard let host = environment["DOCKER_HOST"], !host.isEmpty else { return ManagerEndpoint(endpoint: .defaultSocket, origin: origin) }
            return ManagerEndpoint(endpoint: try parse(host, tls: DockerEndpoint.tlsFromEnvironment(environment), from: from), origin: origin)
        }
        do {
            return ManagerEndpoint(endpoint: try store.context(named: name).endpoint(), origin: origin)
        } catch {
            throw InvalidSetting(description: "\(error.description) (from \(from))")
        }
    }

    /// `host` parsed, its error naming `from`.
    private static func parse(_ host: String, tls: DockerEndpoint.TLSFiles?, from: String) throws(InvalidSetting) -> DockerEndpoint {
        do { return try DockerEndpoint(parsing: host, tls: tls) } catch {
            throw InvalidSetting(description: "\((error as? DockerError)?.description ?? "\(error)") (from \(from))")
        }
    }

    /// `path` with the home folder as `~`.
    private static func abbreviatingHome(_ path: String, environment: [String: String]) -> String {
        guard let home = environment["HOME"], !home.isEmpty, home != "/", path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }
}
