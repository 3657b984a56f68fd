"""The compile cache (issue 13): an unchanged policy is compiled once; a changed one always again;
results and diagnostics are the same with and without it."""
import copy

try:
    from .rules_support import *  # noqa: F403
except ImportError:
    from rules_support import *  # noqa: F403

from xviz.engine import compile_cache, simulate


def _count_compiles(monkeypatch):
    calls = []
    real = compile_cache.compile_policy

    def counting(*args, **kw):
        calls.append(args[1])
        return real(*args, **kw)
    monkeypatch.setattr(compile_cache, "compile_policy", counting)
    return calls


def test_unchanged_policies_are_compiled_once(monkeypatch):
    compile_cache.clear()
    calls = _count_compiles(monkeypatch)
    data = req(USER, identity=[doc(allow())], scps=[(ROOT_OU, [FULL_ACCESS])])
    first = simulate(data)
    assert len(calls) == 2
    assert simulate(copy.deepcopy(data)) == first  # same text, another object: no compile
    assert len(calls) == 2


def test_a_changed_policy_is_compiled_again(monkeypatch):
    compile_cache.clear()
    calls = _count_compiles(monkeypatch)
    data = req(USER, identity=[doc(allow())])
    assert simulate(data)["decision"] == "Allow"
    data["identity_policies"][0]["document"]["Statement"][0]["Effect"] = "Deny"
    assert simulate(data)["decision"] == "ExplicitDeny"
    assert len(calls) == 2


def test_the_same_text_at_another_place_keeps_its_own_paths():
    compile_cache.clear()
    policy = doc(allow("s3:NoSuchAction"))
    as_identity = simulate(req(USER, identity=[policy]))
    as_session = simulate(req(FED, session=[policy]))
    assert as_identity["warnings"][0]["path"].startswith("$.identity_policies[0]")
    assert as_session["warnings"][0]["path"].startswith("$.session_policies[0]")


def test_cached_and_fresh_results_agree():
    data = req(SESSION, role_arn=ROLE, identity=[doc(allow("s3:*", condition={"StringEquals": {"aws:PrincipalTag/team": "x"}}))],
               context={"aws:PrincipalTag/team": "x"}, scps=[(ROOT_OU, [FULL_ACCESS])])
    compile_cache.clear()
    fresh = simulate(data)
    assert simulate(data) == fresh
