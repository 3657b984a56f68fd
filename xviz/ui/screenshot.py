"""Render a window to a PNG without a screen (the offscreen platform), at an exact size."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget


def render_png(widget: QWidget, path: str | Path, size: QSize) -> Path:
    """Lay the widget out at `size`, paint it and save it; raises OSError when the file cannot be written."""
    path = Path(path)
    widget.setMinimumSize(1, 1)  # the requested size wins over the layout's wishes
    widget.resize(size)
    widget.show()
    for _ in range(3):  # layouts settle over a few event-loop turns (splitters, word-wrapped labels)
        QApplication.processEvents()
    image = widget.grab().toImage()
    if image.size() != size:  # a high-DPI screen grabs more pixels; the PNG must be what was asked
        image = image.scaled(size)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path
