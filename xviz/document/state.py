"""The whole state of an open scenario: the file's text, the user's edits and the active what-ifs."""
from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class DocumentState:
    """Reached in any order (what-if then edit, edit then what-if, undo), the same state is equal:
    edits are kept sorted by path and what-ifs in the scenario's own order (`order`)."""

    file: str | None
    file_text: str
    edits: tuple[tuple[tuple, str], ...] = ()  # (policy path, text as typed), sorted by path
    what_ifs: tuple[str, ...] = ()

    def edit(self, path: tuple, text: str) -> "DocumentState":
        edits = dict(self.edits)
        edits[tuple(path)] = text
        return replace(self, edits=tuple(sorted(edits.items(), key=lambda item: tuple(map(str, item[0])))))

    def edited(self, path: tuple) -> str | None:
        return dict(self.edits).get(tuple(path))

    def with_what_ifs(self, names, order: list[str]) -> "DocumentState":
        wanted = set(names)
        return replace(self, what_ifs=tuple(n for n in order if n in wanted) +
                       tuple(sorted(n for n in wanted if n not in order)))
