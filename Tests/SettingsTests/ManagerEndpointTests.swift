import DockerAPI
import Foundation
import LabFixtures
import Settings
import XCTest

/// The manager's endpoint chosen as the docker CLI chooses it: every combination of `--context`,
/// `--host`, `DOCKER_HOST`, `DOCKER_CONTEXT` and `currentContext`, on contexts the real
/// `docker context create` wrote, compared with what `docker context inspect` says it would use.
final class ManagerEndpointTests: XCTestCase {
    private var home = ""
    private var config: String { home + "/.docker" }

    override func setUpWithError() throws {
        home = NSTemporaryDirectory() + "swarmtop-home-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        let certs = try TestCertificates.make(in: home + "/certs")
        for (name, endpoint) in [("ctxflag", "host=unix:///run/flag.sock"), ("ctxcurrent", "host=tcp://10.9.9.9:2375"),
                               ("ctxssh", "host=ssh://ops@far:2222"),
                               ("ctxtls", "host=tcp://10.9.9.8:2376,ca=\(certs)/ca.pem,cert=\(certs)/cert.pem,key=\(certs)/key.pem,skip-tls-verify=true")] {
            try docker(["context", "create", name, "--docker", endpoint])
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: home)
    }

    @discardableResult
    private func docker(_ args: [String], _ env: [String: String] = [:]) throws -> String {
        try DockerCLI.run(args, config: config, environment: env.merging(["HOME": home]) { a, _ in a })
    }

    /// swarmtop's resolution with these flags and this environment (no config file).
    private func resolve(context: String?, host: String?, _ env: [String: String]) throws -> ManagerEndpoint {
        let environment = env.merging(["HOME": home, "DOCKER_CONFIG": config]) { a, _ in a }
        let settings = Configuration.resolve(flags: ConfigLayer(host: host, context: context), environment: environment,
                                             file: nil, filePath: home + "/config.toml")
        return try ManagerEndpoint.resolve(settings, environment: environment, store: DockerContextStore(environment: environment))
    }

    func testEveryCombinationMatchesTheDockerCLI() throws {
        var rows = 0
        for useCurrent in [false, true] {
            if useCurrent { try docker(["context", "use", "ctxcurrent"]) }
            for contextFlag in [nil, "ctxflag", "default", "ctxssh"] {
                for hostFlag in [nil, "10.1.1.1:2375"] {
                    for dockerHost in [nil, "unix:///run/env-host.sock"] {
                        for dockerContext in [nil, "ctxtls"] {
                            var env: [String: String] = [:]
                            env["DOCKER_HOST"] = dockerHost
                            env["DOCKER_CONTEXT"] = dockerContext
                            let flags = (contextFlag.map { ["--context", $0] } ?? []) + (hostFlag.map { ["--host", $0] } ?? [])
                            let row = "flags \(flags) env \(env) current \(useCurrent)"
                            let cli = Result {
                                try docker(flags + ["context", "inspect", "--format",
                                                    "{{.Name}}|{{.Endpoints.docker.Host}}|{{.Endpoints.docker.SkipTLSVerify}}|{{if .TLSMaterial.docker}}{{.Storage.TLSPath}}/docker{{end}}"], env)
                            }
                            let ours = Result { try resolve(context: contextFlag, host: hostFlag, env) }
                            rows += 1
                            switch (cli, ours) {
                            case (.success(let line), .success(let resolved)):
                                let name = resolved.origin.contextName ?? "default"
                                let tlsPath = resolved.endpoint.tls.map { String(($0.caFile ?? "").dropLast("/ca.pem".count)) } ?? ""
                                let skip = resolved.endpoint.tls.map { !$0.verify } ?? false
                                XCTAssertEqual("\(name)|\(resolved.endpoint)|\(skip)|\(tlsPath)", line, row)
                            case (.failure(let error), .failure(let mine)):
                                XCTAssertTrue("\(error)".contains("conflicting options"), "\(row): \(error)")
                                XCTAssertEqual("\(mine)", "conflicting options: cannot specify both --host and --context", row)
                            default:
                                XCTFail("\(row): docker says \(cli), swarmtop \(ours)")
                            }
                        }
                    }
                }
            }
        }
        XCTAssertEqual(rows, 64)
    }

    func testTheSourceIsNamed() throws {
        XCTAssertEqual(try resolve(context: nil, host: nil, [:]).origin.description, "default socket")
        XCTAssertEqual(try resolve(context: nil, host: nil, ["DOCKER_HOST": "unix:///x.sock"]).origin.short, "DOCKER_HOST")
        XCTAssertEqual(try resolve(context: nil, host: "tcp://h:1", [:]).origin.short, "--host")
        XCTAssertEqual(try resolve(context: "ctxflag", host: nil, [:]).origin.description, "context ctxflag (flag --context)")
        try docker(["context", "use", "ctxcurrent"])
        let current = try resolve(context: nil, host: nil, [:])
        XCTAssertEqual(current.origin.description, "context ctxcurrent (current context in ~/.docker/config.json)")
        XCTAssertEqual(current.origin.short, "context ctxcurrent")
    }

    /// swarmtop's own config file sits below the environment and above `currentContext`.
    func testTheConfigFileSitsBetweenTheEnvironmentAndTheCurrentContext() throws {
        try docker(["context", "use", "ctxcurrent"])
        let environment = ["HOME": home, "DOCKER_CONFIG": config]
        func origin(_ file: ConfigLayer, _ env: [String: String] = [:]) throws -> EndpointOrigin {
            let env = environment.merging(env) { _, b in b }
            let settings = Configuration.resolve(flags: ConfigLayer(), environment: env, file: file, filePath: "/etc/x.toml")
            return try ManagerEndpoint.resolve(settings, environment: env, store: DockerContextStore(environment: env)).origin
        }
        XCTAssertEqual(try origin(ConfigLayer(context: "ctxflag")), .context("ctxflag", .file("/etc/x.toml")))
        XCTAssertEqual(try origin(ConfigLayer(host: "tcp://h:1")), .host(.file("/etc/x.toml")))
        XCTAssertEqual(try origin(ConfigLayer(host: "tcp://h:1", context: "ctxflag")), .context("ctxflag", .file("/etc/x.toml")))
        XCTAssertEqual(try origin(ConfigLayer(context: "ctxflag"), ["DOCKER_CONTEXT": "ctxssh"]), .context("ctxssh", .environment("DOCKER_CONTEXT")))
    }

    func testAnUnknownContextIsNamedWithItsSource() throws {
        XCTAssertThrowsError(try resolve(context: nil, host: nil, ["DOCKER_CONTEXT": "nope"])) { error in
            XCTAssertEqual("\(error)", "context \"nope\" does not exist: no \(config)/contexts/meta/"
                           + "\(DockerContextStore.directoryName(of: "nope"))/meta.json (docker context ls lists them) "
                           + "(from environment DOCKER_CONTEXT)")
        }
    }
}
