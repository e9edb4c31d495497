/// The docker CLI command line that runs a command in a container on one engine with a TTY,
/// as swarmtop's `e` runs it: `docker --host ENDPOINT [TLS flags] exec -it CONTAINER COMMAND…`.
/// The endpoint is given by flags only: the variables that would choose another one are left
/// out of the CLI's environment.
public enum DockerExecCommand {
    /// The arguments after `docker`: `--host` with the endpoint as the CLI writes it
    /// (`unix:///…`, `tcp://host:port`, `ssh://user@host:port`); for TLS, `--tlsverify` (or
    /// `--tls` when the engine's certificate is not checked) and the files given
    /// (`--tlscacert`, `--tlscert`, `--tlskey`); then `exec -it CONTAINER COMMAND…`.
    /// - Parameters:
    ///   - endpoint: the engine of the container's node.
    ///   - containerID: the container.
    ///   - command: the program and its arguments.
    public static func arguments(endpoint: DockerEndpoint, containerID: String, command: [String]) -> [String] {
        var arguments = ["--host", endpoint.description]
        if case .tcp = endpoint.address, let tls = endpoint.tls {
            arguments.append(tls.verify ? "--tlsverify" : "--tls")
            for (flag, file) in [("--tlscacert", tls.caFile), ("--tlscert", tls.certFile), ("--tlskey", tls.keyFile)] {
                if let file { arguments += [flag, file] }
            }
        }
        return arguments + ["exec", "-it", containerID] + command
    }

    /// The variables that choose the CLI's engine by themselves (and would fight `--host`).
    static let endpointVariables: Set<String> = ["DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_TLS", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH"]

    /// `environment` without the variables that choose an engine (`DOCKER_HOST`,
    /// `DOCKER_CONTEXT`, `DOCKER_TLS`, `DOCKER_TLS_VERIFY`, `DOCKER_CERT_PATH`), as `NAME=value` strings.
    public static func environment(_ environment: [String: String]) -> [String] {
        environment.filter { !endpointVariables.contains($0.key) }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }

    /// The docker CLI found on `path` (a `PATH` value), or nil when there is none.
    public static func executable(path: String?) -> String? {
        SSHDialer.executable(named: "docker", path: path)
    }
}
