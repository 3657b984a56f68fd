"""Predict the verdict: the learner's (or, in a workshop, the room's) guesses, and the snapshot with the
verdicts not yet guessed taken out. No Qt here: the workbench draws `masked(snapshot, …)` instead of the
document's snapshot, so every view (flow panel, sequence badges, explanation, the architecture's
allowed/denied marks, `--dump-state`) hides exactly the same steps without knowing about predictions.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from xviz.document.snapshot import Snapshot
from xviz.document.views import StepView

HIDDEN = "hidden"  # the verdict key a masked step carries (labelled "Predict…", no colour, no badge)
GUESSES = ("allow", "explicit_deny", "implicit_deny")  # what can be predicted (and keys A, E, I)
KEYS = {"A": "allow", "E": "explicit_deny", "I": "implicit_deny"}

_PROMPT = {"en": "What will AWS decide? Press A, E or I (or click a button) to predict the verdict; "
                 "the explanation follows your prediction.",
           "ja": "AWS はどう判断するでしょうか。A、E、I キー（またはボタン）で判定を予測してください。"
                 "説明は予測の後に表示されます。"}


@dataclass(frozen=True)
class Prediction:
    guess: str  # a GUESSES key
    actual: str  # the verdict key at the moment of the reveal

    @property
    def right(self) -> bool:
        return self.guess == self.actual


class Predictions:
    """Guesses for one scenario, by (flow, step id, active what-ifs): switching a what-if asks again,
    since predicting what it changes is the point of it."""

    def __init__(self):
        self._made: dict[tuple, Prediction] = {}

    @staticmethod
    def _key(step: StepView, what_ifs: tuple) -> tuple:
        return step.flow, step.id, tuple(what_ifs)

    def get(self, step: StepView | None, what_ifs: tuple) -> Prediction | None:
        return self._made.get(self._key(step, what_ifs)) if step is not None else None

    def hidden(self, step: StepView | None, what_ifs: tuple) -> bool:
        """An evaluated step whose verdict can be guessed and has not been."""
        return step is not None and step.verdict in GUESSES and self._key(step, what_ifs) not in self._made

    def predict(self, step: StepView, what_ifs: tuple, guess: str) -> Prediction | None:
        """Record a guess for a hidden step (None for anything else: a guess is made once)."""
        if guess not in GUESSES or not self.hidden(step, what_ifs):
            return None
        made = self._made[self._key(step, what_ifs)] = Prediction(guess, step.verdict)
        return made

    def tally(self) -> tuple[int, int]:
        """(right, made)."""
        return sum(p.right for p in self._made.values()), len(self._made)

    def reset(self) -> None:
        self._made.clear()


def hidden_steps(snapshot: Snapshot, predictions: Predictions) -> list[StepView]:
    what_ifs = snapshot.state.what_ifs
    return [s for f in snapshot.view.flows for s in f.steps if predictions.hidden(s, what_ifs)]


def _masked_step(step: StepView) -> StepView:
    """The step with nothing that gives its verdict away: badge, outcome, story, notes, reasons,
    the deciding statement and its stages (run) all removed."""
    return dataclasses.replace(step, verdict=HIDDEN, outcome=None, expected=None, narration=dict(_PROMPT),
                               narration_written=True, changed=None, notes=(), policy_ids=(), focus=None,
                               run=None, who_am_i=None)


def masked(snapshot: Snapshot, predictions: Predictions) -> Snapshot:
    """`snapshot` with every hidden step masked; the same snapshot when nothing is hidden."""
    what_ifs = snapshot.state.what_ifs
    if not any(predictions.hidden(s, what_ifs) for f in snapshot.view.flows for s in f.steps):
        return snapshot
    flows = tuple(dataclasses.replace(f, steps=tuple(_masked_step(s) if predictions.hidden(s, what_ifs) else s
                                                     for s in f.steps)) for f in snapshot.view.flows)
    shown = dataclasses.replace(snapshot, view=dataclasses.replace(snapshot.view, flows=flows))
    shown.__dict__["_diagrams"] = snapshot._diagrams  # the same world: share the diagrams already built
    return shown
