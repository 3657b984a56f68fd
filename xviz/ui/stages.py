"""The stages inside one evaluation, in AWS's order, as plain data for stepping through a step's trace.

The engine has already written the whole trace (explicit deny, RCPs, SCPs, resource-based or trust
policy, identity policies, permissions boundary, session policies); this module only slices it:
one stage per trace step, and one per organization level for RCPs and SCPs. Nothing here evaluates
again. No Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from xviz.document.tree import policy_id
from xviz.explain import catalog, describe_failure, describe_statement, describe_step

LANGUAGES = ("en", "ja")
LEVELLED = ("rcp", "scp")


@dataclass
class StatementLine:
    """One statement the stage looked at: does it match, and if not, why not."""

    text: dict[str, str]  # language -> "identity-based policy "X" statement 0: matches"
    matched: bool
    decisive: bool  # the engine names it among the statements that decided the step
    policy_id: str | None  # None for a policy xviz adds itself (FullAWSAccess): no text to show
    at: tuple[int, int] | None  # (line, column) in the policy text: the statement, or what failed in it
    whole_statement: bool  # True: `at` is the statement's "{"; False: one line (a condition, an Action)
    policy_type: str | None = None  # the trace's kind: identity | resource | scp | rcp | permission_boundary | session
    level: str | None = None  # the organization level an SCP or RCP is attached to


@dataclass
class StageView:
    stage: str  # the trace step: explicit_deny | rcp | scp | resource | identity | permission_boundary | session
    target: str | None  # the organization level (root, OU, account) of an RCP or SCP stage
    result: str  # allow | deny | no_allow | not_applicable
    decisive: bool  # this stage decided the outcome
    sentence: dict[str, str]  # language -> the stage's sentence
    statements: list[StatementLine] = field(default_factory=list)
    policy_ids: list[str] = field(default_factory=list)  # policies of this stage, in request order
    trust: bool = False  # the resource-based policy is a role's trust policy (an sts: role action)

    def focus(self) -> StatementLine | None:
        """The statement to show in the editor: one that decided the step, else one that matched,
        else the first that says why not."""
        shown = [s for s in self.statements if s.policy_id is not None and s.at is not None]
        return next((s for s in shown if s.decisive), next((s for s in shown if s.matched), shown[0] if shown else None))


def _find_key(mapping, *names: str) -> str | None:
    """The key as the author wrote it (policy grammar keys are case-insensitive in places)."""
    if not isinstance(mapping, dict):
        return None
    lowered = {str(k).lower(): k for k in mapping}
    return next((lowered[n.lower()] for n in names if n.lower() in lowered), None)


def _value_at(document, path: tuple) -> dict | None:
    """The statement object at `path` inside a policy document (None when it is not an object)."""
    for part in path:
        try:
            document = document[part]
        except (KeyError, IndexError, TypeError):
            return None
    return document if isinstance(document, dict) else None


def _failure_path(body: dict | None, failed: dict | None) -> tuple | None:
    """The JSON path (inside one statement) of the element that made it not match."""
    if not body or not failed:
        return None
    element = failed.get("element")
    if element == "condition":
        block = _find_key(body, "Condition")
        operator = _find_key(body.get(block), str(failed.get("operator") or "")) if block else None
        key = _find_key(body[block].get(operator), str(failed.get("key") or "")) if operator else None
        return tuple(p for p in (block, operator, key) if p is not None) or None
    names = {"action": ("Action", "NotAction"), "resource": ("Resource", "NotResource"),
             "principal": ("Principal", "NotPrincipal")}.get(element, ())
    key = _find_key(body, *names)
    return (key,) if key else None


def _statement_line(entry: dict, ref, run, decisive: set) -> StatementLine:
    """One statement of the trace (`entry` its JSON, `ref` the engine's StatementRef with its path)."""
    source, inside = run.source_of(ref.path)
    texts = {}
    for lang in LANGUAGES:
        verdict = (catalog(lang).WORDS["matched"] if entry.get("matched")
                   else describe_failure(entry["failed"], lang) if entry.get("failed") else "")
        texts[lang] = describe_statement(entry, lang) + (f": {verdict}" if verdict else "")
    at, whole = None, True
    if source is not None and source.json_positions is not None:
        body = _value_at(source.document, inside)
        inner = None if entry.get("matched") else _failure_path(body, entry.get("failed"))
        if inner:
            at, whole = source.json_positions.lookup_key(inside + inner), False
        else:
            at = source.json_positions.lookup(inside)
    return StatementLine(texts, bool(entry.get("matched")), ref.path in decisive,
                         policy_id(source.path) if source is not None else None, at, whole,
                         entry.get("policy_type"), entry.get("target"))


def _stage_policies(stage: str, target: str | None, sources: dict, statements: list[StatementLine]) -> list[str]:
    ids = [s.policy_id for s in statements if s.policy_id]
    wanted = {"explicit_deny": None, "resource": "resource"}.get(stage, stage)
    for (policy_type, policy_target, _name), source in sources.items():
        if wanted is not None and policy_type == wanted and (stage not in LEVELLED or policy_target == target):
            ids.append(policy_id(source.path))
    return list(dict.fromkeys(ids))


def stages_of(run) -> list[StageView]:
    """The stages of a StepRun's trace in the order the engine wrote them (AWS's order); [] for a
    step the IAM engine did not evaluate (a RAM share)."""
    result = getattr(run, "result", None) or {}
    evaluation = getattr(run, "evaluation", None)
    if evaluation is None or not result.get("trace"):
        return []
    sources = run.plan.sources
    decisive = {ref.path for ref in evaluation.decisive}
    stages = []
    for step, frozen in zip(result["trace"], evaluation.trace):
        name = step.get("step", "")
        sentence = {lang: _without_name(describe_step(step, lang), name, lang) for lang in LANGUAGES}
        levels = step.get("levels") or []
        if name in LEVELLED and levels:
            failing = {lv["target"] for lv in levels if lv.get("result") in ("no_allow", "deny")}
            for level, frozen_level in zip(levels, frozen.levels):
                lines = [_statement_line(e, t.ref, run, decisive)
                         for e, t in zip(level.get("statements", []), frozen_level.statements)]
                level_sentence = {lang: sentence[lang] + "\n" + _level_words(level, lang) for lang in LANGUAGES}
                decided = bool(step.get("decisive")) and (not failing or level["target"] in failing)
                stages.append(StageView(name, level["target"], level.get("result", ""), decided, level_sentence,
                                        lines, _stage_policies(name, level["target"], sources, lines)))
            continue
        lines = [_statement_line(e, t.ref, run, decisive) for e, t in zip(step.get("statements", []), frozen.statements)]
        trust = name == "resource" and any(k[0] == "resource" and s.policy_type == "trust" for k, s in sources.items())
        stages.append(StageView(name, None, step.get("result", ""), bool(step.get("decisive")), sentence,
                                lines, _stage_policies(name, None, sources, lines), trust))
    return stages


def _without_name(sentence: str, stage: str, lang: str) -> str:
    """describe_step says "Stage name: result — reason"; the stage's title already names it."""
    prefix = catalog(lang).STEP.get(stage, stage) + ": "
    return sentence[len(prefix):] if sentence.startswith(prefix) else sentence


def _level_words(level: dict, lang: str) -> str:
    words = catalog(lang).WORDS
    result = words.get("result_" + level.get("result", ""), level.get("result", ""))
    text = words["level"].format(target=level["target"], result=result)
    return text[:1].upper() + text[1:]


def stage_title(stage: StageView, lang: str) -> str:
    """`Service control policies (SCPs) · ou-ab12-prod` : the stage's name, with its level."""
    name = catalog(lang).STEP.get(stage.stage, stage.stage)
    return f"{name} · {stage.target}" if stage.target else name
