@testable import DockerAPI
import XCTest

/// ssh's stderr, as captured from the lab's sshd (scripts/lab start_sshd), turned into one line.
final class SSHFailureTests: XCTestCase {
    func testAnUnknownHostKeySaysSo() {
        let line = SSHFailure.reason(stderr: "Host key verification failed.\n", status: .exited(255), destination: "root@10.213.0.11")
        XCTAssertEqual(line, "ssh refused root@10.213.0.11: its host key is not in known_hosts (check it, then add it, e.g. by connecting once with ssh)")
    }

    func testAChangedHostKeyIsNotCalledUnknown() {
        let stderr = """
        @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
        @    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
        @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
        IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!
        Host key for 10.213.0.11 has changed and you have requested strict checking.
        Host key verification failed.

        """
        XCTAssertEqual(SSHFailure.reason(stderr: stderr, status: .exited(255), destination: "10.213.0.11"),
                       "ssh refused 10.213.0.11: its host key differs from the one in known_hosts (Host key verification failed)")
    }

    func testARefusedKeyQuotesSSH() {
        let line = SSHFailure.reason(stderr: "root@10.213.0.11: Permission denied (publickey).\n", status: .exited(255), destination: "root@10.213.0.11")
        XCTAssertEqual(line, "ssh login refused: root@10.213.0.11: Permission denied (publickey). (is your key in the agent or the ssh config?)")
    }

    func testNoDockerOnTheFarSide() {
        let stderr = "/usr/bin/env: 'bash': No such file or directory\nbash: docker: command not found\n"
        XCTAssertEqual(SSHFailure.reason(stderr: stderr, status: .exited(127), destination: "root@10.213.0.11"),
                       "no docker command on root@10.213.0.11 (bash: docker: command not found): `docker system dial-stdio` needs the docker CLI there")
    }

    func testSSHsOwnErrorsAndTheRemoteCommandsAreTold() {
        XCTAssertEqual(SSHFailure.reason(stderr: "ssh: connect to host 10.213.0.11 port 2223: Connection refused\n", status: .exited(255), destination: "h"),
                       "ssh: connect to host 10.213.0.11 port 2223: Connection refused")
        XCTAssertEqual(SSHFailure.reason(stderr: "failed to open the raw stream connection: dial unix /x.sock: connect: no such file or directory\n",
                                         status: .exited(1), destination: "root@h"),
                       "docker system dial-stdio on root@h exited with status 1: failed to open the raw stream connection: dial unix /x.sock: connect: no such file or directory")
        XCTAssertEqual(SSHFailure.reason(stderr: "", status: .signaled(9), destination: "h"), "ssh to h ended by signal 9")
    }

    func testTheFarSidesControlCharactersAreDropped() {
        let line = SSHFailure.reason(stderr: "\u{1b}]0;pwned\u{07}\u{1b}[2Jboom\r\n", status: .exited(2), destination: "h")
        XCTAssertEqual(line, "docker system dial-stdio on h exited with status 2: ]0;pwned[2Jboom")
    }

    func testTheArgumentsAreTheCLIsPlusBatchMode() {
        XCTAssertEqual(SSHDialer.arguments(user: "root", host: "10.213.0.11", port: 2222),
                       ["-l", "root", "-p", "2222", "-o", "ConnectTimeout=30", "-T", "-o", "BatchMode=yes", "--", "10.213.0.11", "docker system dial-stdio"])
        XCTAssertEqual(SSHDialer.arguments(user: nil, host: "-oProxyCommand=x", port: nil),
                       ["-o", "ConnectTimeout=30", "-T", "-o", "BatchMode=yes", "--", "-oProxyCommand=x", "docker system dial-stdio"])
    }
}
