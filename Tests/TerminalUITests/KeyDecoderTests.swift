import CNCursesW
import Dashboard
@testable import TerminalUI
import XCTest

/// Curses key codes to `KeyEvent`s, without a terminal.
final class KeyDecoderTests: XCTestCase {
    func testCharacters() {
        XCTAssertEqual(KeyDecoder.character(UInt32(UInt8(ascii: "q"))), .char("q"))
        XCTAssertEqual(KeyDecoder.character(UInt32(UInt8(ascii: "+"))), .char("+"))
        XCTAssertEqual(KeyDecoder.character(0xC11C), .char("서"))
        XCTAssertEqual(KeyDecoder.character(3), .ctrl("c"))
        XCTAssertEqual(KeyDecoder.character(9), .tab)
        XCTAssertEqual(KeyDecoder.character(13), .enter)
        XCTAssertEqual(KeyDecoder.character(10), .enter)
        XCTAssertEqual(KeyDecoder.character(27), .escape)
        XCTAssertEqual(KeyDecoder.character(127), .backspace)
        XCTAssertNil(KeyDecoder.character(0))
        XCTAssertNil(KeyDecoder.character(0xD800), "a lone surrogate is not a character")
    }

    func testFunctionKeys() {
        XCTAssertEqual(KeyDecoder.functionKey(KEY_UP), .up)
        XCTAssertEqual(KeyDecoder.functionKey(KEY_NPAGE), .pageDown)
        XCTAssertEqual(KeyDecoder.functionKey(KEY_BTAB), .backTab)
        XCTAssertEqual(KeyDecoder.functionKey(KEY_F0 + 5), .function(5))
        XCTAssertNil(KeyDecoder.functionKey(KEY_MOUSE))
    }
}
