// ncursesw for Swift. SwiftPM drops pkg-config's -D flags, so the wide-character API is
// switched on here, before the header. Macros and globals Swift cannot import are wrapped
// in static inline functions prefixed `swarmtop_`.
#ifndef SWARMTOP_CNCURSESW_SHIM_H
#define SWARMTOP_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *swarmtop_stdscr(void) { return stdscr; }
/// newterm on the process's stdout/stdin (Swift 6 refuses the mutable C globals); NULL when
/// TERM names no known terminal.
static inline SCREEN *swarmtop_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline int swarmtop_lines(void) { return LINES; }
static inline int swarmtop_cols(void) { return COLS; }
static inline int swarmtop_colors(void) { return COLORS; }
static inline int swarmtop_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t swarmtop_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t swarmtop_a_normal(void) { return A_NORMAL; }
static inline attr_t swarmtop_a_bold(void) { return A_BOLD; }
static inline attr_t swarmtop_a_reverse(void) { return A_REVERSE; }
static inline attr_t swarmtop_a_underline(void) { return A_UNDERLINE; }
static inline attr_t swarmtop_a_dim(void) { return A_DIM; }
static inline int swarmtop_key_resize(void) { return KEY_RESIZE; }
static inline int swarmtop_err(void) { return ERR; }
static inline int swarmtop_key_code_yes(void) { return KEY_CODE_YES; }
/// Mouse button state bits (function-like macros in curses.h): button 1 down, wheel up, wheel down.
static inline mmask_t swarmtop_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t swarmtop_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t swarmtop_button5_pressed(void) { return BUTTON5_PRESSED; }

/// Writes one grapheme (up to 8 code points, NUL-terminated) at (y, x) with attributes and pair.
static inline int swarmtop_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cc);
}
#endif
