import Foundation

/// Tab completion of the `:` command line: the word being typed is completed from what fits
/// where it stands (a command, a service, a stack, a theme, a context).
struct ColonCompletion {
    /// Service names, each also by its name inside its stack (`web` for `lab_web`).
    var services: [String]
    /// Stack names.
    var stacks: [String]
    /// Theme names.
    var themes: [String]
    /// Docker context names.
    var contexts: [String]

    /// Completes the last word of `line`.
    /// - Returns: the line with its last word completed as far as the candidates agree (and a
    ///   space after it when only one fits), and the candidates that fit (none or several
    ///   are shown to the user).
    func complete(_ line: String) -> (line: String, candidates: [String]) {
        var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let partial = words.removeLast()
        let fitting = Array(Set(candidates(after: words.filter { !$0.isEmpty }).filter { $0.hasPrefix(partial) })).sorted()
        guard let first = fitting.first else { return (line, []) }
        if fitting.count == 1 { return ((words + [first]).joined(separator: " ") + " ", []) }
        let common = fitting.dropFirst().reduce(first) { String($0.commonPrefix(with: $1)) }
        return ((words + [common]).joined(separator: " "), fitting)
    }

    /// What may follow `words`.
    private func candidates(after words: [String]) -> [String] {
        switch words {
        case []: ColonCommand.verbs
        case ["scale"], ["inspect"]: services
        case ["stack"]: ["rm"]
        case ["stack", "rm"], ["stack", "remove"], ["stack", "down"]: stacks
        case ["theme"]: themes
        case ["context"], ["ctx"]: contexts
        default: []
        }
    }
}
