import Dashboard

/// How many colours the terminal shows, and how a theme's `TermColor` becomes a curses colour
/// number for it: exact for direct colour, the nearest xterm palette entry for 256 colours,
/// the nearest ANSI colour for 16 or 8. Pure, so it is tested without a terminal; the terminal
/// caches its answers per style, so the search runs once per colour, not per cell.
enum ColorDepth: Equatable {
    /// No colour (`NO_COLOR`, or a terminal without colours): attributes only.
    case none
    /// The 8 basic ANSI colours.
    case ansi8
    /// The 16 ANSI colours (bright variants included).
    case ansi16
    /// The xterm 256-colour palette: 16 ANSI, a 6x6x6 cube and 24 greys.
    case xterm256
    /// 24-bit colour: curses colour numbers are `0xRRGGBB` (terminfo `RGB`, e.g. `xterm-direct`).
    case direct

    /// The depth of a terminal that reports `colors` colours (curses `COLORS`).
    init(colors: Int) {
        switch colors {
        case 0x100_0000...: self = .direct
        case 256...: self = .xterm256
        case 16...: self = .ansi16
        case 8...: self = .ansi8
        default: self = .none
        }
    }

    /// The curses colour number for `color`: -1 for the terminal's default.
    func curses(_ color: TermColor) -> Int32 {
        switch (self, color) {
        case (_, .terminalDefault), (.none, _): return -1
        case (.ansi8, .ansi(let n)): return Int32(n % 8)
        case (_, .ansi(let n)) where self != .direct || n < 8: return Int32(n % 16)
        case (.direct, .ansi(let n)): return ColorDepth.direct(ColorDepth.xtermRGB(Int(n % 16)))
        case (.direct, .rgb(let r, let g, let b)): return ColorDepth.direct((r, g, b))
        case (.xterm256, .rgb(let r, let g, let b)): return ColorDepth.nearest((r, g, b), among: 16..<256)
        case (.ansi16, .rgb(let r, let g, let b)): return ColorDepth.nearest((r, g, b), among: 0..<16)
        case (.ansi8, .rgb(let r, let g, let b)): return ColorDepth.nearest((r, g, b), among: 0..<8)
        default: return -1
        }
    }

    /// `0xRRGGBB`; values below 8 mean the ANSI colours in direct mode, so near-black moves to 8.
    private static func direct(_ rgb: (UInt8, UInt8, UInt8)) -> Int32 {
        max(8, Int32(rgb.0) << 16 | Int32(rgb.1) << 8 | Int32(rgb.2))
    }

    /// The palette index in `range` closest to `rgb` (squared distance in RGB).
    private static func nearest(_ rgb: (UInt8, UInt8, UInt8), among range: Range<Int>) -> Int32 {
        func distance(_ index: Int) -> Int {
            let p = xtermRGB(index)
            let dr = Int(p.0) - Int(rgb.0), dg = Int(p.1) - Int(rgb.1), db = Int(p.2) - Int(rgb.2)
            return dr * dr + dg * dg + db * db
        }
        return Int32(range.min { distance($0) < distance($1) } ?? range.lowerBound)
    }

    /// xterm's RGB values of the 16 ANSI colours.
    private static let ansi: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The RGB value xterm gives palette entry `index` (0…255).
    static func xtermRGB(_ index: Int) -> (UInt8, UInt8, UInt8) {
        switch index {
        case ..<16: return ansi[max(0, index)]
        case ..<232:
            let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
            let i = index - 16
            return (steps[i / 36], steps[i / 6 % 6], steps[i % 6])
        default:
            let level = UInt8(8 + 10 * (min(index, 255) - 232))
            return (level, level, level)
        }
    }
}
