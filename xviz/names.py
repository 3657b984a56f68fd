"""How a name the author may write in both languages reads where no language is chosen (a tree of the
world built from plain data). Kept free of heavy imports: the home screen's raw reading uses it."""
from __future__ import annotations


def name_label(value: object, fallback: str) -> str:
    """An account's or OU's name, plain or {en, ja}: a bilingual name shows both, unless the Japanese
    one already carries the English (`ワークロード（Workloads）`)."""
    if isinstance(value, dict):
        en, ja = str(value.get("en") or ""), str(value.get("ja") or "")
        return ja if en and en in ja else " / ".join(n for n in (en, ja) if n) or fallback
    return str(value) if value else fallback
