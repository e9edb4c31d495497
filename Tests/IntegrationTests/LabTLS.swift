import DockerAPI
import Foundation
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
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, target]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        // SIGKILL: the test runner blocks SIGTERM, and the relay inherits its signal mask.
        test.addTeardownBlock { kill(p.processIdentifier, SIGKILL); p.waitUntilExit() }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { throw Lab.Missing(description: "the python3 relay did not start") }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Lab.Missing(description: "the python3 relay printed no port")
        }
        return port
    }

    /// Runs `executable` with `args`; returns stdout. Throws with its stderr when it fails.
    @discardableResult
    static func run(_ executable: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Lab.Missing(description: "\(executable) \(args.joined(separator: " ")): \(String(decoding: e, as: UTF8.self))")
        }
        return String(decoding: o, as: UTF8.self)
    }
}
