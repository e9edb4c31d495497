import DockerAPI
import Foundation
import LabFixtures
import XCTest

/// Scaling edits the raw spec captured from `GET /services/lab_web` and nothing else.
final class ServiceSpecEditorTests: XCTestCase {
    func testSetReplicasChangesOnlyTheReplicaCount() throws {
        let body = try LabFixtures.data("service-inspect-web.json")
        let (index, spec) = try ServiceSpecEditor.versionAndSpec(body, path: "/services/lab_web")
        XCTAssertGreaterThan(index, 0)
        var edited = spec
        try ServiceSpecEditor.setReplicas(&edited, 6)
        let mode = try XCTUnwrap(edited["Mode"] as? [String: Any])
        XCTAssertEqual((mode["Replicated"] as? [String: Any])?["Replicas"] as? UInt64, 6)
        edited["Mode"] = spec["Mode"]
        XCTAssertEqual(NSDictionary(dictionary: edited), NSDictionary(dictionary: spec))
        // The edited spec still serialises, with every original key present.
        let data = try JSONSerialization.data(withJSONObject: edited)
        let back = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(Set(back.keys), Set(spec.keys))
    }

    func testForceUpdateAtTheLargestCountWrapsAsDockerServiceUpdateForceDoes() throws {
        // Any API user can set ForceUpdate to the largest uint64; `F` then restarts the service.
        let captured = String(decoding: try LabFixtures.data("service-inspect-web.json"), as: UTF8.self)
        for (value, next) in [("18446744073709551615", UInt64(0)), ("-1", 0), ("41", 42)] {
            let body = captured.replacingOccurrences(of: "\"ForceUpdate\": 0", with: "\"ForceUpdate\": \(value)")
            XCTAssertNotEqual(body, captured)
            var (_, spec) = try ServiceSpecEditor.versionAndSpec(Data(body.utf8), path: "/services/lab_web")
            ServiceSpecEditor.forceUpdate(&spec)
            XCTAssertEqual((spec["TaskTemplate"] as? [String: Any])?["ForceUpdate"] as? UInt64, next, value)
        }
    }

    func testAGlobalServiceIsRefused() throws {
        let services = try XCTUnwrap(JSONSerialization.jsonObject(with: LabFixtures.data("services.json")) as? [[String: Any]])
        let agent = try XCTUnwrap(services.first { ($0["Spec"] as? [String: Any])?["Name"] as? String == "lab_agent" })
        var spec = try XCTUnwrap(agent["Spec"] as? [String: Any])
        XCTAssertThrowsError(try ServiceSpecEditor.setReplicas(&spec, 3)) {
            XCTAssertEqual($0 as? ServiceSpecEditor.EditError, .notReplicated(mode: "global"))
        }
    }

    func testAnInspectBodyWithoutVersionIsMalformed() {
        XCTAssertThrowsError(try ServiceSpecEditor.versionAndSpec(Data("{\"Spec\":{}}".utf8), path: "/services/x")) {
            guard case DockerError.malformedResponse = $0 else { return XCTFail("\($0)") }
        }
    }

    func testOutOfSequenceIsRecognised() {
        XCTAssertTrue(ServiceSpecEditor.isOutOfSequence(.api(status: 500, message: "rpc error: code = Unknown desc = update out of sequence")))
        XCTAssertFalse(ServiceSpecEditor.isOutOfSequence(.api(status: 500, message: "other")))
    }

    func testAReplicatedJobIsScaledByItsCompletions() throws {
        var spec: [String: Any] = ["Name": "migrate", "Mode": ["ReplicatedJob": ["MaxConcurrent": 2, "TotalCompletions": 3]]]
        XCTAssertEqual(ServiceSpecEditor.replicas(spec), 3)
        try ServiceSpecEditor.setReplicas(&spec, 5)
        let job = try XCTUnwrap((spec["Mode"] as? [String: Any])?["ReplicatedJob"] as? [String: Any])
        XCTAssertEqual(job["TotalCompletions"] as? UInt64, 5)
        XCTAssertEqual(job["MaxConcurrent"] as? Int, 2)
        var globalJob: [String: Any] = ["Mode": ["GlobalJob": [String: Any]()]]
        XCTAssertNil(ServiceSpecEditor.replicas(globalJob))
        XCTAssertThrowsError(try ServiceSpecEditor.setReplicas(&globalJob, 1)) {
            XCTAssertEqual($0 as? ServiceSpecEditor.EditError, .notReplicated(mode: "global job"))
        }
    }

    func testLabelsAndForceUpdateTouchOnlyTheirField() throws {
        let (_, spec) = try ServiceSpecEditor.versionAndSpec(LabFixtures.data("service-inspect-web.json"), path: "/services/lab_web")
        var edited = spec
        ServiceSpecEditor.setLabel(&edited, ServiceSpecEditor.stoppedReplicasLabel, "5")
        XCTAssertEqual(ServiceSpecEditor.label(edited, "swarmtop.replicas"), "5")
        XCTAssertEqual(ServiceSpecEditor.label(edited, "com.docker.stack.namespace"), "lab", "other labels stay")
        ServiceSpecEditor.setLabel(&edited, ServiceSpecEditor.stoppedReplicasLabel, nil)
        XCTAssertEqual(NSDictionary(dictionary: edited), NSDictionary(dictionary: spec))
        ServiceSpecEditor.forceUpdate(&edited)
        ServiceSpecEditor.forceUpdate(&edited)
        XCTAssertEqual((edited["TaskTemplate"] as? [String: Any])?["ForceUpdate"] as? UInt64, 2)
        var template = try XCTUnwrap(edited["TaskTemplate"] as? [String: Any])
        template["ForceUpdate"] = (spec["TaskTemplate"] as? [String: Any])?["ForceUpdate"]
        edited["TaskTemplate"] = template
        XCTAssertEqual(NSDictionary(dictionary: edited), NSDictionary(dictionary: spec))
    }

    /// A scale applies only to the count its dialog showed; another count is refused, saying so,
    /// and the spec is left as it was.
    func testAScaleFromAnotherCountIsRefused() throws {
        let (_, spec) = try ServiceSpecEditor.versionAndSpec(LabFixtures.data("service-inspect-web.json"), path: "/services/lab_web")
        let current = try XCTUnwrap(ServiceSpecEditor.replicas(spec))
        var edited = spec
        XCTAssertThrowsError(try ServiceSpecEditor.scale(&edited, from: current + 1, to: 9)) { error in
            XCTAssertEqual(error as? ServiceSpecEditor.EditError,
                           .changed("lab_web has \(current) replicas now, not \(current + 1) as the dialog showed"))
        }
        XCTAssertEqual(NSDictionary(dictionary: edited), NSDictionary(dictionary: spec))
        try ServiceSpecEditor.scale(&edited, from: current, to: 9)
        XCTAssertEqual(ServiceSpecEditor.replicas(edited), 9)
    }
}
