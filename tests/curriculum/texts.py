"""Every text a learner reads, gathered for the curriculum tests: (where, en, ja) triples."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((ROOT / "scenarios").glob("**/*.yaml"))  # the bundled ones and the exercises
BUNDLED = sorted((ROOT / "scenarios").glob("*.yaml"))


def bilingual(node, path=()):
    """Each {en, ja} mapping of a scenario file (the seed's mermaid charts are quoted as they are)."""
    if isinstance(node, dict):
        if isinstance(node.get("en"), str) and isinstance(node.get("ja"), str):
            yield ".".join(map(str, path)), node["en"], node["ja"]
            return
        for key, value in node.items():
            if key != "mermaid":
                yield from bilingual(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from bilingual(value, path + (i,))


def scenario_texts():
    for file in SCENARIOS:
        for where, en, ja in bilingual(yaml.safe_load(file.read_text(encoding="utf-8"))):
            yield f"{file.relative_to(ROOT)}:{where}", en, ja


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from _strings(value)
    elif isinstance(obj, (list, tuple)):
        for value in obj:
            yield from _strings(value)


def code_texts():
    """Japanese sentences xviz itself writes: the catalogue, scenario notes, RAM reasons, UI translations."""
    import xviz.explain.catalog_ja as catalog
    from xviz.scenario import notes, ram

    for name in dir(catalog):
        if name.isupper():
            for text in _strings(getattr(catalog, name)):
                yield f"catalog_ja.{name}", None, text
    for code, (en, ja) in notes._TEXT.items():
        yield f"notes.{code}", en, ja
    for code, (en, ja) in ram._REASONS.items():
        yield f"ram.{code}", en, ja
    ts = (ROOT / "assets" / "i18n" / "xviz_ja.ts").read_text(encoding="utf-8")
    for m in re.finditer(r"<source>(.*?)</source>.*?<translation[^>]*>(.*?)</translation>", ts, re.S):
        yield "xviz_ja.ts", m.group(1), m.group(2)
