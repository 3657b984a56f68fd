"""Pydantic validation errors -> Problems at file:line:column, with a hint of what to write instead."""
from __future__ import annotations

import difflib
import types
import typing

from pydantic import BaseModel, ValidationError

from xviz.scenario import model as m
from xviz.scenario.errors import ProblemSink
from xviz.scenario.yamlsource import SourceMap

# What a pattern-checked field should look like, by field name.
_FORM_HINTS = {
    "id": "lowercase letters, digits and '-' (organization ids: o- then 10-32 lowercase letters or digits)",
    "root": "r- then 4-32 lowercase letters or digits, e.g. r-ab12",
    "region": "a region code such as us-east-1 or ap-northeast-1",
    "action": "service:Action, e.g. sts:AssumeRole or s3:GetObject",
    "session_name": "2-64 characters: letters, digits and + = , . @ _ -",
    "path": "a path that starts and ends with '/', e.g. / or /engineering/",
    "name": "letters, digits and + = , . @ _ -",
    "principal": "a service principal such as cloudtrail.amazonaws.com",
    "docs": "a link that starts with https://",
}


def _unwrap(annotation):
    """Strip Optional/Annotated so the model tree can be walked."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else annotation
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    return annotation


def _branch(annotation, seg):
    """In a union (a narration's two forms), the member that has `seg`: a model with that field, or a
    mapping."""
    if typing.get_origin(annotation) not in (typing.Union, types.UnionType):
        return annotation
    members = [_unwrap(a) for a in typing.get_args(annotation)]
    for member in members:
        if isinstance(member, type) and issubclass(member, BaseModel) and seg in member.model_fields:
            return member
    return next((member for member in members if typing.get_origin(member) is dict), members[0])


def model_at(loc: tuple) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc` (None when it is not a model)."""
    current = m.Scenario
    for seg in loc:
        current = _branch(_unwrap(current), seg)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(seg) if isinstance(seg, str) else None
            if field is None:
                field = next((f for f in current.model_fields.values() if f.alias == seg), None)
            if field is None:
                return None
            current = field.annotation
        elif typing.get_origin(current) in (dict, list):
            current = typing.get_args(current)[-1]
        else:
            return None
    current = _branch(_unwrap(current), "en")  # a narration's single text, when the path ends there
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _keys_of(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _dotted(loc: tuple) -> str:
    return ".".join(str(p) for p in loc) or "the top level"


def report(exc: ValidationError, source_map: SourceMap, sink: ProblemSink) -> None:
    seen = set()
    for err in exc.errors():
        # A tagged union's member name, e.g. "(one text)", is no place in the file.
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("(")))
        kind = err["type"]
        key = (loc, kind)
        if key in seen:
            continue
        seen.add(key)
        field = loc[-1] if loc else ""
        where = _dotted(loc[:-1])
        if kind in ("missing", "string_too_short") and model_at(loc[:-1]) is m.Text:
            lang = {"en": "English", "ja": "Japanese"}.get(str(field), str(field))
            sink.add("missing_translation", f"{where}: the {lang} text (`{field}`) is missing",
                     "every text a learner reads needs both `en:` and `ja:`", source_map.position(loc[:-1]))
        elif kind == "missing":
            sink.add("missing_key", f"{where}: `{field}` is missing", f"add `{field}:` here",
                     source_map.position(loc[:-1]))
        elif kind == "extra_forbidden":
            parent = model_at(loc[:-1])
            known = _keys_of(parent) if parent else []
            close = difflib.get_close_matches(str(field), known, n=1)
            hint = f"did you mean `{close[0]}`?" if close else (
                "known keys here: " + ", ".join(known) if known else "remove it")
            sink.add("unknown_key", f"{where}: unknown key `{field}`", hint, source_map.position(loc, key=True))
        elif kind == "string_pattern_mismatch":
            hint = _FORM_HINTS.get(str(field), f"it must match {err.get('ctx', {}).get('pattern', '')}")
            sink.add("bad_form", f"{_dotted(loc)}: {err['input']!r} does not have the expected form",
                     f"write {hint}", source_map.position(loc))
        elif kind in ("dict_type", "model_type", "model_attributes_type"):
            sink.add("expected_mapping", f"{_dotted(loc)}: expected a mapping (indented `key: value` lines) here",
                     "see scenarios/README.md for the keys this place takes", source_map.position(loc))
        elif kind == "list_type":
            sink.add("expected_list", f"{_dotted(loc)}: expected a list here",
                     "write one `- item` per line, or [a, b]", source_map.position(loc))
        elif kind == "string_type":
            sink.add("expected_text", f"{_dotted(loc)}: expected text here, not a list or a mapping",
                     "write a single value on this line", source_map.position(loc))
        elif kind == "literal_error":
            sink.add("bad_choice", f"{_dotted(loc)}: {err['input']!r} is not allowed",
                     err["msg"].replace("Input should be", "use"), source_map.position(loc))
        elif kind in ("too_short",):
            sink.add("empty", f"{_dotted(loc)}: must not be empty", "add at least one entry",
                     source_map.position(loc))
        else:
            msg = err["msg"].removeprefix("Value error, ")
            sink.add("invalid_value", f"{_dotted(loc)}: {msg}", "correct this value", source_map.position(loc))
