import DockerAPI
import Foundation
import LabFixtures
import XCTest

/// `ssh://` engines on the lab: every node runs an sshd (scripts/lab start_sshd) whose
/// `docker system dial-stdio` reaches that node's engine; `scripts/lab env --ssh` names them and
/// the lab's ssh (its key and known_hosts). The failures use ssh configs made here.
final class SSHIntegrationTests: XCTestCase {
    func testANodeOverSSHListsTheSameContainersAndNegotiatesTheSameVersion() async throws {
        let lab = try LabSSH.load()
        let overSSH = try DockerClient(endpoint: DockerEndpoint(parsing: lab.node1), environment: lab.environment)
        let local = try Lab.node("node1")

        let version = try await overSSH.apiVersion()
        let localVersion = try await local.apiVersion()
        XCTAssertEqual(version, localVersion)
        let ids = Set(try await overSSH.containers(size: false).map(\.id))
        let localIDs = Set(try await local.containers(size: false).map(\.id))
        XCTAssertFalse(ids.isEmpty)
        XCTAssertEqual(ids, localIDs)
        let name = try await overSSH.info().name
        XCTAssertEqual(name, "node1")
        await overSSH.shutdown()
        await local.shutdown()
    }

    func testManyRequestsShareOneSSHProcessAndShutdownEndsIt() async throws {
        let lab = try LabSSH.load()
        let client = try DockerClient(endpoint: DockerEndpoint(parsing: lab.node1), environment: lab.environment)
        let socket = try XCTUnwrap(client.sshDialer).socketPath
        for _ in 0..<20 { _ = try await client.containers(size: false) }
        XCTAssertEqual(client.sshDialer?.processes.started, 1)
        XCTAssertEqual(LabSSH.childSSHProcesses().count, 1, "ssh children of this test: \(LabSSH.childSSHProcesses())")

        await client.shutdown()
        XCTAssertEqual(LabSSH.childSSHProcesses(), [], "ssh processes left after shutdown")
        XCTAssertFalse(FileManager.default.fileExists(atPath: socket))
        XCTAssertFalse(FileManager.default.fileExists(atPath: (socket as NSString).deletingLastPathComponent))
    }

    func testAnUnknownHostKeyIsOneLineAndNoHang() async throws {
        let lab = try LabSSH.load()
        let config = try LabSSH.config(knownHosts: "/dev/null", identity: lab.directory + "/id_ed25519", for: self)
        try await expectFailure(lab.node1, environment: config, saying: "its host key is not in known_hosts")
    }

    func testARefusedKeyIsOneLine() async throws {
        let lab = try LabSSH.load()
        let key = try LabSSH.newKey(for: self)
        let config = try LabSSH.config(knownHosts: lab.directory + "/known_hosts", identity: key, for: self)
        try await expectFailure(lab.node1, environment: config, saying: "Permission denied (publickey)")
    }

    func testAFarSideWithoutDockerIsOneLine() async throws {
        let lab = try LabSSH.load()
        try await expectFailure(lab.noDocker, environment: lab.environment, saying: "no docker command on root@10.213.0.11")
    }

    func testNoSSHClientIsOneLine() async throws {
        let lab = try LabSSH.load()
        try await expectFailure(lab.node1, environment: ["PATH": "/nonexistent"], saying: "no ssh command on PATH")
    }

    /// A `/_ping` over `url` fails within a few seconds with one line containing `words`.
    private func expectFailure(_ url: String, environment: [String: String], saying words: String,
                               file: StaticString = #filePath, line: UInt = #line) async throws {
        let client = try DockerClient(endpoint: DockerEndpoint(parsing: url), timeout: 20, environment: environment)
        let started = ContinuousClock.now
        do {
            _ = try await client.apiVersion()
            XCTFail("\(url) answered", file: file, line: line)
        } catch {
            let text = String(describing: error)
            XCTAssertTrue(text.contains(words), "got: \(text)", file: file, line: line)
            XCTAssertFalse(text.contains("\n"), "not one line: \(text)", file: file, line: line)
            XCTAssertTrue(text.hasPrefix("cannot reach \(url): "), text, file: file, line: line)
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(8), "took too long", file: file, line: line)
        await client.shutdown()
    }
}

/// What `scripts/lab env --ssh` says, and ssh configs and keys made for one test.
struct LabSSH {
    /// `ssh://root@<node1 addr>` and node1's sshd without docker.
    var node1: String
    var noDocker: String
    /// The lab's ssh directory (keys, known_hosts, config, bin/ssh).
    var directory: String
    /// This process's environment with the lab's bin/ssh first on PATH.
    var environment: [String: String]

    static func load() throws -> LabSSH {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try ChildProcess.run(root.appendingPathComponent("scripts/lab").path, ["env", "--ssh"])
        let text = result.out
        var vars: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("export ") {
            let assignment = line.dropFirst("export ".count).split(separator: " ").first ?? ""
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { vars[parts[0]] = parts[1] }
        }
        guard result.status == 0, let path = vars["PATH"], let bin = path.split(separator: ":").first,
              let node1 = vars["DOCKER_HOST"], let noDocker = vars["SWARMTOP_LAB_SSH_NO_DOCKER"] else {
            throw Lab.Missing(description: "scripts/lab env --ssh did not name the lab's sshd (run scripts/lab up): \(text)")
        }
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = bin + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        return LabSSH(node1: node1, noDocker: noDocker, directory: (String(bin) as NSString).deletingLastPathComponent, environment: env)
    }

    /// An environment whose PATH leads to an `ssh` that uses only this config (never ~/.ssh),
    /// without an agent.
    static func config(knownHosts: String, identity: String, for test: XCTestCase) throws -> [String: String] {
        let dir = try temporaryDirectory(for: test)
        try """
        Host *
          IdentityFile \(identity)
          IdentitiesOnly yes
          UserKnownHostsFile \(knownHosts)
          GlobalKnownHostsFile /dev/null
        """.write(toFile: dir + "/config", atomically: true, encoding: .utf8)
        try "#!/bin/sh\nexec /usr/bin/ssh -F \(dir)/config \"$@\"\n".write(toFile: dir + "/ssh", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir + "/ssh")
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = dir + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["SSH_AUTH_SOCK"] = nil
        return env
    }

    /// A fresh ed25519 key that no lab sshd accepts; returns its path.
    static func newKey(for test: XCTestCase) throws -> String {
        let path = try temporaryDirectory(for: test) + "/id_ed25519"
        _ = try ChildProcess.output("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path])
        return path
    }

    /// A new directory, removed when `test` ends.
    private static func temporaryDirectory(for test: XCTestCase) throws -> String {
        let dir = NSTemporaryDirectory() + "h-ssh-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    /// Command lines of the `ssh … dial-stdio` processes whose parent is this test process.
    static func childSSHProcesses() -> [String] {
        let me = String(getpid())
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return pids.compactMap { pid -> String? in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, fields[1] == me,
                  let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let cmd = String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
            return cmd.contains("dial-stdio") ? cmd : nil
        }
    }
}
