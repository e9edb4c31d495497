import Dashboard
import DockerAPI
import Foundation

/// Runs a program in the full terminal, the dashboard suspended meanwhile, and answers its exit
/// status (128 + N when signal N ended it); `UILoop.runInTerminal` in the dashboard.
/// - Parameters: the program's path, its arguments, its environment (`NAME=value`), and given
///   the exit status, the line to show and wait for a key on before returning (nil: none).
/// - Throws: why the program could not be started.
public typealias ForegroundRunner = @Sendable (_ executable: String, _ arguments: [String], _ environment: [String],
                                               _ pause: @escaping @Sendable (Int32) -> String?) async throws -> Int32

/// `e`: a command in a container, run by the docker CLI against the engine of the container's
/// node (`docker --host ENDPOINT exec -it CONTAINER COMMAND…`, `DockerExecCommand`) in the full
/// terminal. An interactive shell that ends well returns at once; any other command's output
/// (and a failure's) stays on screen until a key.
enum ContainerExec {
    /// Runs `request` on `endpoint` through `foreground`.
    /// - Parameters:
    ///   - request: the container and the command.
    ///   - endpoint: the engine of the container's node, as swarmtop reaches it.
    ///   - environment: swarmtop's environment (PATH finds the docker CLI).
    ///   - foreground: what lends the terminal; nil where there is none.
    /// - Returns: the status line's message, and whether it is an error (the CLI not found, not
    ///   started, or a non-zero exit status).
    static func run(_ request: ExecRequest, endpoint: DockerEndpoint, environment: [String: String],
                    foreground: ForegroundRunner?) async -> (String, isError: Bool) {
        let what = "exec \(request.commandLine) in \(request.name) on \(request.hostname)"
        guard let foreground else { return ("\(what): there is no terminal to run it in", true) }
        guard let docker = DockerExecCommand.executable(path: environment["PATH"]) else {
            return ("\(what): no docker CLI on PATH; exec runs docker --host \(endpoint) exec -it, so it needs the docker CLI", true)
        }
        let arguments = DockerExecCommand.arguments(endpoint: endpoint, containerID: request.containerID, command: request.command)
        let shell = request.isInteractiveShell
        do {
            let status = try await foreground(docker, arguments, DockerExecCommand.environment(environment)) { status in
                shell && status == 0 ? nil : "[exit status \(status); press any key to return to swarmtop]"
            }
            return ("\(what): exit status \(status)\(meaning(status)) (through \(endpoint))", status != 0)
        } catch {
            return ("\(what) failed: \(error)", true)
        }
    }

    /// What `docker exec` means by an exit status of its own: 126 and 127 (as a shell's).
    private static func meaning(_ status: Int32) -> String {
        switch status {
        case 126: " (the command cannot be run in the container)"
        case 127: " (the command is not found in the container)"
        default: ""
        }
    }
}
