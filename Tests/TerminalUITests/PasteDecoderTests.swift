import Dashboard
@testable import TerminalUI
import XCTest

/// Bracketed pastes (`ESC [200~` … `ESC [201~`) found in what curses reads, without a terminal.
final class PasteDecoderTests: XCTestCase {
    /// Feeds `text` as the characters curses hands over, then ends the read at `now`.
    private func read(_ text: String, _ decoder: inout PasteDecoder, now: Double = 0) -> [TerminalInput] {
        text.unicodeScalars.flatMap { decoder.character($0.value) } + decoder.endOfRead(at: now)
    }

    private func read(_ text: String) -> [TerminalInput] {
        var decoder = PasteDecoder()
        return read(text, &decoder)
    }

    func testABracketedPasteIsOneEventWithItsText() {
        XCTAssertEqual(read("\u{1b}[200~docker ps\r\u{1b}[201~"), [.key(.paste("docker ps\r"))])
        XCTAssertEqual(read("x\u{1b}[200~서 🚀\u{1b}[201~y"), [.key(.char("x")), .key(.paste("서 🚀")), .key(.char("y"))])
    }

    func testEscapeAndKeysOutsideAPasteAreKeys() {
        XCTAssertEqual(read("\u{1b}"), [.key(.escape)], "a lone Esc, once the read ends")
        XCTAssertEqual(read("\u{1b}q"), [.key(.escape), .key(.char("q"))])
        XCTAssertEqual(read("\u{1b}[20x"), [.key(.escape), .key(.char("[")), .key(.char("2")), .key(.char("0")), .key(.char("x"))])
        XCTAssertEqual(read("\u{1b}\u{1b}[200~a\u{1b}[201~"), [.key(.escape), .key(.paste("a"))])
        XCTAssertEqual(read("d\r"), [.key(.char("d")), .key(.enter)])
    }

    func testWhatLooksLikeAnEndMarkerButIsNotOneIsText() {
        XCTAssertEqual(read("\u{1b}[200~a\u{1b}[20xb\u{1b}\u{1b}[201~"), [.key(.paste("a\u{1b}[20xb\u{1b}"))])
    }

    func testAPasteSplitOverReadsIsOneEvent() {
        var decoder = PasteDecoder()
        XCTAssertEqual(read("\u{1b}[200~ab", &decoder, now: 0), [])
        XCTAssertEqual(read("c\u{1b}[2", &decoder, now: 0.1), [])
        XCTAssertEqual(read("01~q", &decoder, now: 0.2), [.key(.paste("abc")), .key(.char("q"))])
    }

    func testKeysCursesDecodedInsideAPasteAreDroppedButAResizeIsNot() {
        var decoder = PasteDecoder()
        XCTAssertEqual(read("\u{1b}[200~a", &decoder), [])
        XCTAssertEqual(decoder.other(.key(.up)), [], "pasted text curses took for a key is not a key")
        XCTAssertEqual(decoder.other(.mouse(MouseEvent(.press, x: 1, y: 1))), [])
        XCTAssertEqual(decoder.other(.resize), [.resize])
        XCTAssertEqual(read("b\u{1b}[201~", &decoder), [.key(.paste("ab"))])
        XCTAssertEqual(decoder.character(27), [])
        XCTAssertEqual(decoder.other(.key(.up)), [.key(.escape), .key(.up)], "a held Esc comes before the key after it")
    }

    func testAPasteWhoseEndNeverComesEndsAfterASecondOfSilence() {
        var decoder = PasteDecoder()
        XCTAssertEqual(read("\u{1b}[200~abc\u{1b}[20", &decoder, now: 10), [])
        XCTAssertEqual(decoder.endOfRead(at: 10.5), [])
        XCTAssertEqual(decoder.endOfRead(at: 11.1), [.key(.paste("abc\u{1b}[20"))])
        XCTAssertEqual(read("q", &decoder, now: 11.2), [.key(.char("q"))], "keys act again")
    }
}
