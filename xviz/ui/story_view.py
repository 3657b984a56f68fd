"""The "Story" tab: the scenario's story and each flow's introduction, the current flow's first.

Drawn from the snapshot alone (`view.summary`, `view.flows[i].narration`), in the UI language. The
prose is the author's: escaped, never read as HTML. An indented block inside it (a CLI command the
source gives) is shown as it is written, in a monospaced box, so it can be read and copied whole.
"""
from __future__ import annotations

import html
import textwrap

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from xviz.document.views import FlowView, ScenarioView
from xviz.ui.app import ui_context
from xviz.ui.catalog import pick
from xviz.ui.plain import mark_data


def story_blocks(text: str) -> list[tuple[str, str]]:
    """A narration as ("text" | "code", body) blocks: paragraphs are separated by blank lines and their
    lines joined; lines indented past the paragraph's margin are kept line for line as "code"."""
    blocks: list[tuple[str, str]] = []
    prose: list[str] = []
    code: list[str] = []

    def close_prose() -> None:
        if prose:
            blocks.append(("text", " ".join(prose)))
            prose.clear()

    def close_code() -> None:
        if code:
            blocks.append(("code", textwrap.dedent("\n".join(code)).strip("\n")))
            code.clear()

    for line in textwrap.dedent(text.expandtabs(4)).splitlines():
        if not line.strip():
            close_prose()
            close_code()
        elif line[0] == " ":
            close_prose()
            code.append(line.rstrip())
        else:
            close_code()
            prose.append(line.strip())
    close_prose()
    close_code()
    return blocks


def _html_of(text: str, shade: str = "#f0f0f0") -> str:
    parts = []
    for kind, body in story_blocks(text):
        if kind == "code":  # a shaded box (Qt's rich text indents and shades table cells, not <pre>)
            parts.append(f"<table width='100%' cellpadding='6' bgcolor='{shade}'><tr><td>"
                         f"<pre>{html.escape(body)}</pre></td></tr></table>")
        else:
            parts.append(f"<p>{html.escape(body)}</p>")
    return "".join(parts)


class StoryView(QTextBrowser):
    """The story of the snapshot on show; `show_story(view, flow_id)` puts the current flow first."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        mark_data(self)  # scenario prose; the headings are translated through tr
        self.setOpenLinks(False)
        self._view: ScenarioView | None = None
        self._flow: str | None = None
        ui_context().language_changed.connect(self._render)
        ui_context().appearance_changed.connect(self._render)  # the shade follows the theme

    def tab_title(self) -> str:
        return self.tr("Story")

    def show_story(self, view: ScenarioView | None, flow_id: str | None) -> None:
        if view is self._view and flow_id == self._flow:
            return
        new_flow = flow_id != self._flow
        self._view, self._flow = view, flow_id
        self._render()
        if new_flow:  # another flow: its introduction from the top
            self.verticalScrollBar().setValue(0)

    def _render(self, *_args) -> None:
        view, lang = self._view, ui_context().language
        if view is None:
            self.setHtml("")
            return
        # The current flow's introduction first, then the scenario's story, then the other flows' (a flow
        # without an introduction has nothing to add here: its steps are in the flow panel).
        told = [f for f in view.flows if pick(f.narration, lang)]
        current = [f for f in told if f.id == self._flow]
        sections = [self._flow_section(f, lang, self.tr("The flow on show")) for f in current]
        summary = pick(view.summary, lang)
        if summary:
            heading = self.tr("The scenario")
            sections.append(f"<h3>{html.escape(heading)}: {html.escape(pick(view.title, lang))}</h3>"
                            f"{_html_of(summary, self._shade())}")
        sections += [self._flow_section(f, lang, self.tr("Another flow")) for f in told if f.id != self._flow]
        if not sections:
            nothing = self.tr("This scenario tells no story.")
            sections.append(f"<p><i>{html.escape(nothing)}</i></p>")
        position = self.verticalScrollBar().value()  # an edit or a language switch keeps the place
        self.setHtml("<hr/>".join(sections))
        self.verticalScrollBar().setValue(position)

    def _flow_section(self, flow: FlowView, lang: str, kind: str) -> str:
        title = pick(flow.title, lang) or flow.id
        intro = _html_of(pick(flow.narration, lang), self._shade())
        return f"<h3>{html.escape(kind)}: {html.escape(title)}</h3>{intro}"

    def _shade(self) -> str:
        return self.palette().alternateBase().color().name()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
