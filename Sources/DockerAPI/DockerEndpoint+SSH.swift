import Foundation

extension DockerEndpoint {
    /// The user, host and port of an `ssh://[user@]host[:port]` string, refused where the docker
    /// CLI refuses it (cli/connhelper/ssh): a password, a query, a fragment, no host.
    /// - Throws: `DockerError.invalidEndpoint` naming what is wrong; also for a remote socket
    ///   path (`ssh://host/run/docker.sock`), which newer CLIs accept and swarmtop does not yet.
    static func sshAddress(_ string: String) throws -> Address {
        func refuse(_ reason: String) -> DockerError { .invalidEndpoint(string, reason: reason) }
        let rest = Substring(string.trimmingCharacters(in: .whitespaces).dropFirst("ssh://".count))
        if rest.contains("#") { throw refuse("a fragment is not allowed") }
        if rest.contains("?") { throw refuse("a query is not allowed") }
        var authority = rest
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            guard rest[slash...] == "/" else {
                throw refuse("a remote socket path is not supported: the far side's default engine is used")
            }
        }
        var user: String?
        if let at = authority.lastIndex(of: "@") {
            let info = authority[..<at]
            if info.contains(":") { throw refuse("a plain-text password is not supported (use keys or an ssh agent)") }
            user = info.isEmpty ? nil : (info.removingPercentEncoding ?? String(info))
            authority = authority[authority.index(after: at)...]
        }
        var host = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw refuse("an IPv6 address needs both brackets, e.g. ssh://[::1]:22") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw refuse("unexpected text after the IPv6 address") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !host.isEmpty else { throw refuse("no host") }
        var port: Int?
        if let portText {
            guard let p = Int(portText), (1...65535).contains(p) else { throw refuse("the port is not a number from 1 to 65535") }
            port = p
        }
        return .ssh(user: user, host: String(host), port: port)
    }
}
