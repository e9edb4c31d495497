import Foundation

/// `--node-host-template`: one endpoint pattern for every node's engine, e.g.
/// `ssh://ops@{hostname}`, `tcp://{addr}:2376` or `unix:///run/engines/{id}.sock`.
///
/// Placeholders: `{hostname}` (the node's `Description.Hostname`), `{addr}` (its
/// `Status.Addr`) and `{id}` (its ID). The text around them is kept as written.
public struct NodeHostTemplate: Sendable, Hashable, CustomStringConvertible {
    /// The placeholders a template may hold.
    public static let placeholders = ["hostname", "addr", "id"]

    /// What a node gives the template.
    public struct NodeAddress: Sendable, Hashable {
        /// The node's ID.
        public var id: String
        /// The node's hostname (`Description.Hostname`).
        public var hostname: String
        /// The node's address (`Status.Addr`); nil or empty when the manager does not say.
        public var addr: String?

        public init(id: String, hostname: String, addr: String?) {
            self.id = id
            self.hostname = hostname
            self.addr = addr
        }

        /// A node as the manager lists it. A manager's `Status.Addr` can read `0.0.0.0` (the
        /// engine's documented quirk): then the host of `ManagerStatus.Addr` is used.
        public init(_ node: Node) {
            var addr = node.status?.addr
            if addr == nil || addr == "" || addr == "0.0.0.0", let manager = node.managerStatus?.addr,
               let colon = manager.lastIndex(of: ":") {
                addr = String(manager[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            }
            self.init(id: node.id, hostname: node.hostname, addr: addr)
        }
    }

    /// Why a template or one node's expansion of it is refused.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// One line, e.g. `unknown placeholder {host} in "ssh://{host}": use {hostname}, {addr} or {id}`.
        public let description: String
    }

    /// The template as written.
    public let text: String
    /// TLS files used with `tcp://` and `https://` expansions (taken as for the manager).
    public let tls: DockerEndpoint.TLSFiles?

    /// Checks a template: its braces, its placeholders, and that it expands to an endpoint
    /// (tried with a sample node).
    /// - Parameters:
    ///   - text: e.g. `tcp://{addr}:2376`.
    ///   - tls: TLS files for `tcp://` / `https://` expansions.
    /// - Throws: `Problem` for an unknown placeholder, an unclosed `{`, a stray `}`, or a
    ///   template whose expansion is not an endpoint (the reason `DockerEndpoint` gives).
    public init(_ text: String, tls: DockerEndpoint.TLSFiles? = nil) throws {
        self.text = text
        self.tls = tls
        _ = try pieces()
        let sample = NodeAddress(id: "abc123", hostname: "node1", addr: "10.0.0.1")
        do {
            _ = try endpoint(for: sample)
        } catch let problem as Problem {
            throw Problem(description: "node host template \"\(text)\" is not an endpoint: \(problem.description)")
        }
    }

    /// The node's endpoint.
    /// - Throws: `Problem` when the template needs an address the node has not, or when the
    ///   expansion is not an endpoint (e.g. a hostname with a space), naming the expansion.
    public func endpoint(for node: NodeAddress) throws -> DockerEndpoint {
        var out = ""
        for piece in try pieces() {
            switch piece {
            case .text(let t): out += t
            case .placeholder("hostname"): out += try Self.safe(node.hostname, "hostname")
            case .placeholder("id"): out += try Self.safe(node.id, "ID")
            case .placeholder(_):
                guard let addr = node.addr, !addr.isEmpty else {
                    throw Problem(description: "the manager lists no address (Status.Addr) for this node, which {addr} needs")
                }
                let safe = try Self.safe(addr, "address", extra: ":")
                out += safe.contains(":") ? "[\(safe)]" : safe
            }
        }
        do {
            return try DockerEndpoint(parsing: out, tls: tls)
        } catch let error as DockerError {
            throw Problem(description: error.description)
        }
    }

    public var description: String { text }

    /// `value` when it holds only letters, digits, `.`, `-`, `_` (and `extra`) and does not
    /// start with `-`: a node's hostname is whatever its engine's machine says, and must not
    /// become a path (`../`), another host (`@`, `/`) or an ssh option (`-oProxyCommand=…`).
    /// - Throws: `Problem` naming the value, with its controls escaped.
    static func safe(_ value: String, _ what: String, extra: String = "") throws -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_" + extra)
        guard !value.isEmpty, !value.hasPrefix("-"), value.unicodeScalars.allSatisfy(allowed.contains) else {
            let shown = value.unicodeScalars.map { (0x20...0x7E).contains($0.value) ? String($0) : String(format: "\\u{%X}", $0.value) }.joined()
            throw Problem(description: "the node's \(what) \"\(shown)\" is not used in a node host template: "
                          + "only letters, digits, '.', '-' and '_', not first '-'")
        }
        return value
    }

    private enum Piece: Equatable {
        case text(String)
        case placeholder(String)
    }

    /// The template split into text and placeholders.
    private func pieces() throws -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            guard rest[open] == "{" else {
                throw Problem(description: "a \"}\" without its \"{\" in node host template \"\(text)\"")
            }
            pieces.append(.text(String(rest[..<open])))
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw Problem(description: "a \"{\" without its \"}\" in node host template \"\(text)\"")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard Self.placeholders.contains(name) else {
                throw Problem(description: "unknown placeholder {\(name)} in node host template \"\(text)\": use {hostname}, {addr} or {id}")
            }
            pieces.append(.placeholder(name))
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(.text(String(rest)))
        return pieces
    }
}
