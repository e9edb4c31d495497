import Dashboard
@testable import TerminalUI
import XCTest

/// Theme colours to curses colour numbers for 8, 16, 256 and direct-colour terminals.
final class ColorDepthTests: XCTestCase {
    func testDepthFromTheTerminalsColourCount() {
        XCTAssertEqual(ColorDepth(colors: 0), .none)
        XCTAssertEqual(ColorDepth(colors: 8), .ansi8)
        XCTAssertEqual(ColorDepth(colors: 16), .ansi16)
        XCTAssertEqual(ColorDepth(colors: 88), .ansi16)
        XCTAssertEqual(ColorDepth(colors: 256), .xterm256)
        XCTAssertEqual(ColorDepth(colors: 0x100_0000), .direct)
    }

    func testTheTerminalsDefaultStaysDefault() {
        for depth in [ColorDepth.none, .ansi8, .ansi16, .xterm256, .direct] {
            XCTAssertEqual(depth.curses(.terminalDefault), -1)
        }
        XCTAssertEqual(ColorDepth.none.curses(.ansi(1)), -1)
        XCTAssertEqual(ColorDepth.none.curses(.rgb(255, 0, 0)), -1)
    }

    func testANSIColours() {
        XCTAssertEqual(ColorDepth.ansi8.curses(.ansi(9)), 1, "bright red is red on 8 colours")
        XCTAssertEqual(ColorDepth.ansi16.curses(.ansi(9)), 9)
        XCTAssertEqual(ColorDepth.xterm256.curses(.ansi(14)), 14)
        XCTAssertEqual(ColorDepth.direct.curses(.ansi(2)), 2, "0…7 are the ANSI colours in direct mode")
        XCTAssertEqual(ColorDepth.direct.curses(.ansi(9)), 0xff0000, "bright ones become their xterm RGB")
    }

    func testRGBToThe256ColourPalette() {
        XCTAssertEqual(ColorDepth.xterm256.curses(.rgb(0x1c, 0x1c, 0x1c)), 234, "a grey of the ramp")
        XCTAssertEqual(ColorDepth.xterm256.curses(.rgb(0xff, 0x5f, 0x5f)), 203, "an exact cube entry")
        XCTAssertEqual(ColorDepth.xterm256.curses(.rgb(0x26, 0x8b, 0xd2)), 32, "solarized blue")
        XCTAssertEqual(ColorDepth.xterm256.curses(.rgb(0, 0, 0)), 16, "black from the cube, not ANSI 0 the user may have recoloured")
    }

    func testRGBToTheANSIColours() {
        XCTAssertEqual(ColorDepth.ansi16.curses(.rgb(250, 10, 10)), 9)
        XCTAssertEqual(ColorDepth.ansi16.curses(.rgb(200, 0, 0)), 1)
        XCTAssertEqual(ColorDepth.ansi8.curses(.rgb(250, 10, 10)), 1)
        XCTAssertEqual(ColorDepth.ansi8.curses(.rgb(0x00, 0x2b, 0x36)), 0, "solarized base03 is black on 8 colours")
        XCTAssertEqual(ColorDepth.ansi8.curses(.rgb(0xfd, 0xf6, 0xe3)), 7)
    }

    func testDirectColourIsExact() {
        XCTAssertEqual(ColorDepth.direct.curses(.rgb(0x26, 0x8b, 0xd2)), 0x268bd2)
        XCTAssertEqual(ColorDepth.direct.curses(.rgb(0, 0, 0)), 8, "values below 8 would mean ANSI colours")
    }

    func testThePalette() {
        XCTAssertTrue(ColorDepth.xtermRGB(16) == (0, 0, 0))
        XCTAssertTrue(ColorDepth.xtermRGB(231) == (255, 255, 255))
        XCTAssertTrue(ColorDepth.xtermRGB(232) == (8, 8, 8))
        XCTAssertTrue(ColorDepth.xtermRGB(255) == (238, 238, 238))
    }
}
