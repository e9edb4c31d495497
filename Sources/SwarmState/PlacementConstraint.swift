import Foundation

/// One placement constraint of a service, as swarmkit parses and matches it
/// (`manager/constraint`): `KEY==VALUE` or `KEY!=VALUE`, the key one of `node.id`,
/// `node.hostname`, `node.role`, `node.platform.os`, `node.platform.arch`, `node.labels.NAME`,
/// `engine.labels.NAME`. Values compare without regard to case; a label a node lacks is the
/// empty value (so `node.labels.gpu!=true` holds on a node without `gpu`).
public struct PlacementConstraint: Sendable, Hashable {
    /// The attribute, as written, e.g. `node.labels.gpu`.
    public var key: String
    /// True for `==`, false for `!=`.
    public var equals: Bool
    /// The value, as written, e.g. `true`.
    public var value: String

    /// Parses `node.labels.gpu == true` (spaces around the parts are ignored); nil when the text
    /// has no `==` or `!=`, or an empty key or value (swarmkit refuses those when the service is created).
    public init?(_ text: String) {
        let ops = ["==", "!="].compactMap { op in text.range(of: op).map { (op: op, range: $0) } }
        guard let first = ops.min(by: { $0.range.lowerBound < $1.range.lowerBound }) else { return nil }
        key = text[..<first.range.lowerBound].trimmingCharacters(in: .whitespaces)
        value = text[first.range.upperBound...].trimmingCharacters(in: .whitespaces)
        equals = first.op == "=="
        if key.isEmpty || value.isEmpty { return nil }
    }

    /// The constraint without spaces, as the Tasks pane says it: `node.labels.gpu==true`.
    public var text: String { key + (equals ? "==" : "!=") + value }

    /// The node's value for the key: nil when the key is none swarmkit knows (then no node
    /// meets the constraint), "" for a label the node does not have.
    public func nodeValue(_ node: Node) -> String? {
        let lower = key.lowercased()
        switch lower {
        case "node.id": return node.id
        case "node.hostname": return node.description?.hostname ?? ""
        case "node.role": return node.role
        case "node.platform.os": return node.description?.platform?.os ?? ""
        case "node.platform.arch": return node.description?.platform?.architecture ?? ""
        default: break
        }
        if lower.hasPrefix("node.labels.") {
            return node.spec?.labels?[String(key.dropFirst("node.labels.".count))] ?? ""
        }
        if lower.hasPrefix("engine.labels.") {
            return node.description?.engine?.labels?[String(key.dropFirst("engine.labels.".count))] ?? ""
        }
        return nil
    }

    /// True when the node meets the constraint (swarmkit's `NodeMatches` for this one).
    public func isMet(by node: Node) -> Bool {
        guard let actual = nodeValue(node) else { return false }
        let same = actual.compare(value, options: .caseInsensitive) == .orderedSame
        return equals ? same : !same
    }

    /// Why the node does not meet it, in words: `node2 has no label gpu`,
    /// `node2's node.role is worker`, `node1's node.hostname is node1`, `node.ip is not a key swarmtop knows`.
    public func unmetReason(_ node: Node) -> String {
        guard let actual = nodeValue(node) else { return "\(key) is not a constraint key swarmtop knows" }
        let lower = key.lowercased()
        let label = lower.hasPrefix("node.labels.") ? String(key.dropFirst("node.labels.".count))
            : lower.hasPrefix("engine.labels.") ? String(key.dropFirst("engine.labels.".count)) : nil
        if let label, actual.isEmpty {
            return "\(node.hostname) has no \(lower.hasPrefix("engine.") ? "engine label" : "label") \(label)"
        }
        return "\(node.hostname)'s \(key) is \(actual.isEmpty ? "empty" : actual)"
    }
}
