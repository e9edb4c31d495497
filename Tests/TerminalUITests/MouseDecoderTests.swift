import CNCursesW
import Dashboard
@testable import TerminalUI
import XCTest

/// curses' `MEVENT` fields (cell, button state bits) to `MouseEvent`s, without a terminal.
final class MouseDecoderTests: XCTestCase {
    func testButtonOneWheelUpAndWheelDown() {
        XCTAssertEqual(MouseDecoder.event(x: 12, y: 0, buttons: swarmtop_button1_pressed()), MouseEvent(.press, x: 12, y: 0))
        XCTAssertEqual(MouseDecoder.event(x: 3, y: 7, buttons: swarmtop_button4_pressed()), MouseEvent(.wheelUp, x: 3, y: 7))
        XCTAssertEqual(MouseDecoder.event(x: 3, y: 7, buttons: swarmtop_button5_pressed()), MouseEvent(.wheelDown, x: 3, y: 7))
        // A modifier held does not change what the button does (BUTTON_SHIFT: the pressed bit of "button 6").
        XCTAssertEqual(MouseDecoder.event(x: 1, y: 2, buttons: swarmtop_button1_pressed() | swarmtop_button1_pressed() << 25),
                       MouseEvent(.press, x: 1, y: 2))
    }

    func testWhatSwarmtopDoesNotUseIsNil() {
        XCTAssertNil(MouseDecoder.event(x: 5, y: 5, buttons: 0))
        XCTAssertNil(MouseDecoder.event(x: 5, y: 5, buttons: swarmtop_button1_pressed() >> 1), "button 1 released")
        XCTAssertNil(MouseDecoder.event(x: 5, y: 5, buttons: swarmtop_button1_pressed() << 5), "button 2 pressed")
        XCTAssertNil(MouseDecoder.event(x: -1, y: 5, buttons: swarmtop_button1_pressed()), "outside the screen")
    }

    func testTheMaskAsksForExactlyThoseEvents() {
        for bit in 0..<32 {
            let buttons = mmask_t(1) << mmask_t(bit)
            XCTAssertEqual(MouseDecoder.mask & buttons != 0, MouseDecoder.event(x: 0, y: 0, buttons: buttons) != nil, "bit \(bit)")
        }
    }
}
