"""Random text-level damage to the bundled scenarios: loading (and running, when it loads) either
succeeds or raises ScenarioError. Never another exception."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scenario_support import BUNDLED

from xviz.scenario import ScenarioError, loads
from xviz.scenario.runner import run_steps

TEXTS = [p.read_text(encoding="utf-8") for p in BUNDLED]
NOISE = st.text(alphabet=list(":-{}[]'\"|>&*!#%@,?\t\n 0123456789abcXYZ\\\u3042"), min_size=1, max_size=6)


@st.composite
def mutated(draw):
    text = draw(st.sampled_from(TEXTS))
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["insert", "delete", "dup_line", "drop_line", "indent", "dedent", "swap"]))
        if kind in ("insert", "delete"):
            text = "\n".join(lines)
            at = draw(st.integers(0, len(text)))
            if kind == "insert":
                text = text[:at] + draw(NOISE) + text[at:]
            else:
                text = text[:at] + text[at + draw(st.integers(1, 12)):]
            lines = text.split("\n")
            continue
        i = draw(st.integers(0, len(lines) - 1))
        if kind == "dup_line":
            lines.insert(i, lines[i])
        elif kind == "drop_line":
            del lines[i]
        elif kind == "indent":
            lines[i] = "  " + lines[i]
        elif kind == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_damaged_scenarios_load_or_raise_scenario_error(text):
    try:
        loaded = loads(text, "mutant.yaml")
        run_steps(loaded)
        for name in list(loaded.model.what_ifs)[:1]:  # a switch patches the damaged text too
            run_steps(loads(text, "mutant.yaml", [name]))
    except ScenarioError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
