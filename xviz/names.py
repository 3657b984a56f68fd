"""How a name the author may write in both languages reads where no language is chosen (a tree of the
world built from plain data). Kept free of heavy imports: the home screen's raw reading uses it."""
from __future__ import annotations


def localized_label(value: object, fallback: str, suffix: str = "") -> object:
    """A name for a view that picks the language itself: {en, ja} (each with `suffix`) for a bilingual
    name, else one string."""
    if isinstance(value, dict) and (value.get("en") or value.get("ja")):
        en, ja = str(value.get("en") or value.get("ja")), str(value.get("ja") or value.get("en"))
        return {"en": en + suffix, "ja": ja + suffix}
    return (str(value) if value else fallback) + suffix
