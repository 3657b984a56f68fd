"""Names xviz gives the policies it derives ("CrossAccountRole trust policy", "RAM share net"), in
both languages: the English name is what the engine request and its trace carry; a Japanese sentence
shows the Japanese one ("CrossAccountRole の信頼ポリシー"), with the glossary's terms."""
from __future__ import annotations

# kind -> (English name pattern, Japanese display pattern); {key} is the world key.
_DERIVED = {
    "trust": ("{key} trust policy", "{key} の信頼ポリシー"),
    "resource": ("{key} policy", "{key} のポリシー"),
    "session": ("session policy", "セッションポリシー"),
    "ram_share": ("RAM share {key}", "RAM のリソース共有 {key}"),
}


def derived_name(kind: str, key: str = "") -> str:
    """The English name of a derived policy, as requests and traces carry it."""
    return _DERIVED[kind][0].format(key=key)


def display_name(name: str, lang: str) -> str:
    """A policy name as a learner reads it in `lang`: derived names translated, the author's kept."""
    if lang != "ja":
        return name
    # Exact names first, then the most specific pattern ("X trust policy" before "X policy").
    for en, ja in sorted(_DERIVED.values(), key=lambda p: ("{key}" in p[0], -len(p[0]))):
        prefix, _, suffix = en.partition("{key}")
        if "{key}" not in en:
            if name == en:
                return ja
        elif name.startswith(prefix) and name.endswith(suffix) and len(name) > len(prefix) + len(suffix):
            return ja.format(key=name[len(prefix):len(name) - len(suffix)])
    return name
