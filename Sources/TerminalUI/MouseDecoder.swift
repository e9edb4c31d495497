import CNCursesW
import Dashboard

/// Turns what curses' `getmouse` reports (an `MEVENT`'s cell and button state bits) into a
/// `MouseEvent`. Pure; tested without a terminal.
enum MouseDecoder {
    /// The events swarmtop asks curses for (`mousemask`): button 1 down and the wheel (buttons
    /// 4 and 5). With `mouseinterval(0)` a press arrives at once, not after a click delay.
    static var mask: mmask_t { swarmtop_button1_pressed() | swarmtop_button4_pressed() | swarmtop_button5_pressed() }

    /// The event at column `x`, row `y` (0-based) with button state `buttons`; nil for anything
    /// else (a release, another button, a position outside the screen).
    static func event(x: Int32, y: Int32, buttons: mmask_t) -> MouseEvent? {
        guard x >= 0, y >= 0 else { return nil }
        let kind: MouseEvent.Kind
        if buttons & swarmtop_button4_pressed() != 0 {
            kind = .wheelUp
        } else if buttons & swarmtop_button5_pressed() != 0 {
            kind = .wheelDown
        } else if buttons & swarmtop_button1_pressed() != 0 {
            kind = .press
        } else {
            return nil
        }
        return MouseEvent(kind, x: Int(x), y: Int(y))
    }
}
