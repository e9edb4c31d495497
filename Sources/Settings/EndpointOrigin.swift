/// Where the manager's endpoint came from, as `--print-config` and the status line say it.
public enum EndpointOrigin: Sendable, Equatable, CustomStringConvertible {
    /// A docker context named by `--context`, `DOCKER_CONTEXT` or the config file's `context`.
    case context(String, Configuration.Source)
    /// The docker context `docker context use` made current, in this `config.json` (as shown, `~` for the home folder).
    case currentContext(String, configFile: String)
    /// `--host`, `DOCKER_HOST` or the config file's `host`.
    case host(Configuration.Source)
    /// Nothing set: the docker CLI's default socket.
    case defaultSocket

    /// E.g. `context prod (current context in ~/.docker/config.json)`, `context prod (flag --context)`,
    /// `environment DOCKER_HOST`, `flag --host`, `default socket`.
    public var description: String {
        switch self {
        case .context(let name, let source): "context \(name) (\(source))"
        case .currentContext(let name, let file): "context \(name) (current context in \(file))"
        case .host(let source): "\(source)"
        case .defaultSocket: "default socket"
        }
    }

    /// The docker context the endpoint came from, nil for a host or the default socket.
    public var contextName: String? {
        switch self {
        case .context(let name, _), .currentContext(let name, _): name
        case .host, .defaultSocket: nil
        }
    }

    /// A few words for the status line: `context prod`, `DOCKER_HOST`, `--host`, `config file`, `default socket`.
    public var short: String {
        switch self {
        case .context(let name, _), .currentContext(let name, _): "context \(name)"
        case .host(.flag(let name)), .host(.environment(let name)): name
        case .host(.file): "config file"
        case .host(.defaultValue), .defaultSocket: "default socket"
        }
    }
}
