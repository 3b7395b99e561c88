"""Draw the application icon into resources/icons/ (bid-desktop.png 256 px, bid-desktop.ico
with 16-256 px for Windows). Re-run after changing the drawing:
    .venv/bin/python packaging/make-icons.py
A village roof over the bars of a badge barcode, on the app's green."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
GREEN, ROOF, WHITE = (21, 128, 61, 255), (250, 204, 21, 255), (255, 255, 255, 255)
BARS = [3, 1, 2, 1, 1, 3, 2, 1, 3, 1, 1, 2, 3, 1, 2]  # widths, bar and gap alternating


def draw(size: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    unit = size / 32
    pen.rounded_rectangle((unit, unit, size - unit, size - unit), radius=6 * unit, fill=GREEN)
    pen.polygon([(5 * unit, 15 * unit), (16 * unit, 5 * unit), (27 * unit, 15 * unit)], fill=ROOF)
    x, top, bottom = 7 * unit, 17 * unit, 27 * unit
    step = 18 * unit / sum(BARS)
    for i, width in enumerate(BARS):
        if i % 2 == 0:
            pen.rectangle((x, top, x + width * step - 1, bottom), fill=WHITE)
        x += width * step
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "bid-desktop.png")
    sizes = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    big.save(OUT / "bid-desktop.ico", sizes=sizes)


if __name__ == "__main__":
    main()
