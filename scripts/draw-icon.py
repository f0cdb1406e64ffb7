#!/usr/bin/env python3
"""Draws Hojo's icon (a teal rounded square, a white sheet of paper with a yen sign and a green check) as RGBA PNGs
and as the Windows icon (icons/icon.ico: 16 to 256 pixels, each drawn at its own size, stored as PNG as Windows
Vista and later read them) with nothing but the standard library, so that the icon can be regenerated anywhere:
python3 scripts/draw-icon.py"""
import math
import struct
import sys
import zlib
from pathlib import Path

SAMPLES = 4  # supersampling per axis for smooth edges


def rounded_rect(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1


def near_segment(x, y, ax, ay, bx, by, width):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= (width / 2) ** 2


TEAL = (22, 120, 122)
WHITE = (255, 255, 255)
INK = (30, 62, 80)
GREEN = (46, 160, 67)
FOLD = (205, 224, 226)


def color_at(x, y):
    """The colour at a point of the unit square, or None where transparent (later shapes paint over earlier)."""
    color = None
    if rounded_rect(x, y, 0.04, 0.04, 0.96, 0.96, 0.2):
        color = TEAL
    # the sheet, its top-right corner folded
    if rounded_rect(x, y, 0.24, 0.16, 0.74, 0.84, 0.04):
        color = WHITE
    if 0.60 <= x <= 0.74 and 0.16 <= y <= 0.30 and (0.74 - x) + (y - 0.16) <= 0.14:
        color = TEAL if color is not None else None
    if 0.60 <= x <= 0.74 and 0.16 <= y <= 0.30 and (x - 0.60) + (0.30 - y) <= 0.14 and (0.74 - x) + (y - 0.16) > 0.14:
        color = FOLD
    # the yen sign
    w = 0.055
    if (near_segment(x, y, 0.36, 0.30, 0.46, 0.46, w) or near_segment(x, y, 0.56, 0.30, 0.46, 0.46, w)
            or near_segment(x, y, 0.46, 0.46, 0.46, 0.68, w) or near_segment(x, y, 0.37, 0.50, 0.55, 0.50, w * 0.8)
            or near_segment(x, y, 0.37, 0.59, 0.55, 0.59, w * 0.8)):
        color = INK
    # the check mark over the sheet's lower right corner, on a white disc
    if (x - 0.70) ** 2 + (y - 0.72) ** 2 <= 0.19 ** 2:
        color = WHITE
    if (x - 0.70) ** 2 + (y - 0.72) ** 2 <= 0.16 ** 2:
        color = GREEN
    if near_segment(x, y, 0.62, 0.72, 0.68, 0.79, 0.05) or near_segment(x, y, 0.68, 0.79, 0.79, 0.64, 0.05):
        color = WHITE
    return color


def render(size):
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            r = g = b = a = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    c = color_at((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)
                    if c is not None:
                        r += c[0]; g += c[1]; b += c[2]; a += 1
            n = SAMPLES * SAMPLES
            if a:
                row += bytes((r // a, g // a, b // a, 255 * a // n))
            else:
                row += bytes((0, 0, 0, 0))
        rows.append(bytes(row))
    return png(size, size, b"".join(rows))


def png(width, height, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(pngs):
    """An .ico holding each PNG as it is (Windows takes PNG entries; 256 is written as 0 in the directory)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    directory, images = b"", b""
    for size, data in pngs:
        directory += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset + len(images))
        images += data
    return header + directory + images


# The sizes Windows asks for: the title bar and taskbar (16, 24, 32), the desktop and Explorer (48, 64, 256).
WINDOWS_SIZES = [16, 24, 32, 48, 64, 128, 256]


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "icons")
    out.mkdir(parents=True, exist_ok=True)
    drawn = {}
    for name, size in [("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)]:
        drawn[size] = render(size)
        (out / name).write_bytes(drawn[size])
        print(out / name)
    (out / "icon.ico").write_bytes(ico([(size, drawn.get(size) or render(size)) for size in WINDOWS_SIZES]))
    print(out / "icon.ico")


if __name__ == "__main__":
    main()
