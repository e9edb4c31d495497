import Dashboard

/// Colour values in theme files: `default`, an ANSI name, or `#rrggbb`.
enum ColorName {
    /// The ANSI names by colour number: `black` is 0, `bright-white` 15.
    static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        + ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"].map { "bright-" + $0 }

    /// The colour `text` names, case-insensitively; `gray`/`grey` are `bright-black`.
    /// - Returns: nil when `text` is none of the accepted forms.
    static func parse(_ text: String) -> TermColor? {
        let name = text.lowercased()
        if name == "default" { return .terminalDefault }
        if name == "gray" || name == "grey" { return .ansi(8) }
        if let index = ansiNames.firstIndex(of: name) { return .ansi(UInt8(index)) }
        let hex = name.dropFirst()
        guard name.hasPrefix("#"), hex.count == 6, hex.allSatisfy(\.isHexDigit), let value = UInt32(hex, radix: 16) else {
            return nil
        }
        return .rgb(UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff))
    }

    /// What a theme file may write, for error messages.
    static let accepted = "\"default\", an ANSI name (black, red, …, bright-white) or \"#rrggbb\""
}
