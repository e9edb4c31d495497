import DockerAPI
import Foundation
import Settings
import XCTest

/// Several managers to fail over to: `--host` given again, or a list as the config file's `host`.
final class ManagerHostsTests: XCTestCase {
    private let home = NSTemporaryDirectory() + "swarmtop-hosts-\(UUID().uuidString)"
    private var environment: [String: String] { ["HOME": home, "DOCKER_CONFIG": home + "/.docker"] }

    private func endpoints(flags: ConfigLayer, environment extra: [String: String] = [:], file: ConfigLayer? = nil) throws -> EffectiveSettings.Endpoints {
        let env = environment.merging(extra) { a, _ in a }
        let config = Configuration.resolve(flags: flags, environment: env, file: file, filePath: home + "/config.toml")
        return try EffectiveSettings.endpoints(config, environment: env)
    }

    func testTheFirstHostIsTheManagerAndTheOthersAreToFailOverTo() throws {
        let got = try endpoints(flags: ConfigLayer(host: "unix:///run/swarmtop1-lab/node1.sock",
                                                   managerHosts: ["unix:///run/swarmtop1-lab/node2.sock", "tcp://10.213.1.13:2375"]),
                                environment: ["DOCKER_HOST": "unix:///elsewhere.sock"])
        XCTAssertEqual(got.manager.description, "unix:///run/swarmtop1-lab/node1.sock")
        XCTAssertEqual(got.otherManagers.map(\.description), ["unix:///run/swarmtop1-lab/node2.sock", "tcp://10.213.1.13:2375"])
    }

    func testTheConfigFileTakesAListOfManagersUnlessAFlagOrDockerHostNamesOne() throws {
        let file = try ConfigFile.parse("""
            host = ["unix:///run/m1.sock", "unix:///run/m2.sock"]
            """, path: home + "/config.toml")
        XCTAssertEqual(file.host, "unix:///run/m1.sock")
        XCTAssertEqual(file.managerHosts, ["unix:///run/m2.sock"])
        XCTAssertEqual(try endpoints(flags: ConfigLayer(), file: file).otherManagers.map(\.description), ["unix:///run/m2.sock"])
        XCTAssertEqual(try endpoints(flags: ConfigLayer(), environment: ["DOCKER_HOST": "unix:///run/x.sock"], file: file).otherManagers, [])
        XCTAssertEqual(try endpoints(flags: ConfigLayer(host: "unix:///run/y.sock"), file: file).otherManagers, [])
        XCTAssertThrowsError(try ConfigFile.parse("host = [\"unix:///run/m1.sock\", 3]", path: home + "/config.toml")) { error in
            XCTAssertTrue("\(error)".contains("host must be a URL or a list of the managers' URLs"), "\(error)")
        }
    }

    func testThePrintedConfigListsEveryManagerAndParsesBack() throws {
        let config = Configuration.resolve(flags: ConfigLayer(host: "unix:///run/m1.sock", managerHosts: ["ssh://ops@m2"]),
                                           environment: [:], file: nil, filePath: home + "/config.toml")
        XCTAssertTrue(config.printed.contains("host = [\"unix:///run/m1.sock\", \"ssh://ops@m2\"]"), config.printed)
        let layer = try ConfigFile.parse(config.printed, path: "printed")
        XCTAssertEqual(layer.host, "unix:///run/m1.sock")
        XCTAssertEqual(layer.managerHosts, ["ssh://ops@m2"])
    }

    func testABadFurtherHostIsRefusedNamingTheFlag() {
        XCTAssertThrowsError(try endpoints(flags: ConfigLayer(host: "unix:///run/m1.sock", managerHosts: ["bogus://x"]))) { error in
            XCTAssertTrue("\(error)".contains("(from flag --host)") && "\(error)".contains("bogus://x"), "\(error)")
        }
    }
}
