"""The cards of the home screen: title, summary and difficulty of each bundled scenario.

Reads only the top-level fields, with PyYAML's safe loader; the full scenario format lives in
`xviz.scenario`. No Qt here. A text field is either a string or a mapping of language to string.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

import xviz

MAX_CARD_FILE_BYTES = 2_000_000
# libyaml's safe loader when PyYAML was built with it (ten times faster), the pure one otherwise.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class ScenarioCard:
    path: Path
    title: str
    summary: str = ""
    difficulty: str = ""  # raw value, e.g. "beginner" or "2"; the UI translates known words
    error: str = ""  # the parser's message when the file could not be read
    line: int | None = None
    column: int | None = None
    flow_count: int = 0
    step_count: int = 0
    scenario_id: str = ""  # the scenario's `id` (exercise progress is kept under it)
    exercise: bool = False  # it has an `exercise:` block

    @property
    def ok(self) -> bool:
        return not self.error


def pick(value: object, language: str) -> str:
    """The text for `language` from a string or a {"en": ..., "ja": ...} mapping."""
    if value is None:
        return ""
    if isinstance(value, dict):
        for key in (language, "en", *value.keys()):
            text = value.get(key)
            if isinstance(text, (str, int, float)):
                return str(text).strip()
        return ""
    if isinstance(value, (str, int, float)):
        return str(value).strip()
    return ""


def read_card(path: Path, language: str) -> ScenarioCard:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_CARD_FILE_BYTES:
            return ScenarioCard(path, path.stem, error="file too large")
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        return ScenarioCard(path, path.stem, error=str(exc.problem or exc), line=line, column=column)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return ScenarioCard(path, path.stem, error=str(exc))
    except (ValueError, RecursionError) as exc:  # e.g. a 5,000-digit number: Python refuses to convert it
        return ScenarioCard(path, path.stem, error=str(exc).split(";")[0])
    if not isinstance(data, dict):
        return ScenarioCard(path, path.stem, error="the top level is not a mapping")
    meta = data.get("scenario") if isinstance(data.get("scenario"), dict) else data
    title = pick(meta.get("title"), language) or path.stem
    flows = data.get("flows") if isinstance(data.get("flows"), dict) else {}
    steps = sum(len(f.get("steps") or []) for f in flows.values() if isinstance(f, dict)
                and isinstance(f.get("steps") or [], list))
    return ScenarioCard(path, title, teaser(pick(meta.get("summary"), language)),
                        pick(meta.get("difficulty"), language), flow_count=len(flows), step_count=steps,
                        scenario_id=str(data.get("id") or ""), exercise=isinstance(data.get("exercise"), dict))


def teaser(text: str, target: int = 90) -> str:
    """Whole sentences from the start of the summary, on one line, until about `target` characters."""
    flat = join_lines(text)
    sentences = re.findall(r".+?(?:。|[.!?](?= |$))|.+$", flat)
    out = ""
    for sentence in sentences:
        if out and len(out) >= target // (2 if _is_wide(out) else 1):
            break
        out = (out + ("" if _is_wide(sentence) else " ") + sentence.strip()).strip()
    return out


def join_lines(text: str) -> str:
    """Unwrap a block of text; Japanese lines join without a space, Latin ones with one."""
    out = ""
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        if out and _needs_space(out[-1], line[0]):
            out += " "
        out += line
    return out


def _needs_space(before: str, after: str) -> bool:
    """Between two wrapped lines: Latin words need a space, Japanese does not, and the authors'
    style of a space between Japanese and Latin words is kept, except next to full-width punctuation."""
    if _is_punctuation(before) or _is_punctuation(after):
        return False
    return not (_is_wide(before) and _is_wide(after))


def _is_punctuation(ch: str) -> bool:
    return 0x3000 <= ord(ch) <= 0x303F or 0xFF00 <= ord(ch) <= 0xFF65


def _is_wide(text: str) -> bool:
    """Japanese text: a character carries about twice the meaning of a Latin letter."""
    return any(ord(ch) > 0x2E80 for ch in text)


def bundled_scenarios_dir() -> Path | None:
    """`scenarios/` next to the package (source checkout) or inside it (installed)."""
    package = Path(xviz.__file__).resolve().parent
    for candidate in (package.parent / "scenarios", package / "scenarios"):
        if candidate.is_dir():
            return candidate
    return None


def exercise_standing(progress_json: str, scenario_id: str) -> tuple[bool, int | None]:
    """(solved, best score) of one exercise from the progress JSON that
    xviz.scenario.exercise_progress writes. Read here so the home screen paints without importing the
    scenario package (a test holds the two readings equal)."""
    try:
        record = json.loads(progress_json or "{}").get(scenario_id)
    except (ValueError, AttributeError):
        return False, None
    if not isinstance(record, dict):
        return False, None
    best = record.get("best_score")
    return record.get("solved") is True, best if isinstance(best, int) and not isinstance(best, bool) and best >= 0 else None


def exercises_dir(directory: Path | None = None) -> Path | None:
    """`exercises/` inside the scenarios folder, when there is one."""
    directory = directory or bundled_scenarios_dir()
    found = directory / "exercises" if directory is not None else None
    return found if found is not None and found.is_dir() else None


def bundled_cards(language: str, directory: Path | None = None) -> list[ScenarioCard]:
    directory = directory or bundled_scenarios_dir()
    if directory is None:
        return []
    files = sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [read_card(p, language) for p in files]
