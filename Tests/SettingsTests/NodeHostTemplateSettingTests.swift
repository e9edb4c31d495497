import Dashboard
@testable import Settings
import XCTest

/// `--node-host-template`, `SWARMTOP_NODE_HOST_TEMPLATE` and `node_host_template`.
final class NodeHostTemplateSettingTests: XCTestCase {
    private let path = "/home/u/.config/swarmtop/config.toml"

    func testFlagOverEnvironmentOverFile() {
        let env = ["SWARMTOP_NODE_HOST_TEMPLATE": "tcp://{addr}:2376"]
        let file = ConfigLayer(nodeHostTemplate: "ssh://file@{hostname}")
        let flag = Configuration.resolve(flags: ConfigLayer(nodeHostTemplate: "unix:///run/{hostname}.sock"), environment: env,
                                         file: file, filePath: path)
        XCTAssertEqual(flag.nodeHostTemplate.value, "unix:///run/{hostname}.sock")
        XCTAssertEqual(flag.nodeHostTemplate.source, .flag("--node-host-template"))
        let fromEnv = Configuration.resolve(flags: ConfigLayer(), environment: env, file: file, filePath: path)
        XCTAssertEqual(fromEnv.nodeHostTemplate.source, .environment("SWARMTOP_NODE_HOST_TEMPLATE"))
        let fromFile = Configuration.resolve(flags: ConfigLayer(), environment: [:], file: file, filePath: path)
        XCTAssertEqual(fromFile.nodeHostTemplate.value, "ssh://file@{hostname}")
        XCTAssertNil(Configuration.resolve(flags: ConfigLayer(), environment: [:], file: nil, filePath: path).nodeHostTemplate.value)
    }

    func testTheFileKeyIsReadAndPrintedBack() throws {
        let layer = try ConfigFile.parse("node_host_template = \"tcp://{addr}:2376\"\n", path: path)
        XCTAssertEqual(layer.nodeHostTemplate, "tcp://{addr}:2376")
        let config = Configuration.resolve(flags: ConfigLayer(), environment: [:], file: layer, filePath: path)
        XCTAssertTrue(config.printed.replacingOccurrences(of: #" +"#, with: " ", options: .regularExpression)
            .contains("node_host_template = \"tcp://{addr}:2376\" # config file \(path)"), config.printed)
        XCTAssertEqual(try ConfigFile.parse(config.printed, path: "printed").nodeHostTemplate, "tcp://{addr}:2376")
    }

    func testAMalformedTemplateIsRefusedWithWhereItWasSet() {
        let config = Configuration.resolve(flags: ConfigLayer(nodeHostTemplate: "ssh://ops@{host}"), environment: [:], file: nil, filePath: path)
        XCTAssertThrowsError(try config.validate()) { error in
            XCTAssertEqual("\(error)", "unknown placeholder {host} in node host template \"ssh://ops@{host}\": "
                           + "use {hostname}, {addr} or {id} (from flag --node-host-template)")
        }
        XCTAssertThrowsError(try ConfigFile.parse("theme = \"dark\"\nnode_host_template = \"ftp://{id}\"\n", path: path)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(path):2: node host template \"ftp://{id}\" is not an endpoint"), "\(error)")
        }
    }
}
