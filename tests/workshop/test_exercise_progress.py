"""Progress across exercises (plain data the app stores in QSettings and shows on the home screen)."""
import pytest

from workshop_support import SMALL

from xviz.scenario import loads
from xviz.scenario.exercise import evaluate_exercise
from xviz.scenario.exercise_progress import ExerciseProgress, ExerciseRecord


@pytest.fixture(scope="module")
def results():
    start = evaluate_exercise(loads(SMALL, "ex.yaml"))
    solved = evaluate_exercise(loads(SMALL, "ex.yaml", solution=True))
    return start, solved


def test_unsolved_then_solved_then_broken_stays_solved(results):
    start, solved = results
    progress = ExerciseProgress()
    assert progress.record("small", start) == ExerciseRecord(False, None, 0)
    assert progress.record("small", solved) == ExerciseRecord(True, solved.score.total, 0)
    assert progress.record("small", start).solved is True
    assert progress.solved_count(["small", "other"]) == 1


def test_best_score_is_the_lowest_total_with_every_check_met(results):
    _, solved = results
    progress = ExerciseProgress({"small": ExerciseRecord(True, solved.score.total + 5, 0)})
    assert progress.record("small", solved).best_score == solved.score.total
    progress = ExerciseProgress({"small": ExerciseRecord(True, 1, 0)})
    assert progress.record("small", solved).best_score == 1


def test_hints_seen_only_grow_and_progress_round_trips_through_json():
    progress = ExerciseProgress()
    progress.hint_seen("a", 2)
    progress.hint_seen("a", 1)
    assert progress.get("a").hints_seen == 2
    again = ExerciseProgress.from_json(progress.to_json())
    assert again.get("a") == ExerciseRecord(False, None, 2) and again.get("b") == ExerciseRecord()


@pytest.mark.parametrize("text", [None, "", "not json", "[1, 2]", '{"a": 3}',
                                  '{"a": {"solved": "yes", "best_score": true, "hints_seen": -4}}'])
def test_unreadable_progress_is_no_progress(text):
    assert ExerciseProgress.from_json(text).get("a") == ExerciseRecord()
