"""Every bundled exercise starts with its goal unmet and is solved by its own solution, in both languages
(`xviz exercise`, issue 11 part 2)."""
import pytest

from workshop_support import EXERCISES, exercise_json, run_cli

from xviz.scenario import load


def test_at_least_ten_exercises_are_bundled():
    assert len(EXERCISES) >= 10


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_starting_state_fails_a_check(capsys, path, lang):
    code, result = exercise_json(capsys, path, "--lang", lang)
    assert code == 1
    assert result["all_met"] is False
    assert any(not c["met"] for c in result["checks"])
    assert all(c["label"] for c in result["checks"])


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_solution_meets_every_check(capsys, path, lang):
    code, result = exercise_json(capsys, path, "--solution", "--lang", lang)
    assert code == 0, [c for c in result["checks"] if not c["met"]]
    assert result["all_met"] is True and result["solution"] is True
    if result["score"] is not None:  # the solution is its own reference
        assert result["score"]["total"] == result["score"]["reference"]["total"]
        assert result["score"]["at_or_under_reference"] is True


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.name)
def test_exercise_teaches_an_aws_page_and_passes_xviz_check(capsys, path):
    loaded = load(path)
    assert any(url.startswith("https://docs.aws.amazon.com/") for url in loaded.model.docs)
    assert len(loaded.model.exercise.hints) >= 2
    code, _, err = run_cli(capsys, "check", "--quiet", str(path))
    assert code == 0, err


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.name)
def test_solution_changes_only_editable_policies_and_the_text_reads_in_japanese(capsys, path):
    """The Japanese goal is not the English one copied (every learner text exists in both languages)."""
    loaded = load(path)
    ex = loaded.model.exercise
    assert ex.goal.ja != ex.goal.en
    assert all(h.ja != h.en for h in ex.hints[:1])
    assert {p.path for p in ex.solution} <= set(ex.editable)
