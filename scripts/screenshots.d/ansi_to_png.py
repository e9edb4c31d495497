#!/usr/bin/python3
"""Renders a terminal screen captured with `tmux capture-pane -e -p` (text with SGR colour
escapes) into a PNG, cell by cell, the way a terminal would draw it.

    ansi_to_png.py CAPTURE.ansi OUT.png --cols 120 --rows 32 [--light]

Colours: the 16 ANSI colours as GNOME Terminal's Tango palette draws them, the rest of the
256-colour palette as xterm does, and 24-bit
`38;2;r;g;b`. The terminal's own foreground/background are a dark terminal's (or a light
one's with --light). Wide characters (CJK, emoji) take two cells. Glyphs come from DejaVu
Sans Mono, then Noto Sans CJK, then Symbola (Debian: fonts-dejavu-core, fonts-noto-cjk,
fonts-symbola); needs Debian's python3-pil and python3-fonttools.
"""
import argparse
import re
import unicodedata

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

FONTS = [
    ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf", 0),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 0),
    ("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf", "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf", 0),
]
SIZE = 15
# The 16 ANSI colours as GNOME Terminal's Tango palette draws them (what most people see).
ANSI = [(0x2e, 0x34, 0x36), (0xcc, 0x00, 0x00), (0x4e, 0x9a, 0x06), (0xc4, 0xa0, 0x00), (0x34, 0x65, 0xa4),
        (0x75, 0x50, 0x7b), (0x06, 0x98, 0x9a), (0xd3, 0xd7, 0xcf), (0x55, 0x57, 0x53), (0xef, 0x29, 0x29),
        (0x8a, 0xe2, 0x34), (0xfc, 0xe9, 0x4f), (0x72, 0x9f, 0xcf), (0xad, 0x7f, 0xa8), (0x34, 0xe2, 0xe2),
        (0xee, 0xee, 0xec)]


def palette(index):
    if index < 16:
        return ANSI[index]
    if index < 232:
        steps = [0, 95, 135, 175, 215, 255]
        i = index - 16
        return (steps[i // 36], steps[i // 6 % 6], steps[i % 6])
    level = 8 + 10 * (index - 232)
    return (level, level, level)


class Cell:
    __slots__ = ("text", "fg", "bg", "bold", "dim", "underline", "reverse")


def parse(text, cols, rows):
    """The screen as rows of cells (None for the right half of a wide character)."""
    screen = []
    state = dict(fg=None, bg=None, bold=False, dim=False, underline=False, reverse=False)
    for line in text.split("\n")[:rows]:
        row = []
        for token in re.split(r"(\x1b\[[0-9;:]*m)", line):
            if token.startswith("\x1b["):
                apply_sgr(state, token[2:-1])
                continue
            for ch in token:
                if unicodedata.combining(ch) and row:
                    row[-1].text += ch
                    continue
                cell = Cell()
                cell.text = ch
                for key, value in state.items():
                    setattr(cell, key, value)
                row.append(cell)
                if unicodedata.east_asian_width(ch) in ("W", "F"):
                    row.append(None)
        blank = Cell()
        blank.text = " "
        for key, value in dict(state, fg=None, bg=None, bold=False, dim=False, underline=False, reverse=False).items():
            setattr(blank, key, value)
        screen.append((row + [blank] * cols)[:cols])
    while len(screen) < rows:
        screen.append(parse(" " * cols, cols, 1)[0])
    return screen


def apply_sgr(state, params):
    codes = [int(p) if p else 0 for p in re.split("[;:]", params)] or [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            state.update(fg=None, bg=None, bold=False, dim=False, underline=False, reverse=False)
        elif c == 1:
            state["bold"] = True
        elif c == 2:
            state["dim"] = True
        elif c == 4:
            state["underline"] = True
        elif c == 7:
            state["reverse"] = True
        elif c == 22:
            state.update(bold=False, dim=False)
        elif c == 24:
            state["underline"] = False
        elif c == 27:
            state["reverse"] = False
        elif 30 <= c <= 37 or 90 <= c <= 97:
            state["fg"] = ANSI[c - 30 if c < 90 else c - 82]
        elif 40 <= c <= 47 or 100 <= c <= 107:
            state["bg"] = ANSI[c - 40 if c < 100 else c - 92]
        elif c == 39:
            state["fg"] = None
        elif c == 49:
            state["bg"] = None
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                state[key] = palette(codes[i + 2])
                i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                state[key] = tuple(codes[i + 2:i + 5])
                i += 4
        i += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("capture")
    parser.add_argument("out")
    parser.add_argument("--cols", type=int, required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--light", action="store_true", help="the terminal's own colours are a light terminal's")
    args = parser.parse_args()

    default_fg, default_bg = ((30, 30, 30), (250, 250, 250)) if args.light else ((220, 220, 220), (24, 24, 28))
    fonts = [(ImageFont.truetype(regular, SIZE, index=i), ImageFont.truetype(bold, SIZE, index=i),
              set(TTFont(regular, fontNumber=i).getBestCmap())) for regular, bold, i in FONTS]
    width = round(fonts[0][0].getlength("M"))
    ascent, descent = fonts[0][0].getmetrics()
    height = ascent + descent + 2
    with open(args.capture, encoding="utf-8", errors="replace") as f:
        screen = parse(f.read().rstrip("\n"), args.cols, args.rows)

    corner = screen[0][0]
    margin = (corner.fg if corner.reverse else corner.bg) or default_bg
    image = Image.new("RGB", (args.cols * width + 16, args.rows * height + 16), margin)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(screen):
        for x, cell in enumerate(row):
            if cell is None:
                continue
            fg, bg = cell.fg or default_fg, cell.bg or default_bg
            if cell.reverse:
                fg, bg = bg, fg
            if cell.dim:
                fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
            cells = 2 if x + 1 < len(row) and row[x + 1] is None else 1
            left, top = 8 + x * width, 8 + y * height
            draw.rectangle([left, top, left + cells * width - 1, top + height - 1], fill=bg)
            if cell.text.strip():
                regular, bold, _ = next((f for f in fonts if ord(cell.text[0]) in f[2]), fonts[0])
                font = bold if cell.bold else regular
                glyph_width = font.getlength(cell.text)
                draw.text((left + max(0, (cells * width - glyph_width) / 2), top + 1), cell.text, font=font, fill=fg)
            if cell.underline:
                draw.line([left, top + height - 2, left + cells * width - 1, top + height - 2], fill=fg)
    image.save(args.out)


if __name__ == "__main__":
    main()
