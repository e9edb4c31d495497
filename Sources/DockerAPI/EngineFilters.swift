import Foundation

/// The `filters` query parameter of the Engine API's list endpoints (`GET /services`,
/// `/networks`, `/secrets`, `/configs`): a JSON object of filter name to accepted values, in the
/// form the docker CLI sends, e.g. `{"label":{"com.docker.stack.namespace=prod":true}}`.
///
/// Written by `JSONEncoder`, never by interpolation: a value holding `"`, `\` or a JSON escape
/// such as `pro\u0064` reaches the engine as those characters, not as `prod`.
public enum EngineFilters {
    /// The JSON text of `filters`.
    /// - Parameter filters: filter name (`label`, `name`, `type`, …) to the values it accepts.
    /// - Throws: `EncodingError` (not expected for strings).
    public static func json(_ filters: [String: [String]]) throws -> String {
        let object = filters.mapValues { Dictionary($0.map { ($0, true) }, uniquingKeysWith: { a, _ in a }) }
        return String(decoding: try JSONEncoder().encode(object), as: UTF8.self)
    }

    /// The JSON text of one filter in the array form the engine also accepts, e.g.
    /// `{"service":["id1","id2"]}`: the same values give the same text (an object's keys have
    /// no order), so a path holding it can name an answer.
    /// - Throws: `EncodingError` (not expected for strings).
    public static func list(_ name: String, _ values: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode([name: values]), as: UTF8.self)
    }

    /// The values of a filter written by `list(_:_:)`; nil when `json` is not one filter of that name.
    public static func values(of name: String, in json: String) -> [String]? {
        (try? JSONDecoder().decode([String: [String]].self, from: Data(json.utf8)))
            .flatMap { $0.count == 1 ? $0[name] : nil }
    }

    /// The filter on a stack's label, `label=com.docker.stack.namespace=<stack>`, as JSON.
    /// - Throws: `EncodingError` (not expected).
    public static func stack(_ stack: String) throws -> String {
        try json(["label": ["\(StackObject.namespaceLabel)=\(stack)"]])
    }
}
