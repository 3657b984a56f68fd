"""Draw charts with `xviz render` and with real mermaid 11 (headless Chromium), and put each pair side by side.

    python tests/tooling/mermaid/side_by_side.py OUT_DIR CHART.mmd...

Needs `chromium` (apt) and, once, `npm install` in this folder (mermaid and puppeteer-core). Not part of the
test run: it needs a browser. For each chart OUT_DIR gets NAME.xviz.png, NAME.mermaid.png and NAME.pair.png
(xviz on the left), and a table of sizes and times is printed.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _xviz(chart: Path, out: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "xviz", "render", str(chart), "-o", str(out), "--scale", "1"],
                          capture_output=True, text=True, check=False)
    took = (time.perf_counter() - started) * 1000
    return took, ("" if done.returncode == 0 else (done.stderr.strip().splitlines() or ["failed"])[-1])


def _pair(left: Path, right: Path, out: Path) -> tuple[int, int]:
    """Both PNGs next to each other on white, xviz on the left; the two sizes returned as areas."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication(["side-by-side"])
    images = [QImage(str(p)) for p in (left, right)]
    gap = 24
    width = sum(i.width() for i in images) + gap
    height = max(i.height() for i in images)
    canvas = QImage(width, height, QImage.Format.Format_ARGB32)
    canvas.fill(QColor("white"))
    painter = QPainter(canvas)
    painter.drawImage(0, 0, images[0])
    painter.fillRect(images[0].width() + gap // 2 - 1, 0, 2, height, QColor("#cbd5e1"))
    painter.drawImage(images[0].width() + gap, 0, images[1])
    painter.end()
    canvas.save(str(out))
    return tuple(i.width() * i.height() for i in images)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    out_dir, charts = Path(argv[0]), [Path(a) for a in argv[1:]]
    out_dir.mkdir(parents=True, exist_ok=True)
    if not (HERE / "node_modules" / "mermaid").is_dir():
        print(f"run `npm install` in {HERE} first", file=sys.stderr)
        return 2
    mermaid_dir = out_dir / "mermaid"
    done = subprocess.run(["node", str(HERE / "render_mermaid.mjs"), str(mermaid_dir), *map(str, charts)],
                          capture_output=True, text=True, check=False)
    mermaid = {line.split("\t")[0]: line.split("\t")[1:] for line in done.stdout.splitlines() if "\t" in line}
    # xviz ms: the whole `xviz render` process (start-up included); mermaid ms: its render call in the page.
    print(f"{'chart':24} {'xviz ms':>8} {'mermaid ms':>10}  {'area xviz/mermaid':>18}")
    for chart in charts:
        name = chart.stem
        ours = out_dir / f"{name}.xviz.png"
        took, error = _xviz(chart, ours)
        theirs = mermaid_dir / f"{name}.png"
        fields = mermaid.get(name, ["missing"])
        if error or not theirs.exists():
            print(f"{name:24} {('ERR ' + error) if error else f'{took:8.0f}'} {' '.join(fields)}")
            continue
        (mermaid_dir / f"{name}.png").replace(out_dir / f"{name}.mermaid.png")
        ours_area, theirs_area = _pair(ours, out_dir / f"{name}.mermaid.png", out_dir / f"{name}.pair.png")
        print(f"{name:24} {took:8.0f} {fields[0]:>10}  {ours_area / theirs_area:18.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
