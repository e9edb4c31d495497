#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import NIOConcurrencyHelpers

/// Reaches an engine over ssh as the docker CLI does (cli/connhelper): every connection is one
/// `ssh [-l USER] [-p PORT] -o ConnectTimeout=30 -T -o BatchMode=yes -- HOST docker system dial-stdio`
/// process, run with the user's own ssh (first `ssh` on PATH), config, known_hosts and agent.
///
/// The HTTP client connects to a unix socket in a private directory (mode 0700, under `TMPDIR`);
/// each connection accepted there becomes the stdin and stdout of one ssh process, in a session
/// of its own (no controlling terminal: ssh can never prompt over the dashboard). The client's
/// pool keeps connections open, so one ssh process serves many requests. What ssh writes on
/// stderr is kept: `failure(since:)` turns it into one line (`SSHFailure`).
///
/// swarmtop adds `BatchMode=yes` to the CLI's flags: a prompt could not be answered anyway, and
/// it makes an unknown host key or a refused key fail at once. Host-key checking stays whatever
/// the user's ssh config says (ssh's default: refuse unknown and changed keys).
public final class SSHDialer: Sendable {
    /// The local socket the HTTP client connects to.
    public let socketPath: String
    /// `user@host` or `host`, for messages.
    public let destination: String
    private let directory: String
    private let executable: String?
    private let arguments: [String]
    private let environment: [String]
    private let listener: Int32
    /// Accepts connections on `listener`; Dispatch sources are thread-safe.
    private nonisolated(unsafe) let source: any DispatchSourceRead
    private let state = NIOLockedValueBox(State())

    private struct State {
        var running: Set<pid_t> = []
        var started = 0
        var lastFailure: (reason: String, at: ContinuousClock.Instant)?
        var closed = false
    }

    /// The arguments of ssh for a destination, as the docker CLI passes them, plus `BatchMode=yes`.
    /// - Parameters: user, host and port of an `ssh://` endpoint (nil: ssh's config decides).
    /// - Returns: everything after `ssh`, the remote command last.
    public static func arguments(user: String?, host: String, port: Int?) -> [String] {
        var args: [String] = []
        if let user { args += ["-l", user] }
        if let port { args += ["-p", String(port)] }
        return args + ["-o", "ConnectTimeout=30", "-T", "-o", "BatchMode=yes", "--", host, "docker system dial-stdio"]
    }

    /// The first executable `name` in the directories of `path` (a `PATH` value), or nil.
    static func executable(named name: String, path: String?) -> String? {
        for dir in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !dir.isEmpty {
            let candidate = dir + "/" + name
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Opens the local socket; ssh processes start as connections arrive.
    /// - Parameters:
    ///   - user, host, port: the `ssh://` endpoint's parts.
    ///   - environment: ssh's environment (PATH finds ssh; SSH_AUTH_SOCK names the agent).
    /// - Throws: `DockerError.transport` when the local socket cannot be made.
    public init(user: String?, host: String, port: Int?, environment: [String: String]) throws {
        let destination = (user.map { $0 + "@" } ?? "") + host
        self.destination = destination
        arguments = Self.arguments(user: user, host: host, port: port)
        executable = Self.executable(named: "ssh", path: environment["PATH"])
        self.environment = environment.map { "\($0.key)=\($0.value)" }
        func fail(_ what: String) -> DockerError {
            .transport(endpoint: "ssh://" + destination, reason: "\(what): \(String(cString: strerror(errno)))")
        }
        var base = environment["TMPDIR"] ?? "/tmp"
        if base.utf8.count > 60 { base = "/tmp" }  // a unix socket path holds at most 107 bytes
        var template = Array((base + "/swarmtop-ssh-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw fail("cannot make a private directory in \(base)") }
        let directory = String(cString: made), socketPath = directory + "/engine.sock"
        self.directory = directory
        self.socketPath = socketPath
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { rmdir(directory); throw fail("cannot make a unix socket") }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, byte) in socketPath.utf8.enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let error = fail("cannot listen on \(socketPath)")
            close(fd); unlink(socketPath); rmdir(directory)
            throw error
        }
        listener = fd
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: DispatchQueue(label: "swarmtop.ssh-accept"))
        source.setEventHandler { [weak self] in self?.acceptAll() }
        source.setCancelHandler { close(fd) }
        source.resume()
    }

    /// A dialer dropped without `shutdown()` still stops listening and removes its socket (its
    /// ssh processes, if any, keep it alive until they end).
    deinit {
        source.cancel()
        unlink(socketPath)
        rmdir(directory)
    }

    /// ssh processes started so far, and running now.
    public var processes: (started: Int, running: Int) {
        state.withLockedValue { ($0.started, $0.running.count) }
    }

    /// Why the last ssh process that failed at or after `start` failed, waiting up to `wait`
    /// for one to end (the client may see the connection close before ssh's exit is collected).
    /// - Returns: one line, or nil when no ssh process failed since `start`.
    public func failure(since start: ContinuousClock.Instant, wait: Duration = .seconds(1)) async -> String? {
        let deadline = ContinuousClock.now + wait
        while true {
            if let last = state.withLockedValue({ $0.lastFailure }), last.at >= start { return last.reason }
            if ContinuousClock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Stops listening, removes the socket and its directory, and ends the ssh processes still
    /// running (SIGTERM, SIGKILL after 3 s), as the docker CLI does with its own.
    public func shutdown() async {
        source.cancel()
        unlink(socketPath)
        rmdir(directory)
        state.withLockedValue { s in
            s.closed = true
            for pid in s.running { kill(pid, SIGTERM) }
        }
        let deadline = ContinuousClock.now + .seconds(3)
        while state.withLockedValue({ !$0.running.isEmpty }), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        state.withLockedValue { s in for pid in s.running { kill(pid, SIGKILL) } }
    }

    /// Accepts every pending connection and hands each to a new ssh process.
    private func acceptAll() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }  // EAGAIN: none left
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)  // ssh gets it as 0 and 1 only
            start(on: connection)
            close(connection)  // ssh holds it now: the client sees EOF when ssh ends
        }
    }

    /// Starts ssh with `connection` as its stdin and stdout and a pipe as its stderr, in a new
    /// session with default signal handling, and a thread that collects its stderr and exit.
    private func start(on connection: Int32) {
        guard let executable else {
            return record("no ssh command on PATH (ssh:// needs OpenSSH's ssh client)")
        }
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&errPipe) == 0 else { return record("cannot make a pipe for ssh: \(String(cString: strerror(errno)))") }
        for fd in errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, connection, 0)
        posix_spawn_file_actions_adddup2(&actions, connection, 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        let attributes = SpawnAttributes(flags: Self.spawnSetSID)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes.raw, argv, envp)
        close(errPipe[1])
        guard rc == 0 else {
            close(errPipe[0])
            return record("cannot run \(executable): \(String(cString: strerror(rc)))")
        }
        state.withLockedValue { $0.running.insert(pid); $0.started += 1 }
        let stderrFD = errPipe[0], spawned = pid
        Thread { [self] in collect(pid: spawned, stderr: stderrFD) }.start()
    }

    /// glibc's POSIX_SPAWN_SETSID (hidden behind _GNU_SOURCE): the child calls setsid().
    #if canImport(Glibc)
    private static let spawnSetSID: Int32 = 0x80
    #else
    private static let spawnSetSID: Int32 = POSIX_SPAWN_SETSID
    #endif

    /// Reads ssh's stderr to its end, waits for ssh, and records why it failed unless it ended
    /// cleanly (status 0: the connection was closed) or was ended by `shutdown()`.
    private func collect(pid: pid_t, stderr fd: Int32) {
        var tail = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            tail += buffer[0..<n]
            if tail.count > 8192 { tail.removeFirst(tail.count - 8192) }
        }
        close(fd)
        // Wait without reaping first, so that `shutdown()` never signals a reused pid.
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0, errno == EINTR {}
        var raw: Int32 = 0
        let closed = state.withLockedValue { s -> Bool in
            s.running.remove(pid)
            while waitpid(pid, &raw, 0) == -1, errno == EINTR {}
            return s.closed
        }
        let status: SSHFailure.Status = (raw & 0x7f) == 0 ? .exited((raw >> 8) & 0xff) : .signaled(raw & 0x7f)
        guard status != .exited(0), !closed else { return }
        record(SSHFailure.reason(stderr: String(decoding: tail, as: UTF8.self), status: status, destination: destination))
    }

    private func record(_ reason: String) {
        state.withLockedValue { $0.lastFailure = (reason, .now) }
    }
}
