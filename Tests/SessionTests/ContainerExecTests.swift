import XCTest
import Dashboard
import DockerAPI
@testable import Session

/// What `e` hands the terminal: the docker CLI's path, arguments and environment, when it waits
/// for a key, and what the status line says for each outcome.
final class ContainerExecTests: XCTestCase {
    private let endpoint = DockerEndpoint(address: .unix(path: "/run/swarmtop-lab/node2.sock"))
    private let environment = ["PATH": "/nonexistent:/usr/local/bin:/usr/bin:/bin", "DOCKER_HOST": "tcp://elsewhere:2375", "HOME": "/root"]

    private func request(_ words: String...) -> ExecRequest {
        ExecRequest(hostname: "node2", containerID: "c0ffee", name: "lab_web.1.x", command: words)
    }

    func testWithoutADockerCLIOnPathItSaysSoAndRunsNothing() async {
        let ran = Box(false)
        let (message, isError) = await ContainerExec.run(request("sh"), endpoint: endpoint, environment: ["PATH": "/nonexistent"]) { _, _, _, _ in
            ran.value = true
            return 0
        }
        XCTAssertEqual(message, "exec sh in lab_web.1.x on node2: no docker CLI on PATH; exec runs docker --host unix:///run/swarmtop-lab/node2.sock exec -it, so it needs the docker CLI")
        XCTAssertTrue(isError)
        XCTAssertFalse(ran.value)
    }

    func testTheCLIGetsTheNodesEndpointAndAShellReturnsAtOnce() async throws {
        let docker = try XCTUnwrap(DockerExecCommand.executable(path: environment["PATH"]), "the docker CLI is on this machine")
        let seen = Box<(String, [String], [String], String?, String?)?>(nil)
        let (message, isError) = await ContainerExec.run(request("sh"), endpoint: endpoint, environment: environment) { executable, arguments, env, pause in
            seen.value = (executable, arguments, env, pause(0), pause(1))
            return 0
        }
        let (executable, arguments, env, afterSuccess, afterFailure) = try XCTUnwrap(seen.value)
        XCTAssertEqual(executable, docker)
        XCTAssertEqual(arguments, ["--host", "unix:///run/swarmtop-lab/node2.sock", "exec", "-it", "c0ffee", "sh"])
        XCTAssertEqual(env, ["HOME=/root", "PATH=/nonexistent:/usr/local/bin:/usr/bin:/bin"])
        XCTAssertNil(afterSuccess)
        XCTAssertEqual(afterFailure, "[exit status 1; press any key to return to swarmtop]")
        XCTAssertEqual(message, "exec sh in lab_web.1.x on node2: exit status 0 (through unix:///run/swarmtop-lab/node2.sock)")
        XCTAssertFalse(isError)
    }

    func testAnotherCommandWaitsForAKeyAndAFailureIsAnError() async {
        let pauses = Box<String?>(nil)
        let (message, isError) = await ContainerExec.run(request("nosuch"), endpoint: endpoint, environment: environment) { _, _, _, pause in
            pauses.value = pause(0)
            return 127
        }
        XCTAssertEqual(pauses.value, "[exit status 0; press any key to return to swarmtop]")
        XCTAssertEqual(message, "exec nosuch in lab_web.1.x on node2: exit status 127 (the command is not found in the container) (through unix:///run/swarmtop-lab/node2.sock)")
        XCTAssertTrue(isError)
    }

    func testACLIThatCannotStartIsAnError() async {
        struct Refused: Error, CustomStringConvertible { var description: String { "cannot run /usr/local/bin/docker: Permission denied" } }
        let (message, isError) = await ContainerExec.run(request("sh"), endpoint: endpoint, environment: environment) { _, _, _, _ in throw Refused() }
        XCTAssertEqual(message, "exec sh in lab_web.1.x on node2 failed: cannot run /usr/local/bin/docker: Permission denied")
        XCTAssertTrue(isError)
    }
}

/// What a stand-in for the terminal saw (each test's calls run one after another).
private final class Box<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
