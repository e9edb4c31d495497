import DockerAPI
import Foundation
import LabFixtures
import XCTest

/// The lab's TLS listeners (`scripts/lab env --tls`: each engine on tcp://ADDR:2376 with
/// --tlsverify, the lab's client certificate in DOCKER_CERT_PATH), and the tools the TLS tests
/// use against them: openssl for certificates of their own, a plain TCP relay in python3.
enum LabTLS {
    /// The package root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The variables `scripts/lab env --tls` prints (DOCKER_HOST, DOCKER_TLS_VERIFY,
    /// DOCKER_CERT_PATH, SWARMTOP_NODE_HOSTS).
    static func environment() throws -> [String: String] {
        let out = try run(root.appendingPathComponent("scripts/lab").path, ["env", "--tls"])
        var env: [String: String] = [:]
        for line in out.split(separator: "\n") where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
            if pair.count == 2 { env[String(pair[0])] = String(pair[1]) }
        }
        guard let host = env["DOCKER_HOST"], host.hasPrefix("tcp://"), env["DOCKER_CERT_PATH"] != nil else {
            throw Lab.Missing(description: "scripts/lab env --tls printed no TLS endpoint: \(out)")
        }
        guard FileManager.default.fileExists(atPath: env["DOCKER_CERT_PATH"]! + "/cert.pem") else {
            throw Lab.Missing(description: "the lab has no TLS certificates: run scripts/lab up (restart-node N adds TLS to a lab started before)")
        }
        return env
    }

    /// The manager's TLS endpoint, as swarmtop reads the lab's TLS environment.
    static func manager() throws -> DockerEndpoint {
        try DockerEndpoint.fromEnvironment(environment())
    }

    /// `host:port` of the manager's TLS listener.
    static func managerAddress() throws -> String {
        guard case .tcp(let host, let port) = try manager().address else { throw Lab.Missing(description: "not tcp") }
        return "\(host):\(port)"
    }

    /// A fresh temporary directory, removed when `test` ends.
    static func temporaryDirectory(_ test: XCTestCase) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("h-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.path
    }

    /// A CA of the test's own in `dir` (ca.pem, ca-key.pem), made with openssl.
    static func makeCA(in dir: String) throws {
        try run("/usr/bin/openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                     "-days", "2", "-subj", "/CN=not the lab CA", "-keyout", dir + "/ca-key.pem", "-out", dir + "/ca.pem"])
    }

    /// A client certificate (cert.pem, key.pem) in `dir`, signed by the CA in `dir`.
    static func makeClientCertificate(in dir: String) throws {
        try run("/usr/bin/openssl", ["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                     "-subj", "/CN=client", "-keyout", dir + "/key.pem", "-out", dir + "/req.csr"])
        try "extendedKeyUsage=clientAuth\n".write(toFile: dir + "/ext.cnf", atomically: true, encoding: .utf8)
        try run("/usr/bin/openssl", ["x509", "-req", "-in", dir + "/req.csr", "-CA", dir + "/ca.pem", "-CAkey", dir + "/ca-key.pem",
                                     "-set_serial", "7", "-days", "2", "-extfile", dir + "/ext.cnf", "-out", dir + "/cert.pem"])
    }

    /// A server certificate for IP 127.0.0.1 (server-cert.pem, server-key.pem) in `dir`, signed by
    /// the CA in `dir`, valid from `start` to `end` (openssl's `YYYYMMDDHHMMSSZ`; `openssl ca`
    /// takes any dates, the past included).
    static func makeServerCertificate(in dir: String, start: String, end: String) throws {
        try run("/usr/bin/openssl", ["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                     "-subj", "/CN=server", "-keyout", dir + "/server-key.pem", "-out", dir + "/server.csr"])
        let config = """
            [ca]
            default_ca = test
            [test]
            database = \(dir)/index.txt
            new_certs_dir = \(dir)
            serial = \(dir)/serial
            default_md = sha256
            policy = any
            [any]
            commonName = supplied
            [server]
            subjectAltName = IP:127.0.0.1
            extendedKeyUsage = serverAuth
            """
        try config.write(toFile: dir + "/ca.cnf", atomically: true, encoding: .utf8)
        try "".write(toFile: dir + "/index.txt", atomically: true, encoding: .utf8)
        try "01\n".write(toFile: dir + "/serial", atomically: true, encoding: .utf8)
        try run("/usr/bin/openssl", ["ca", "-batch", "-config", dir + "/ca.cnf", "-cert", dir + "/ca.pem", "-keyfile", dir + "/ca-key.pem",
                                     "-in", dir + "/server.csr", "-out", dir + "/server-cert.pem", "-startdate", start, "-enddate", end,
                                     "-extensions", "server", "-notext"])
    }

    /// `openssl s_server` on 127.0.0.1 with the server certificate of `dir`, stopped when `test`
    /// ends; returns its port.
    static func tlsServer(certificateIn dir: String, _ test: XCTestCase) throws -> Int {
        try start("/usr/bin/openssl", ["s_server", "-accept", "127.0.0.1:0", "-cert", dir + "/server-cert.pem",
                                       "-key", dir + "/server-key.pem", "-www"], test) { line in
            line.hasPrefix("ACCEPT ") ? line.split(separator: ":").last.flatMap { Int($0) } : nil
        }
    }

    /// Copies `names` from the lab's client certificate directory into `dir`.
    static func copyLabFiles(_ names: [String], to dir: String) throws {
        let from = try environment()["DOCKER_CERT_PATH"]!
        for name in names { try FileManager.default.copyItem(atPath: from + "/" + name, toPath: dir + "/" + name) }
    }

    /// A plain TCP relay on 127.0.0.1 (python3) to `target` (`/path` of a unix socket or
    /// `host:port`), stopped when `test` ends; returns its port. Bytes pass through untouched, so
    /// the engine behind it answers as itself: plain HTTP from a unix socket, TLS from a TLS port.
    static func relay(to target: String, _ test: XCTestCase) throws -> Int {
        let script = """
            import socket, sys, threading
            target = sys.argv[1]
            server = socket.socket(); server.bind(("127.0.0.1", 0)); server.listen(16)
            print(server.getsockname()[1], flush=True)
            def pump(a, b):
                try:
                    while True:
                        data = a.recv(65536)
                        if not data: break
                        b.sendall(data)
                except OSError: pass
                try: b.shutdown(socket.SHUT_WR)
                except OSError: pass
            while True:
                client, _ = server.accept()
                if target.startswith("/"):
                    upstream = socket.socket(socket.AF_UNIX); upstream.connect(target)
                else:
                    host, port = target.rsplit(":", 1); upstream = socket.create_connection((host, int(port)))
                for a, b in ((client, upstream), (upstream, client)):
                    threading.Thread(target=pump, args=(a, b), daemon=True).start()
            """
        return try start("/usr/bin/env", ["python3", "-c", script, target], test) { Int($0) }
    }

    /// Starts a server of the test's own, stopped when `test` ends, and returns the port that
    /// `port` reads from one of the first lines it prints.
    private static func start(_ executable: String, _ args: [String], _ test: XCTestCase, port: (String) -> Int?) throws -> Int {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        // SIGKILL: the test runner blocks SIGTERM, and the server inherits its signal mask. Not
        // waited for: waitUntilExit can hang in an async test (it did in FailoverLab).
        test.addTeardownBlock { kill(p.processIdentifier, SIGKILL) }
        var text = ""
        while true {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { throw Lab.Missing(description: "\(executable) \(args.first ?? "") printed no port: \(text)") }
            text += String(decoding: chunk, as: UTF8.self)
            for line in text.split(separator: "\n") {
                if let found = port(line.trimmingCharacters(in: .whitespaces)) { return found }
            }
        }
    }

    /// Runs `executable` with `args`; returns stdout. Throws with its stderr when it fails.
    @discardableResult
    static func run(_ executable: String, _ args: [String]) throws -> String {
        try ChildProcess.output(executable, args)
    }
}
