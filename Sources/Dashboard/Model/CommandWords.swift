/// Splits a typed command into its words as a POSIX shell would, without expanding anything:
/// words end at spaces and tabs; single quotes keep everything inside as is; double quotes
/// keep spaces, and a backslash in them escapes `"`, `\`, `$` and `` ` ``; a backslash outside
/// quotes escapes the next character. `sh -c 'echo a  b'` is `["sh", "-c", "echo a  b"]`.
enum CommandWords {
    /// - Returns: the words (none for a blank line), or why the line cannot be split: a quote
    ///   left open, or a backslash at the end.
    static func split(_ line: String) -> Result<[String], ColonCommandError> {
        var words: [String] = []
        var word: String?
        var quote: Character?
        var escaped = false
        for c in line {
            if escaped {
                if quote == "\"", !"\"\\$`".contains(c) { word!.append("\\") }
                word!.append(c)
                escaped = false
            } else if let open = quote {
                if c == open {
                    quote = nil
                } else if c == "\\", open == "\"" {
                    escaped = true
                } else {
                    word!.append(c)
                }
            } else if c == " " || c == "\t" {
                if let done = word { words.append(done) }
                word = nil
            } else {
                if word == nil { word = "" }
                if c == "'" || c == "\"" { quote = c } else if c == "\\" { escaped = true } else { word!.append(c) }
            }
        }
        if let quote { return .failure(.init("the quote \(quote) is not closed")) }
        if escaped { return .failure(.init("a backslash ends the line")) }
        if let word { words.append(word) }
        return .success(words)
    }
}
