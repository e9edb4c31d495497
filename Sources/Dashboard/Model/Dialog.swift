/// A modal box over the panes: a confirmation, the replica count typed for `=`, or a
/// confirmation answered by typing a name.
public enum Dialog: Sendable, Hashable {
    /// A yes/no question before an effect.
    case confirm(Confirmation)
    /// The replica count typed after `=`, confirmed next.
    case replicas(ReplicaInput)
    /// A question answered by typing the name of what is destroyed (removing a stack).
    case typeName(NameConfirmation)

    /// Why yes is refused now (its object changed or vanished, or a read is awaited), nil when it is not.
    public var refusal: String? {
        switch self {
        case .confirm(let confirmation): confirmation.refusal
        case .typeName(let typed): typed.confirmation.refusal
        case .replicas(let input): input.changed.map(changedSinceOpened)
        }
    }
}

/// A question that says exactly what an action will do, answered yes or no.
public struct Confirmation: Sendable, Hashable {
    /// The box's title, e.g. `Scale service`.
    public var title: String
    /// Paragraphs, the question first, e.g. `Scale service lab_web from 5 to 6 replicas?`.
    public var message: [String]
    /// What runs on yes.
    public var effect: Effect
    /// The status message while it runs, e.g. `scaling lab_web to 6…`.
    public var progress: String
    /// What vanished or changed since the dialog opened, e.g. `lab_web has 3 replicas now, not 5`;
    /// it can no longer be confirmed (Esc closes it). Nil while the swarm is as it showed.
    public var changed: String?
    /// What is still being read before it can be confirmed, e.g. the stack's networks; nil when nothing.
    public var waiting: String?

    /// Why yes is refused now, nil when it is not.
    public var refusal: String? {
        if let changed { return changedSinceOpened(changed) }
        return waiting
    }
}

/// A confirmation that runs only once the user has typed `name` and pressed Enter.
public struct NameConfirmation: Sendable, Hashable {
    /// What is asked, and what runs.
    public var confirmation: Confirmation
    /// The name to type, e.g. the stack's name `lab`.
    public var name: String
    /// What was typed so far.
    public var text: String = ""
    /// Why the last Enter was refused, e.g. `type lab to remove it`.
    public var error: String?

    /// True when `text` is the name (`isTyped(_:as:)`).
    public var isTyped: Bool { Self.isTyped(text, as: name) }

    /// True when `text` is `name` as it is, as swarmtop shows it (`DisplayText.escaped`:
    /// `lab‹U+200B›` for `lab` and a zero-width space, `\e` for an escape), or as shown with
    /// `<` and `>` for `‹` and `›`, which every keyboard has.
    public static func isTyped(_ text: String, as name: String) -> Bool {
        let shown = DisplayText.escaped(name)
        return text == name || text == shown
            || text == shown.replacingOccurrences(of: "‹", with: "<").replacingOccurrences(of: "›", with: ">")
    }

    /// How to type a name that holds characters shown as escapes; empty for any other name.
    public static func typingHint(_ name: String) -> String {
        DisplayText.escaped(name) == name ? "" : " Type what is shown: ‹ and › may be typed as < and >."
    }
}

/// The number typed after `=`, before its confirmation.
public struct ReplicaInput: Sendable, Hashable {
    /// The service to scale.
    public var serviceID: String
    /// Its name, e.g. `lab_web`.
    public var serviceName: String
    /// The service's replica count when the input opened.
    public var current: UInt64
    /// The digits typed so far.
    public var text: String = ""
    /// Why the last Enter was refused, e.g. `at most 10000 replicas`.
    public var error: String?
    /// What vanished or changed since the input opened, e.g. `lab_web has 3 replicas now, not 5`;
    /// it can no longer be confirmed (Esc closes it).
    public var changed: String?

    /// The largest count accepted.
    public static let maximum: UInt64 = 10_000
}

/// The refusal of a dialog whose object changed: `changed since this dialog opened: WHAT. Esc closes it.`
private func changedSinceOpened(_ what: String) -> String {
    "changed since this dialog opened: \(what). Esc closes it."
}
