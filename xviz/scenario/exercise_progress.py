"""A learner's progress across exercises, as plain data: the app keeps it where it likes (QSettings, as
the JSON text `to_json` gives) and shows it on the home screen. No Qt here."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace

from xviz.scenario.exercise import ExerciseResult


@dataclass(frozen=True)
class ExerciseRecord:
    solved: bool = False  # every check was met at least once
    best_score: int | None = None  # the lowest golf total with every check met (exercises that keep a score)
    hints_seen: int = 0  # how many hints were shown, in order


class ExerciseProgress:
    """Records by exercise id (the scenario's `id`). Solving never becomes unsolved: breaking a solved
    exercise while trying something else keeps the learner's achievement."""

    def __init__(self, records: dict[str, ExerciseRecord] | None = None):
        self._records = dict(records or {})

    def get(self, exercise_id: str) -> ExerciseRecord:
        return self._records.get(exercise_id, ExerciseRecord())

    def record(self, exercise_id: str, result: ExerciseResult) -> ExerciseRecord:
        """Take in an evaluation; returns the updated record."""
        current = self.get(exercise_id)
        if result.all_met:
            total = result.score.total if result.score is not None else None
            best = current.best_score if total is None else min(t for t in (total, current.best_score) if t is not None)
            current = replace(current, solved=True, best_score=best)
        self._records[exercise_id] = current
        return current

    def hint_seen(self, exercise_id: str, number: int) -> ExerciseRecord:
        """Hint `number` (1-based) was shown."""
        current = self.get(exercise_id)
        current = replace(current, hints_seen=max(current.hints_seen, number))
        self._records[exercise_id] = current
        return current

    def solved_count(self, exercise_ids) -> int:
        return sum(self.get(i).solved for i in exercise_ids)

    def to_json(self) -> str:
        return json.dumps({k: asdict(v) for k, v in sorted(self._records.items())}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> "ExerciseProgress":
        """Progress saved by to_json; anything unreadable counts as no progress rather than an error."""
        try:
            data = json.loads(text or "{}")
        except (TypeError, ValueError):
            return cls()
        records = {}
        for key, value in (data.items() if isinstance(data, dict) else ()):
            if not isinstance(value, dict):
                continue
            score, hints = _count(value.get("best_score")), _count(value.get("hints_seen"))
            records[str(key)] = ExerciseRecord(value.get("solved") is True, score, hints or 0)
        return cls(records)


def _count(value) -> int | None:
    """A whole number of zero or more as saved (JSON has no other kind of count), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None
