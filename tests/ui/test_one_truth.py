"""One truth on screen: after any what-if, edit or undo, the verdict, the story, the policy text and the
diagram all tell what the document's snapshot says, and `--dump-state` (the window) equals `xviz run
--json` (the command line) for every bundled scenario under every what-if."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from xviz.document import Document
from xviz.document.run_report import render_json
from xviz.ui.state_dump import dump_state

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = sorted((ROOT / "scenarios").glob("*.yaml"))
TRUST = "world.roles.CrossAccountRole.trust_policy"
ALICE = "world.users.alice.policies.AllowAssume"


def _cases():
    for path in BUNDLED:
        yield path, None
        for name in Document.open(path).snapshot.view.what_ifs:
            yield path, name.id


def _comparable(steps, policies):
    keys = ("flow", "step", "title", "verdict", "narration")
    return ([{**{k: s[k] for k in keys}, "notes": [n if isinstance(n, str) else n["text"] for n in s["notes"]]}
             for s in steps],
            [{k: p[k] for k in ("id", "label", "text", "read_only")} for p in policies])


@pytest.mark.parametrize("path, what_if", list(_cases()),
                         ids=lambda v: v.stem[:2] if isinstance(v, Path) else str(v))
def test_the_windows_state_is_what_xviz_run_says(window, path, what_if):
    window.open_path(str(path))
    panel = window.workbench.flow_panel
    if what_if is not None:
        panel.what_if_checks[[w.id for w in panel._what_ifs].index(what_if)].setChecked(True)  # as a click
    document = Document.open(path)
    snapshot = document.set_what_ifs([what_if]) if what_if else document.snapshot
    for lang in ("en", "ja"):
        shown = dump_state(window.workbench, lang)
        said = render_json(snapshot, lang)
        assert _comparable(shown["steps"], shown["policies"]) == _comparable(said["steps"], said["policies"])


def _flow_badges(window) -> list[str]:
    steps = window.workbench.flow_panel.steps
    return [steps.topLevelItem(i).text(2) for i in range(steps.topLevelItemCount())]


def _on_screen(window) -> dict:
    """What a learner reads for the current step, taken from the widgets."""
    bench = window.workbench
    trust_editor = bench.policy_tabs.editors().get(TRUST)
    rows = {row["id"]: row["state"] for row in bench.scenes.architecture_rows()}
    return {"badge": bench.explanation.verdict.text(), "flow_badges": _flow_badges(window),
            "text": bench.explanation.text(), "trust": trust_editor.toPlainText() if trust_editor else None,
            "trust_read_only": trust_editor.isReadOnly() if trust_editor else None, "diagram": rows}


def test_a_what_if_then_an_edit_then_undo_tell_one_story(scenario_window, qtbot):
    window = scenario_window
    bench = window.workbench
    bench.open_policy(TRUST)
    bench.select("main", 0)
    start = _on_screen(window)
    assert start["badge"] == "Allow" and start["text"].startswith("Alice asks STS for the role.")
    assert start["diagram"]["access:user.alice->role.CrossAccountRole"] == "allowed"

    bench.flow_panel.what_if_checks[0].setChecked(True)  # the role trusts nobody
    after_what_if = _on_screen(window)
    assert after_what_if["badge"] == "Implicit deny"
    assert after_what_if["flow_badges"] == ["Implicit deny", "Not reached", "Not reached"]
    assert "Alice asks STS" not in after_what_if["text"]  # that story is written for Allow
    assert "Was Allow: " in after_what_if["text"] and "Now ImplicitDeny" in after_what_if["text"]
    assert after_what_if["trust_read_only"] and '"Statement": []' in after_what_if["trust"]
    assert after_what_if["diagram"]["access:user.alice->role.CrossAccountRole"] == "denied"
    assert bench.explanation.what_if_story.isVisible()
    assert "The trust policy is empty." in bench.explanation.what_if_story.text()

    alice = bench.open_policy(ALICE)  # an edit of another policy while the what-if is on
    alice.moveCursor(alice.textCursor().MoveOperation.End)
    qtbot.keyClicks(alice, " ")
    assert _on_screen(window)["badge"] == "Implicit deny"

    window.act_undo.trigger()  # the edit
    window.act_undo.trigger()  # the what-if
    back = _on_screen(window)
    assert back["badge"] == start["badge"] and back["flow_badges"] == start["flow_badges"]
    assert back["text"] == start["text"] and back["trust"] == start["trust"] and not back["trust_read_only"]
    assert back["diagram"] == start["diagram"]


def test_the_diagram_keeps_its_places_when_only_words_change(scenario_window, qtbot):
    window = scenario_window
    bench = window.workbench
    scene = bench.scenes._architecture.scene
    places = {e.element_id: e.sceneBoundingRect().center() for e in scene.elements("node")}
    editor = bench.open_policy(TRUST)
    text = editor.toPlainText()
    editor.selectAll()
    qtbot.keyClicks(editor, text.rstrip("\n").replace(  # (a newline is no key QTest can type)
        '"Action": "sts:AssumeRole"}', '"Action": "sts:AssumeRole", "Condition": {"StringEquals": '
                                       '{"sts:ExternalId": "x1"}}}'))
    assert bench.scenes._architecture.scene is scene  # relabelled, not laid out again
    assert {e.element_id: e.sceneBoundingRect().center() for e in scene.elements("node")} == places
    trust_edge = next(r for r in bench.scenes.architecture_rows() if r["id"].startswith("trust:"))
    assert "sts:ExternalId" in trust_edge["label"]  # the label follows the edited condition
    assert bench.view().flows[0].steps[0].verdict == "implicit_deny"


def test_open_dump_state_writes_the_window_state(tmp_path):
    out = tmp_path / "state.json"
    path = ROOT / "scenarios" / "02-confused-deputy.yaml"
    done = subprocess.run([sys.executable, "-m", "xviz", "open", str(path), "--flow", "attack", "--what-if",
                           "victim-without-external-id", "--lang", "ja", "--dump-state", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    state = json.loads(out.read_text(encoding="utf-8"))
    assert state["what_ifs"] == ["victim-without-external-id"] and state["flow"] == "attack"
    step = next(s for s in state["steps"] if s["step"] == "assume-victim-role")
    assert step["verdict"] == "Allow"
    assert {row["state"] for row in state["diagram"]} <= {"lit", "dim", "allowed", "denied"}
    assert "allowed" in {row["state"] for row in state["diagram"]}
    assert any(p["read_only"] for p in state["policies"]) and state["tree"]
    bad = subprocess.run([sys.executable, "-m", "xviz", "open", str(path), "--what-if", "nope",
                          "--dump-state", str(out)], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "no what-if named 'nope'" in bad.stderr
