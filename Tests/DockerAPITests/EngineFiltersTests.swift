@testable import DockerAPI
import Foundation
import XCTest

/// The `filters` query parameter: JSON written by an encoder, so that a value reaches the engine
/// as the characters it holds (a JSON escape in a stack name is not decoded into another name).
final class EngineFiltersTests: XCTestCase {
    /// The filter as the engine decodes it (Go's `map[string]map[string]bool`).
    private func decoded(_ json: String) throws -> [String: [String: Bool]] {
        try JSONDecoder().decode([String: [String: Bool]].self, from: Data(json.utf8))
    }

    func testAJSONEscapeInAStackNameStaysThoseCharacters() throws {
        let json = try EngineFilters.stack(#"pro\u0064"#)
        XCTAssertEqual(try decoded(json), ["label": [#"com.docker.stack.namespace=pro\u0064"#: true]])
        XCTAssertNotEqual(try decoded(json), ["label": ["com.docker.stack.namespace=prod": true]])
    }

    func testQuotesBackslashesAndControlsRoundTrip() throws {
        for name in [#"a"b"#, #"a\"#, #"x":true},"label":{"com.docker.stack.namespace=prod"#, "tab\there", "\u{1b}[2J", "결제"] {
            XCTAssertEqual(try decoded(EngineFilters.stack(name)), ["label": ["com.docker.stack.namespace=\(name)": true]], name)
        }
    }

    func testSeveralFiltersAndValues() throws {
        XCTAssertEqual(try decoded(EngineFilters.json(["label": ["a=1", "b"], "name": ["web"]])),
                       ["label": ["a=1": true, "b": true], "name": ["web": true]])
    }

    /// The query string splits where Go's parser splits (`&`, and `;` which Go 1.17+ refuses):
    /// every such character of a filter is percent-encoded, so the engine reads the filter whole.
    func testTheFilterReachesTheQueryWhole() async throws {
        let client = try DockerClient(endpoint: DockerEndpoint(parsing: "unix:///nonexistent/swarmtop-test.sock"))
        let filter = try EngineFilters.stack("a;b&c=d#e+f%g h")
        let request = try await client.makeRequest(method: .GET, path: "/services", query: [("filters", filter)], versioned: false)
        await client.shutdown()
        let query = try XCTUnwrap(request.url.split(separator: "?", maxSplits: 1).last)
        let pairs = query.split(whereSeparator: { $0 == "&" || $0 == ";" })
        XCTAssertEqual(pairs.count, 1, String(query))
        let value = try XCTUnwrap(pairs.first?.split(separator: "=", maxSplits: 1).last)
        XCTAssertFalse(value.contains("+"), "Go reads + as a space")
        XCTAssertEqual(String(value).removingPercentEncoding, filter)
    }
}
