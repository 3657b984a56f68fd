"""`xviz open … --dump-state OUT.json`: what the window shows, read from the window itself (the steps
and policies it draws from its snapshot, the labels of its world tree, the states its architecture
diagram is painted in). Tests and scripts compare it with `xviz run --json`."""
from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItemIterator

from xviz.document.run_report import policy_json, step_json


def _tree_labels(tree) -> list[str]:
    labels, iterator = [], QTreeWidgetItemIterator(tree)
    while iterator.value():
        labels.append(iterator.value().text(0))
        iterator += 1
    return labels


def _exercise(shown) -> dict | None:
    """The exercise panel's checks as shown (None: no exercise)."""
    if shown.exercise is None:
        return None
    result = shown.result
    return {"checks": [{"number": c.number, "outcome": c.outcome, "met": c.met} for c in result.checks] if result else [],
            "solved": bool(result and result.all_met), "problem": shown.problem or None,
            "score": result.score_dict() if result else None, "hints_shown": shown.hints_seen}


def dump_state(workbench, lang: str) -> dict:
    snapshot = workbench.snapshot()
    view = snapshot.view
    flow = workbench.flow_panel.current_flow()
    return {
        "file": snapshot.state.file,
        "what_ifs": [w.id for w in view.what_ifs if w.active],
        "flow": flow.id if flow else None,
        "step": workbench.flow_panel.current_step() + 1,
        "stale": view.stale,
        "problems": [{"message": p.message, "line": p.line, "column": p.column}
                     for p in (*view.problems, *view.edit_problems)],
        "steps": [step_json(step, lang) for f in view.flows for step in f.steps],
        "policies": [policy_json(p) for p in view.policies],
        "tree": _tree_labels(workbench.world_tree),
        "diagram": workbench.scenes.architecture_rows(),
        # predict mode: steps whose verdict waits for a prediction (shown everywhere as "hidden")
        "predicting": workbench.predict.is_on(),
        "hidden_steps": [f"{s.flow}.{s.id}" for s in workbench.predict.hidden(workbench.document().snapshot)],
        "exercise": _exercise(workbench.exercise.shown()),
    }
