"""The handout's diagrams drawn with Qt (inline SVG for the HTML page, images for the PDF), and the PDF
itself, written by Qt's PDF writer from the same HTML page the browser gets."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from xviz.diagram import layout_diagram
from xviz.ui.diagram import DiagramScene, QtTextMeasurer, export_svg, render_image

_PROLOG = re.compile(r"^\s*<\?xml[^>]*\?>\s*(<!DOCTYPE[^>]*>\s*)?", re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(url\(#|href="#)([^)"]+)')
PDF_DPI = 300
PDF_MARGIN_MM = 14
IMAGE_SCALE = 2.5  # pixels per scene point in the PDF's diagram images


def draw_scene(chart, badges: dict[str, str], measurer: QtTextMeasurer | None = None) -> DiagramScene:
    """The chart laid out and drawn, each badge (item id -> allow | deny | implicit) on its arrow."""
    measurer = measurer or QtTextMeasurer()
    scene = DiagramScene(layout_diagram(chart, measurer), "light", measurer)
    for item, status in badges.items():
        scene.set_badge(item, status)
    return scene


def scene_svg(scene: DiagramScene, title: str, prefix: str) -> str:
    """The scene as inline SVG markup; ids get `prefix` so that several diagrams share one page safely."""
    with tempfile.TemporaryDirectory(prefix="xviz-handout-") as folder:
        path = Path(folder) / "diagram.svg"
        export_svg(scene, path, title=title)
        svg = _PROLOG.sub("", path.read_text(encoding="utf-8"))
    svg = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', svg)
    return _REFERENCE.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", svg)


def scene_image(scene: DiagramScene) -> QImage:
    return render_image(scene, IMAGE_SCALE)


def write_pdf(html: str, images: dict[str, QImage], path: str | Path) -> None:
    """Print the handout page to an A4 PDF; `images` resolves the page's <img src="NAME">."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(*(PDF_MARGIN_MM,) * 4), QPageLayout.Unit.Millimeter))
    writer.setTitle(re.search(r"<title>(.*?)</title>", html, re.S).group(1) if "<title>" in html else "xviz")
    document = QTextDocument()
    for name, image in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(html)
    document.print_(writer)  # lays the page out at the writer's size, with text at its size in points
    if not Path(path).exists():
        raise OSError(f"could not write {path}")
