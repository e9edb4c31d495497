import DockerAPI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A command the tests run to its end (the docker CLI, `scripts/lab`, the swarmtop binary),
/// bounded by a deadline. Its output goes to files, not pipes: a daemon it starts (an engine,
/// sshd) may keep an inherited descriptor, and reading a pipe to its end then never returns.
/// It is waited for with `waitpid`, not `Process.waitUntilExit`, which can hang in an async test.
public enum ChildProcess {
    /// What a finished command left: its exit status (128 + N when signal N ended it), stdout and stderr.
    public struct Result: Sendable {
        public let status: Int32
        public let out: String
        public let err: String
    }

    /// A command that could not be started, or did not end before its deadline (then it and its
    /// process group were killed).
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Runs `executable` with `arguments` in a process group of its own, stdin read from `stdin`
    /// (empty when nil), every signal at its default disposition and none blocked.
    /// - Parameters:
    ///   - environment: its whole environment; the test process's when nil.
    ///   - timeout: seconds it may take before it is killed.
    /// - Returns: its status and output, whatever the status.
    /// - Throws: `Failure` when it cannot be started or outlives `timeout`.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           stdin: String? = nil, timeout: TimeInterval = 180) throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (inPath, outPath, errPath) = (dir.appendingPathComponent("in").path, dir.appendingPathComponent("out").path,
                                          dir.appendingPathComponent("err").path)
        try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: inPath))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let attributes = SpawnAttributes(flags: POSIX_SPAWN_SETPGROUP)
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let command = ([executable] + arguments).joined(separator: " ")
        let rc = posix_spawnp(&pid, executable, &actions, &attributes.raw, argv, envp)
        guard rc == 0 else { throw Failure(description: "cannot run \(command): \(String(cString: strerror(rc)))") }

        let deadline = Date().addingTimeInterval(timeout)
        var raw: Int32 = 0
        while true {
            let reaped = waitpid(pid, &raw, WNOHANG)
            if reaped == pid { break }
            if reaped == -1, errno != EINTR { throw Failure(description: "\(command): waitpid: \(String(cString: strerror(errno)))") }
            if Date() >= deadline {
                kill(-pid, SIGKILL)
                while waitpid(pid, &raw, 0) == -1, errno == EINTR {}
                let err = read(errPath)
                throw Failure(description: "\(command): still running after \(Int(timeout)) s, killed; stderr: \(err.suffix(2000))")
            }
            usleep(20_000)
        }
        let status = (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
        return Result(status: status, out: read(outPath), err: read(errPath))
    }

    /// Runs a command as `run` does and requires it to succeed.
    /// - Returns: its stdout.
    /// - Throws: `Failure` when it cannot be started, outlives `timeout`, or exits non-zero
    ///   (naming the command, its status and its stderr's end).
    public static func output(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                              stdin: String? = nil, timeout: TimeInterval = 180) throws -> String {
        let result = try run(executable, arguments, environment: environment, stdin: stdin, timeout: timeout)
        guard result.status == 0 else {
            let command = ([executable] + arguments).joined(separator: " ")
            throw Failure(description: "\(command) exited \(result.status): \(result.err.suffix(2000))")
        }
        return result.out
    }

    private static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
}
