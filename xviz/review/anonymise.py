"""Rewrite an imported organization into placeholders, consistently, so a customer review can become a
workshop: the same original always becomes the same placeholder, in keys, values and policy text.

- account ids: the management account first, then in numeric order: 111111111111 … 999999999999,
  then 100000000010, 100000000011, … (every 12-digit number anywhere is treated as an account id);
- the organization o-xxxxxxxxxx, its root r-xxxx, OUs ou-xxxx-00000001 …;
- account names: "Account N" (N as in the placeholder order), email addresses userN@example.com;
- the words of the organization's email domains (acme-corp.com: "acme-corp", "acme") become "example".
Role, user and policy names are kept: they carry the architecture a workshop teaches.
"""
from __future__ import annotations

import re
from typing import Any, Callable

from xviz.review.importer import Policy

ACCOUNT = re.compile(r"(?<!\d)\d{12}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")


def account_placeholder(n: int) -> str:
    """The n-th placeholder (1-based): 111111111111 … 999999999999, then 100000000010 …"""
    return str(n) * 12 if n <= 9 else str(100000000000 + n)


def _walk(value: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(value, Policy):
        return Policy(_walk(value.document, fn))
    if isinstance(value, dict):
        return {fn(k) if isinstance(k, str) else k: _walk(v, fn) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, fn) for v in value]
    return fn(value) if isinstance(value, str) else value


def _strings(value: Any) -> list[str]:
    found: list[str] = []
    _walk(value, lambda s: found.append(s) or s)
    return found


def anonymise(data: dict, emails: list[str] = ()) -> dict:
    """A copy of imported scenario data with every identifying id, name and email replaced; `emails`
    (the accounts' addresses, which the scenario does not keep) name the domains to hide."""
    world = data["world"]
    org = world.get("organization")
    texts = _strings(data) + list(emails)
    ids = sorted({m.group(0) for s in texts for m in ACCOUNT.finditer(s)})
    if org:
        ids.remove(org["management_account"])
        ids.insert(0, org["management_account"])
    accounts = {old: account_placeholder(i) for i, old in enumerate(ids, 1)}
    literal: dict[str, str] = {}
    if org:
        literal[org["id"]] = "o-xxxxxxxxxx"
        literal[org["root"]] = "r-xxxx"
        for i, ou in enumerate(org.get("ous", {}), 1):
            literal[ou] = f"ou-xxxx-{i:08d}"
    emails = sorted({m.group(0) for s in texts for m in EMAIL.finditer(s)})
    literal.update({e: f"user{i}@example.com" for i, e in enumerate(emails, 1)})
    words: set[str] = set()
    for email in emails:
        label = email.split("@")[1].split(".")[0]
        words |= {w for w in (label, label.split("-")[0]) if len(w) >= 4}
    pattern = re.compile("|".join(re.escape(k) for k in sorted(literal, key=len, reverse=True))) if literal else None
    word_pattern = (re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
                    if words else None)

    def rewrite(s: str) -> str:
        if pattern is not None:
            s = pattern.sub(lambda m: literal[m.group(0)], s)
        s = ACCOUNT.sub(lambda m: accounts[m.group(0)], s)
        return word_pattern.sub("example", s) if word_pattern is not None else s

    renamed = dict(world["accounts"])
    for old, entry in world["accounts"].items():
        n = ids.index(old) + 1
        label = "External account" if entry.get("external") else "Account"
        renamed[old] = {**entry, "name": f"{label} {n}"}
    out = _walk({**data, "world": {**world, "accounts": renamed}}, rewrite)
    out["world"]["accounts"] = dict(sorted(out["world"]["accounts"].items()))
    return out
