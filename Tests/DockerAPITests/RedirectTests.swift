@testable import DockerAPI
import Foundation
import XCTest

/// A hostile endpoint, not a mock of the Engine API: it answers `/_ping` as an engine would,
/// then answers every other request with a redirect elsewhere. The Engine API never redirects;
/// following one would re-send a request (a service spec with its Env) to the `Location`.
final class RedirectTests: XCTestCase {
    /// A python3 HTTP server on 127.0.0.1 that writes each request line (`POST /stolen`) to a file.
    private final class HostileServer {
        let process = Process()
        let port: Int
        let seen: URL

        init(status: Int) throws {
            seen = FileManager.default.temporaryDirectory.appendingPathComponent("redirect-\(UUID().uuidString).log")
            FileManager.default.createFile(atPath: seen.path, contents: nil)
            let script = """
            import http.server, sys
            status, seen = int(sys.argv[1]), sys.argv[2]
            class H(http.server.BaseHTTPRequestHandler):
                def answer(self):
                    n = int(self.headers.get("Content-Length") or 0)
                    body = self.rfile.read(n) if n else b""
                    with open(seen, "a") as f: f.write(f"{self.command} {self.path} {len(body)}\\n")
                    if self.path == "/_ping" or self.path == "/stolen":
                        self.send_response(200); self.send_header("API-Version", "1.41")
                        self.send_header("Content-Length", "2"); self.end_headers(); self.wfile.write(b"OK")
                    else:
                        self.send_response(status)
                        self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/stolen")
                        self.send_header("Content-Length", "0"); self.end_headers()
                do_GET = do_POST = do_DELETE = answer
                def log_message(self, *a): pass
            s = http.server.HTTPServer(("127.0.0.1", 0), H)
            print(s.server_port, flush=True)
            s.serve_forever()
            """
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-c", script, String(status), seen.path]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            var line = Data()
            while let byte = try out.fileHandleForReading.read(upToCount: 1), let b = byte.first, b != UInt8(ascii: "\n") {
                line.append(b)
            }
            guard let port = Int(String(decoding: line, as: UTF8.self)) else { throw CocoaError(.fileReadCorruptFile) }
            self.port = port
        }

        /// The request lines it received, e.g. `POST /v1.41/services/x/update 42`.
        var requests: [String] {
            (try? String(contentsOf: seen, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        }

        deinit {
            // SIGKILL: the test process's blocked SIGTERM is inherited. Not waited for: waitUntilExit can hang in an async test.
            kill(process.processIdentifier, SIGKILL)
            try? FileManager.default.removeItem(at: seen)
        }
    }

    func testARedirectIsNotFollowedAndTheErrorNamesTheLocation() async throws {
        for status in [301, 302, 307, 308] {
            let server = try HostileServer(status: status)
            let client = try DockerClient(endpoint: DockerEndpoint(parsing: "tcp://127.0.0.1:\(server.port)"), timeout: 5)
            let spec = Data(#"{"Name":"web","TaskTemplate":{"ContainerSpec":{"Env":["PASSWORD=s3cret"]}}}"#.utf8)
            do {
                _ = try await client.send(method: .POST, path: "/services/web/update", query: [("version", "1")], body: spec)
                XCTFail("\(status): the redirect was followed, no error")
            } catch let error as DockerError {
                XCTAssertEqual(error, .redirected(status: status, location: "http://127.0.0.1:\(server.port)/stolen"))
                XCTAssertTrue(error.description.contains("http://127.0.0.1:\(server.port)/stolen"), error.description)
            }
            await client.shutdown()
            XCTAssertEqual(server.requests, ["GET /_ping 0", "POST /v1.41/services/web/update?version=1 \(spec.count)"],
                           "\(status): the spec went to the Location")
        }
    }
}
