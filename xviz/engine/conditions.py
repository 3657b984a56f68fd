"""Condition operators: a table of pure comparison functions, and the set/IfExists/negation rules.

Rules (IAM UG, reference_policies_elements_condition_operators.html and
reference_policies_multi-value-conditions.html):
- several values for one key are ORed; a negated operator is true when no value matches (ANDed);
- a missing key makes a condition false, a negated one true, an `...IfExists` one true;
- `ForAllValues:` is true for a missing key or an empty set, `ForAnyValue:` false;
- `Null` tests presence only.
"""
from __future__ import annotations

import base64
import binascii
import ipaddress
import math
import re
from datetime import datetime, timezone
from typing import Any, Callable

from xviz.engine.variables import parse_template
from xviz.engine.wildcard import compile_glob, match_parts

# --- value parsers: policy and request values are strings; None means "not of this type" -------


def parse_number(text: str) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")


def parse_date(text: str) -> float | None:
    """Seconds since the epoch, from ISO 8601 (UTC when no zone is given) or epoch seconds."""
    text = text.strip()
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        return float(text)
    if not _ISO.match(text):
        return None
    iso = text.replace("Z", "+00:00")
    if re.search(r"[+-]\d{4}$", iso):
        iso = iso[:-2] + ":" + iso[-2:]
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def parse_bool(text: str) -> bool | None:
    low = text.lower()
    return True if low == "true" else False if low == "false" else None


def parse_network(text: str):
    try:
        return ipaddress.ip_network(text.strip(), strict=False)
    except ValueError:
        return None


_IPV4_CIDR = re.compile(r"^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}"
                        r"(/(3[0-2]|[12]?\d))?$")


def check_network(text: str) -> bool | None:
    """True for a valid IPv4/IPv6 address or CIDR block (the common IPv4 case without ipaddress)."""
    if _IPV4_CIDR.match(text):
        return True
    return True if parse_network(text) is not None else None


def parse_address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        # AWS also sends addresses with a prefix length; take the address part.
        net = parse_network(text)
        return net.network_address if net is not None and net.num_addresses == 1 else None


def parse_binary(text: str) -> bytes | None:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


# --- comparisons: (compiled policy value, request value string) -> bool ----------------------

def _arn_matcher(pattern: str) -> Callable[[str], bool]:
    """ARN operators compare the six segments separately; each segment may hold * and ?."""
    pattern_parts = pattern.split(":", 5)
    if len(pattern_parts) != 6:
        whole = compile_glob(pattern)
        return whole
    segment_matchers = [compile_glob(p) for p in pattern_parts]

    def match(value: str) -> bool:
        parts = value.split(":", 5)
        return len(parts) == 6 and all(m(v) for m, v in zip(segment_matchers, parts))
    return match


def _arn_parts_matcher(parts: list[tuple[str, bool]]) -> Callable[[str], bool]:
    text = "".join(p for p, _ in parts)
    if all(g for _, g in parts):
        return _arn_matcher(text)
    return lambda value: match_parts(parts, value)


class Family:
    """How one operator family reads policy values and compares a request value to them."""

    def __init__(self, name: str, parse: Callable[[str], Any] | None, compare: Callable[[Any, str], bool],
                 substitutes: bool = False, kind: str = "string", check: Callable[[str], Any] | None = None):
        self.name = name
        self.check = check                # a cheaper validity test than parse (None: use parse)
        self.parse = parse                # policy value text -> compiled value, None = invalid
        self.compare = compare            # (compiled, request value) -> bool
        self.substitutes = substitutes    # policy variables are filled into its values
        self.kind = kind                  # for messages: string, number, date, bool, binary, ip, arn


def _num_cmp(op: Callable[[float, float], bool]) -> Callable[[float, str], bool]:
    def compare(policy: float, value: str) -> bool:
        v = parse_number(value)
        return v is not None and op(v, policy)
    return compare


def _date_cmp(op: Callable[[float, float], bool]) -> Callable[[float, str], bool]:
    def compare(policy: float, value: str) -> bool:
        v = parse_date(value)
        return v is not None and op(v, policy)
    return compare


def _ip_in(network, value: str) -> bool:
    address = parse_address(value)
    return address is not None and address.version == network.version and address in network


def _bool_eq(policy: bool, value: str) -> bool:
    return parse_bool(value) is policy


def _binary_eq(policy: bytes, value: str) -> bool:
    decoded = parse_binary(value)
    return decoded == policy if decoded is not None else False


_eq = lambda a, b: b == a  # noqa: E731
_lt = lambda a, b: a < b  # noqa: E731
_le = lambda a, b: a <= b  # noqa: E731
_gt = lambda a, b: a > b  # noqa: E731
_ge = lambda a, b: a >= b  # noqa: E731

# Base operator -> (family, negated)
_STRING_EQ = Family("StringEquals", str, _eq, substitutes=True)
_STRING_EQ_IC = Family("StringEqualsIgnoreCase", lambda s: s.casefold(), lambda p, v: v.casefold() == p,
                       substitutes=True)
_STRING_LIKE = Family("StringLike", compile_glob, lambda m, v: m(v), substitutes=True)
_ARN = Family("ArnLike", _arn_matcher, lambda m, v: m(v), substitutes=True, kind="arn")
_NUM = {n: Family(n, parse_number, _num_cmp(op), kind="number") for n, op in (
    ("NumericEquals", _eq), ("NumericLessThan", _lt), ("NumericLessThanEquals", _le),
    ("NumericGreaterThan", _gt), ("NumericGreaterThanEquals", _ge))}
_DATE = {n: Family(n, parse_date, _date_cmp(op), kind="date") for n, op in (
    ("DateEquals", _eq), ("DateLessThan", _lt), ("DateLessThanEquals", _le),
    ("DateGreaterThan", _gt), ("DateGreaterThanEquals", _ge))}

OPERATORS: dict[str, tuple[Family, bool]] = {
    "StringEquals": (_STRING_EQ, False),
    "StringNotEquals": (_STRING_EQ, True),
    "StringEqualsIgnoreCase": (_STRING_EQ_IC, False),
    "StringNotEqualsIgnoreCase": (_STRING_EQ_IC, True),
    "StringLike": (_STRING_LIKE, False),
    "StringNotLike": (_STRING_LIKE, True),
    "NumericEquals": (_NUM["NumericEquals"], False),
    "NumericNotEquals": (_NUM["NumericEquals"], True),
    "NumericLessThan": (_NUM["NumericLessThan"], False),
    "NumericLessThanEquals": (_NUM["NumericLessThanEquals"], False),
    "NumericGreaterThan": (_NUM["NumericGreaterThan"], False),
    "NumericGreaterThanEquals": (_NUM["NumericGreaterThanEquals"], False),
    "DateEquals": (_DATE["DateEquals"], False),
    "DateNotEquals": (_DATE["DateEquals"], True),
    "DateLessThan": (_DATE["DateLessThan"], False),
    "DateLessThanEquals": (_DATE["DateLessThanEquals"], False),
    "DateGreaterThan": (_DATE["DateGreaterThan"], False),
    "DateGreaterThanEquals": (_DATE["DateGreaterThanEquals"], False),
    "Bool": (Family("Bool", parse_bool, _bool_eq, kind="bool"), False),
    "BinaryEquals": (Family("BinaryEquals", parse_binary, _binary_eq, kind="binary"), False),
    "IpAddress": (Family("IpAddress", parse_network, _ip_in, kind="ip", check=check_network), False),
    "NotIpAddress": (Family("IpAddress", parse_network, _ip_in, kind="ip", check=check_network), True),
    "ArnEquals": (_ARN, False),
    "ArnLike": (_ARN, False),
    "ArnNotEquals": (_ARN, True),
    "ArnNotLike": (_ARN, True),
}
QUALIFIERS = ("ForAllValues", "ForAnyValue")
_OPERATORS_LOWER = {name.lower(): name for name in list(OPERATORS) + ["Null"]}


class OperatorName:
    """An operator as written, split: `ForAnyValue:StringLikeIfExists` -> qualifier, base, IfExists."""

    __slots__ = ("text", "qualifier", "base", "if_exists")

    def __init__(self, text: str, qualifier: str | None, base: str, if_exists: bool):
        self.text, self.qualifier, self.base, self.if_exists = text, qualifier, base, if_exists


_SPLIT: dict[str, OperatorName] = {}  # the valid operator names seen so far: a finite table


def split_operator(text: str) -> OperatorName | str:
    """The parsed operator, or an error code: `unknown-operator`, `unknown-qualifier`, `null-ifexists`."""
    known = _SPLIT.get(text)
    if known is not None:
        return known
    parsed = _split_operator(text)
    if not isinstance(parsed, str):
        _SPLIT[text] = parsed
    return parsed


def _split_operator(text: str) -> OperatorName | str:
    qualifier = None
    rest = text
    if ":" in text:
        qualifier, rest = text.split(":", 1)
        if qualifier not in QUALIFIERS:
            return "unknown-qualifier"
    if_exists = rest.endswith("IfExists") and rest != "IfExists"
    base = rest[: -len("IfExists")] if if_exists else rest
    if base == "Null":
        return "null-ifexists" if if_exists else OperatorName(text, qualifier, base, False)
    if base not in OPERATORS:
        return "unknown-operator"
    return OperatorName(text, qualifier, base, if_exists)


def suggest_operator(text: str) -> str | None:
    """The operator the author probably meant (case or a letter off), or None."""
    import difflib

    base = text.split(":")[-1]
    base = base[:-8] if base.lower().endswith("ifexists") else base
    exact = _OPERATORS_LOWER.get(base.lower())
    if exact:
        return exact
    close = difflib.get_close_matches(base.lower(), list(_OPERATORS_LOWER), n=1, cutoff=0.8)
    return _OPERATORS_LOWER[close[0]] if close else None


class ConditionTest:
    """One (operator, key, values) triple of a Condition block, compiled for fast evaluation."""

    __slots__ = ("op", "key", "key_lower", "values", "family", "negated", "_compiled", "templates",
                 "null_expect")

    def __init__(self, op: OperatorName, key: str, values: tuple[str, ...], substitute: bool = False):
        self.op = op
        self.key = key
        self.key_lower = key.lower()
        self.values = values
        self.templates: tuple | None = None
        if op.base == "Null":
            self.family, self.negated = None, False
            self._compiled = ()
            self.null_expect = tuple(b for b in (parse_bool(v) for v in values) if b is not None)
            return
        self.null_expect = ()
        self.family, self.negated = OPERATORS[op.base]
        self._compiled = None  # parsed on first use: most statements fail on their action first
        # Policy variables are filled in only in Version 2012-10-17 policies, for string/ARN values.
        if substitute and self.family.substitutes and "${" in "\x00".join(values):
            templates = tuple(parse_template(v) for v in values)
            if any(t is not None for t in templates):
                self.templates = templates

    @property
    def compiled(self) -> tuple:
        if self._compiled is None:
            self._compiled = tuple(c for c in (self.family.parse(v) for v in self.values) if c is not None)
        return self._compiled

    def invalid_values(self) -> list[str]:
        """Policy values that can never match (wrong type for the operator)."""
        if self.family is None:
            return [v for v in self.values if parse_bool(v) is None]
        if self.family.kind in ("string", "arn"):
            return []
        check = self.family.check or self.family.parse
        return [v for v in self.values if check(v) is None]

    # -- evaluation -------------------------------------------------------------------------------
    def evaluate(self, context: dict[str, tuple[str, ...]], variable: Callable[[str], str | None]
                 ) -> tuple[bool, Any]:
        """(result, detail): detail names the request values seen, or a missing variable."""
        present = context.get(self.key_lower)
        op = self.op
        if op.base == "Null":
            absent = not present
            return any(expect == absent for expect in self.null_expect), present
        if not present:  # missing key, or an empty set
            if op.qualifier is not None:
                return op.qualifier == "ForAllValues", None
            return op.if_exists or self.negated, None
        compiled = self.compiled
        missing = None
        if self.templates is not None:
            # A variable with no value stands for a null: it matches nothing, so a negated operator
            # is true against it (reference_policies_variables.html).
            compiled, missing = self._substituted(variable)
        compare = self.family.compare
        negated = self.negated

        def satisfies(value: str) -> bool:
            hit = False
            for c in compiled:
                if compare(c, value):
                    hit = True
                    break
            return not hit if negated else hit

        if op.qualifier == "ForAllValues":
            result = all(satisfies(v) for v in present)
        elif op.qualifier == "ForAnyValue":
            result = any(satisfies(v) for v in present)
        else:  # no set qualifier: any request value against any policy value; negation over the whole
            hit = any(compare(c, v) for v in present for c in compiled)
            result = not hit if negated else hit
        if not result and missing:
            return False, ("missing-variable", missing)
        return result, present

    def _substituted(self, variable: Callable[[str], str | None]) -> tuple[tuple, str | None]:
        """The policy values with variables filled in; values whose variable has no value are left
        out, and the first such variable is named."""
        out = []
        missing = None
        family = self.family
        for value, template in zip(self.values, self.templates):
            if template is None:
                parsed = family.parse(value)
            else:
                parts, key = template.resolve(variable)
                if parts is None:
                    missing = missing or key
                    continue
                if family is _STRING_LIKE:
                    parsed = (lambda ps: (lambda v: match_parts(ps, v)))(parts)
                elif family is _ARN:
                    parsed = _arn_parts_matcher(parts)
                else:
                    parsed = family.parse("".join(p for p, _ in parts))
            if parsed is not None:
                out.append(parsed)
        return tuple(out), missing
