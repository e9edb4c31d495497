import DockerAPI
#if canImport(Glibc)
import Glibc
#endif

/// A program run in the terminal while the dashboard is suspended (`UILoop.runInTerminal`):
/// it reads and writes the terminal itself, and swarmtop waits for it on the UI thread.
enum ForegroundProcess {
    /// Starts `executable` with stdin and stdout on the terminal, stderr on `stderr`, every
    /// signal at its default disposition and none blocked, and waits for it to end.
    /// - Parameters:
    ///   - executable: the program's path.
    ///   - arguments: its arguments (after its name).
    ///   - environment: its environment, `NAME=value` strings.
    ///   - stderr: the descriptor it gets as its stderr (the real one, not swarmtop's capture).
    /// - Returns: its exit status, or 128 + N when signal N ended it (as a shell reports it).
    /// - Throws: `ForegroundFailure` when it cannot be started.
    static func run(_ executable: String, arguments: [String], environment: [String], stderr: Int32) throws(ForegroundFailure) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if stderr != STDERR_FILENO { posix_spawn_file_actions_adddup2(&actions, stderr, STDERR_FILENO) }
        let attributes = SpawnAttributes()
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes.raw, argv, envp)
        guard rc == 0 else { throw ForegroundFailure(description: "cannot run \(executable): \(String(cString: strerror(rc)))") }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) == -1, errno == EINTR {}
        return (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
    }

    /// Writes `message` on a line of its own and waits for one key (read with the terminal's
    /// canonical mode, echo and signal keys off, restored after), or for a signal that asks
    /// swarmtop to quit (SIGTERM, SIGHUP).
    static func waitForKey(_ message: String) {
        let text = "\r\n" + message
        _ = text.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
        var saved = termios()
        let haveModes = tcgetattr(STDIN_FILENO, &saved) == 0
        if haveModes {
            var raw = saved
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)  // Ctrl-C is a key here too
            raw.c_cc.6 = 1  // VMIN
            raw.c_cc.5 = 0  // VTIME
            tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        }
        defer { if haveModes { tcsetattr(STDIN_FILENO, TCSANOW, &saved) } }
        let quits = Signals.quitSignals
        var byte: UInt8 = 0
        while Signals.quitSignals == quits {
            var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fd, 1, 250)
            if ready > 0 {
                if read(STDIN_FILENO, &byte, 1) != -1 || errno != EINTR { break }
            } else if ready < 0, errno != EINTR {
                break
            }
        }
        tcflush(STDIN_FILENO, TCIFLUSH)  // the rest of a key's escape sequence
    }
}

/// Why a program could not be run in the terminal, e.g. `cannot run /usr/bin/docker: Permission
/// denied`, or `swarmtop quit before it could run`.
public struct ForegroundFailure: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}
