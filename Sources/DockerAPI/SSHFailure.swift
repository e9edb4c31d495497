import Foundation

/// One line that says why an `ssh … docker system dial-stdio` process ended, read from its exit
/// status and what it wrote on stderr (ssh's own messages, and the far side's shell and docker).
///
/// ssh exits 255 on its own failures (host key, authentication, connection); any other status
/// is the remote command's (127: no `docker` there; 1: dial-stdio could not reach the engine).
enum SSHFailure {
    /// How the process ended.
    enum Status: Sendable, Equatable {
        case exited(Int32)
        case signaled(Int32)
    }

    /// The reason, one line, without control characters.
    /// - Parameters:
    ///   - stderr: what the process wrote on stderr (the end of it is enough).
    ///   - status: its exit status.
    ///   - destination: `user@host` or `host`, for the message.
    static func reason(stderr: String, status: Status, destination: String) -> String {
        let lines = stderr.split(whereSeparator: \.isNewline).map { clean(String($0)) }.filter { !$0.isEmpty }
        let last = lines.last ?? ""
        if stderr.contains("REMOTE HOST IDENTIFICATION HAS CHANGED") {
            return "ssh refused \(destination): its host key differs from the one in known_hosts (Host key verification failed)"
        }
        if stderr.contains("Host key verification failed") {
            return "ssh refused \(destination): its host key is not in known_hosts (check it, then add it, e.g. by connecting once with ssh)"
        }
        if let denied = lines.last(where: { $0.contains("Permission denied") }) {
            return "ssh login refused: \(denied) (is your key in the agent or the ssh config?)"
        }
        if status == .exited(127) || stderr.contains("docker: command not found") || stderr.contains("docker: not found") {
            return "no docker command on \(destination) (\(last.isEmpty ? "exit status 127" : last)): `docker system dial-stdio` needs the docker CLI there"
        }
        switch status {
        case .exited(255): return last.isEmpty ? "ssh to \(destination) failed (exit status 255)" : last
        case .exited(let code):
            return "docker system dial-stdio on \(destination) exited with status \(code)" + (last.isEmpty ? "" : ": \(last)")
        case .signaled(let signal): return "ssh to \(destination) ended by signal \(signal)" + (last.isEmpty ? "" : ": \(last)")
        }
    }

    /// `text` without control characters (the far side's stderr may hold terminal escapes),
    /// trimmed, at most 300 characters.
    static func clean(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { !($0.value < 0x20 || (0x7f...0x9f).contains($0.value)) }
        let s = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
        return s.count > 300 ? String(s.prefix(299)) + "…" : s
    }
}
