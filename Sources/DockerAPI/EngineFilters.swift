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

    /// The filter on a stack's label, `label=com.docker.stack.namespace=<stack>`, as JSON.
    /// - Throws: `EncodingError` (not expected).
    public static func stack(_ stack: String) throws -> String {
        try json(["label": ["\(StackObject.namespaceLabel)=\(stack)"]])
    }
}
