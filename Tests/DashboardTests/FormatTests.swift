import XCTest
@testable import Dashboard
import SwarmState

final class FormatTests: XCTestCase {
    func testHumanSizeMatchesGoUnitsWithThreeDigits() {
        XCTAssertEqual(Format.humanSize(0), "0B")
        XCTAssertEqual(Format.humanSize(999), "999B")
        XCTAssertEqual(Format.humanSize(1000), "1kB")
        XCTAssertEqual(Format.humanSize(32_768), "32.8kB")
        XCTAssertEqual(Format.humanSize(1_200_000), "1.2MB")
        XCTAssertEqual(Format.humanSize(5_242_880), "5.24MB")
        XCTAssertEqual(Format.humanSize(24_600_000_000), "24.6GB")
        XCTAssertEqual(Format.humanSize(3_000_000_000_000), "3TB")
        XCTAssertEqual(Format.humanSize(1_500_000_000_000_000), "1.5PB")
        // %.3g rounds 999.95 up and switches to an exponent, exactly as Go does.
        XCTAssertEqual(Format.humanSize(999_950), "1e+03kB")
    }

    func testContainerSizeIsDockerPsS() {
        XCTAssertEqual(Format.containerSize(sizeRw: 5_240_000, sizeRootFs: 7_230_000), "5.24MB (virtual 7.23MB)")
        XCTAssertEqual(Format.containerSize(sizeRw: 0, sizeRootFs: 7_230_000), "0B (virtual 7.23MB)")
        XCTAssertEqual(Format.containerSize(sizeRw: 32_768, sizeRootFs: 0), "32.8kB")
        XCTAssertEqual(Format.containerSize(sizeRw: 32_768, sizeRootFs: nil), "32.8kB")
        XCTAssertEqual(Format.containerSize(sizeRw: nil, sizeRootFs: 1_987_415), "0B (virtual 1.99MB)", "a zero SizeRw is omitted")
        XCTAssertEqual(Format.containerSize(sizeRw: nil, sizeRootFs: nil), "-")
    }

    func testHumanDurationMatchesGoUnits() {
        let hour = 3600.0, day = 24 * hour
        let cases: [(TimeInterval, String)] = [
            (-5, "Less than a second"), (0.5, "Less than a second"), (1, "1 second"), (1.9, "1 second"),
            (59, "59 seconds"), (60, "About a minute"), (119, "About a minute"), (120, "2 minutes"),
            (3599, "59 minutes"), (hour, "About an hour"), (1.49 * hour, "About an hour"), (1.5 * hour, "2 hours"),
            (47 * hour, "47 hours"), (48 * hour, "2 days"), (13 * day, "13 days"), (14 * day, "2 weeks"),
            (59 * day, "8 weeks"), (60 * day, "2 months"), (729 * day, "24 months"), (730 * day, "2 years"),
            (3000 * day, "8 years"),
        ]
        for (interval, expected) in cases {
            XCTAssertEqual(Format.humanDuration(interval), expected, "\(interval) s")
        }
    }

    func testAgesAsDockerServicePsAndShort() {
        XCTAssertEqual(Format.ago(300), "5 minutes ago")
        XCTAssertEqual(Format.ago(90), "about a minute ago")
        XCTAssertEqual(Format.ago(0), "less than a second ago")
        XCTAssertEqual(Format.shortAgo(12), "12s ago")
        XCTAssertEqual(Format.shortAgo(-3), "0s ago")
        XCTAssertEqual(Format.shortAgo(180), "3m ago")
        XCTAssertEqual(Format.shortAgo(7300), "2h ago")
        XCTAssertEqual(Format.shortAgo(200_000), "2d ago")
    }

    func testPrettyPrintCapitalisesLikeTheDockerCLI() {
        XCTAssertEqual(Format.prettyPrint("running"), "Running")
        XCTAssertEqual(Format.prettyPrint("READY"), "Ready")
        XCTAssertEqual(Format.prettyPrint("x"), "x")
        XCTAssertEqual(Format.prettyPrint(""), "")
    }

    func testImageLosesDigestLikeDockerServiceLs() {
        XCTAssertEqual(Format.image("swarmtop-lab/busybox:1@sha256:0123"), "swarmtop-lab/busybox:1")
        XCTAssertEqual(Format.image("docker.io/library/nginx:1.25@sha256:0123"), "nginx:1.25")
        XCTAssertEqual(Format.image("docker.io/grafana/grafana:10"), "grafana/grafana:10")
        XCTAssertEqual(Format.image("localhost:5000/app:2@sha256:0123"), "localhost:5000/app:2")
        XCTAssertEqual(Format.image("busybox@sha256:0123"), "busybox@sha256:0123")
        XCTAssertEqual(Format.image("localhost:5000/app"), "localhost:5000/app")
    }

    func testContainerImageIsDockerPs() {
        XCTAssertEqual(Format.containerImage("busybox@sha256:0123", imageID: "sha256:9"), "busybox")
        XCTAssertEqual(Format.containerImage("swarmtop-lab/busybox:1@sha256:0123", imageID: nil), "swarmtop-lab/busybox:1")
        XCTAssertEqual(Format.containerImage("sha256:0123456789abcdef0123", imageID: "sha256:0123456789abcdef0123"), "0123456789ab")
        XCTAssertEqual(Format.containerImage("", imageID: nil), "<no image>")
    }

    func testPortsLikeDockerServiceLs() throws {
        func ports(_ json: String) throws -> [Service.PortConfig] {
            try DockerJSON.decode([Service.PortConfig].self, from: Data(json.utf8), path: "ports")
        }
        XCTAssertEqual(Format.ports(try ports(#"[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"}]"#)),
                       "*:8080->80/tcp")
        XCTAssertEqual(Format.ports(try ports(#"[{"Protocol":"tcp","TargetPort":8080,"PublishedPort":4001,"PublishMode":"host"}]"#)), "")
        XCTAssertEqual(Format.ports(try ports("""
            [{"Protocol":"udp","TargetPort":9001,"PublishedPort":9001},{"Protocol":"udp","TargetPort":9000,"PublishedPort":9000},
             {"Protocol":"tcp","TargetPort":443,"PublishedPort":443},{"Protocol":"tcp","TargetPort":80,"PublishedPort":80}]
            """)), "*:80->80/tcp, *:443->443/tcp, *:9000-9001->9000-9001/udp")
        XCTAssertEqual(Format.ports([]), "")
    }

    func testCPUsAndClock() {
        XCTAssertEqual(Format.cpus(4_000_000_000), "4")
        XCTAssertEqual(Format.cpus(500_000_000), "0.5")
        XCTAssertEqual(Format.clock(SampleCluster.refreshedAt, timeZone: SampleCluster.utc), "11:42:05")
        XCTAssertEqual(Format.clock(SampleCluster.refreshedAt, timeZone: .fixed(seconds: 2 * 3600)), "13:42:05")
    }
}
