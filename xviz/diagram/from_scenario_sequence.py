"""A scenario flow as a sequence diagram: one numbered message per step, participants boxed by account.

A role flow is drawn as the source document's AssumeRole chart: the caller asks STS (the step's own
numbered message), STS checks the role's trust policy, the role answers, and the temporary credentials
come back (or AccessDenied); the session then acts. The exchange's extra messages have ids
`step:STEP_ID:trust`, `…:verdict` and `…:reply`, and no number of their own.

Built as our model directly (like the architecture): message ids are `step:STEP_ID` (the step's own id
from the file), participant ids are the party ids of `from_scenario_parties` (`user.alice`, `sts`,
`session.ROLE.NAME`, `res.KEY`, …). An `sts:AssumeRole` step goes to STS; the session it creates is a
participant of its own, in the role's account, from the first step that uses it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from xviz.diagram.from_scenario_labels import short_object, text_of, word
from xviz.diagram.from_scenario_parties import (Party, StepView, caller_party, flow_steps, role_party, sts_party,
                                                target_party)
from xviz.diagram.model import Box, Message, MessageHead, MessageLine, Note, Participant, SequenceDiagram
from xviz.scenario import model as m
from xviz.scenario.checks import is_assume_role
from xviz.scenario.loader import LoadedScenario
from xviz.scenario.model import display

_BOX_COLOURS = {"account": "#bfdbfe", "external": "#fed7aa"}   # drawn see-through


@dataclass
class FlowSequence:
    flow: str
    chart: SequenceDiagram
    messages: dict[int, str] = field(default_factory=dict)          # step index -> message id
    outcomes: dict[str, str | None] = field(default_factory=dict)   # message id -> the step's `expect`


def message_id(step_id: str) -> str:
    return f"step:{step_id}"


def _message_text(world: m.World, plan: StepView, lang: str) -> str:
    step = plan.step
    lines = [step.action]
    if is_assume_role(step.action):
        lines.append(step.target)
        external_id = step.params.external_id
        role = world.roles.get(step.target)
        if external_id:
            lines.append(word("external_id", lang, value=external_id))
        elif role is not None and "sts:externalid" in role.trust_policy.lower():
            lines.append(word("no_external_id", lang))   # only worth saying where the trust policy asks for one
    elif step.object:
        lines.append(short_object(step.object))
    if plan.kind == "service" and step.actor.on_behalf_of:
        account = world.accounts.get(step.actor.on_behalf_of)
        lines.append(word("on_behalf_of", lang, accounts=display(account.name, lang) if account else step.actor.on_behalf_of))
    return "\n".join(lines)


class SequenceBuilder:
    def __init__(self, loaded: LoadedScenario, flow: str, lang: str,
                 outcomes: dict[str, str | None] | None = None) -> None:
        self.loaded = loaded
        self.outcomes = outcomes
        self.world = loaded.model.world
        self.flow = flow
        self.lang = lang
        self.parties: dict[str, Party] = {}   # in order of first appearance
        self.sts_after: str | None = None      # STS stands right after this party's account group
        self.callers: dict[str, None] = {}     # an ordered set

    def _see(self, party: Party) -> str:
        self.parties.setdefault(party.id, party)
        return party.id

    def _columns(self) -> list[tuple[str | None, list[Party]]]:
        """Participants grouped: unboxed callers first, then one group per account in the order its first
        caller calls (accounts that only receive calls last), with STS just after the group of the first
        caller that asks it for a role. So most arrows point right, as a reader expects."""
        groups: dict[str | None, list[Party]] = {None: []}
        for party in self.parties.values():
            if party.id == "sts":
                continue
            groups.setdefault(party.account, []).append(party)
        for members in groups.values():   # callers left of what they call
            members.sort(key=lambda p: p.id not in self.callers)
        ordered = [(account, members) for account, members in groups.items() if members]
        order = list(self.callers)   # callers in order of their first call

        def rank(group: tuple[str | None, list[Party]]) -> tuple[int, int]:
            first_call = min((order.index(p.id) for p in group[1] if p.id in self.callers), default=None)
            if group[0] is None:
                return (0, 0)
            return (1, first_call) if first_call is not None else (2, 0)

        ordered.sort(key=rank)
        if "sts" in self.parties:
            anchor = self.parties[self.sts_after].account if self.sts_after else None
            at = next((i + 1 for i, (account, _) in enumerate(ordered) if account == anchor), 0)
            ordered.insert(at, (None, [self.parties["sts"]]))
        return ordered

    def _box_label(self, account: str) -> str:
        known = self.world.accounts.get(account)
        return f"{display(known.name, self.lang)} ({account})" if known else account

    def _sts_exchange(self, plan: StepView, caller: str, sts: str) -> list[Message]:
        """STS asks the role's trust policy and answers the caller (IAM User Guide, "Methods to assume a
        role"; STS API Reference, AssumeRole): credentials on Allow, AccessDenied otherwise."""
        step, lang, mid = plan.step, self.lang, message_id(plan.step.id)
        reply = MessageLine.DOTTED
        outcome = self.outcome(step)
        if outcome == "ValidationError":  # STS refuses the parameters before reading any policy
            return [Message(f"{mid}:reply", sts, caller, word("sts_rejects", lang), reply, MessageHead.FILLED)]
        if step.target not in self.world.roles:
            return []
        role = self._see(role_party(self.world, step.target, lang))
        allowed = outcome == "Allow"
        minutes = (step.params.duration_seconds or 3600) // 60
        if plan.kind == "session":  # role chaining: one hour at most
            minutes = min(minutes, 60)
        if outcome is None:  # not decided on screen (a verdict still to be predicted): no answer given away
            verdict, answer = word("trust_answers", lang), word("sts_answers", lang)
        else:
            verdict = word("trust_allows" if allowed else "trust_refuses", lang)
            answer = word("credentials", lang, minutes=str(minutes)) if allowed else word("access_denied", lang)
        return [Message(f"{mid}:trust", sts, role, word("trust_check", lang), MessageLine.SOLID, MessageHead.FILLED),
                Message(f"{mid}:verdict", role, sts, verdict, reply, MessageHead.FILLED),
                Message(f"{mid}:reply", sts, caller, answer, reply, MessageHead.FILLED)]

    def outcome(self, step) -> str | None:
        """The step's outcome as the diagram tells it: the evaluated one when given (None: not on show),
        else the scenario's `expect` (a chart drawn without evaluating, as `xviz render` does)."""
        if self.outcomes is None:
            return step.expect if step.expect is not None else "Allow"
        return self.outcomes.get(step.id)

    def build(self) -> FlowSequence:
        flow = self.loaded.model.flows[self.flow]
        plans = flow_steps(self.world, flow)
        used_sessions = {p.session for p in plans if p.kind == "session"}
        chart = SequenceDiagram(title=text_of(flow.title, self.lang) or None)
        result = FlowSequence(self.flow, chart)
        items = []
        for plan in plans:
            source = self._see(caller_party(self.world, plan, self.lang, sessions_as_roles=False))
            self.callers.setdefault(source)
            if is_assume_role(plan.step.action):
                self.sts_after = self.sts_after or source
                target = self._see(sts_party(self.lang))
            else:
                target = self._see(target_party(self.world, plan, self.lang))
            mid = message_id(plan.step.id)
            items.append(Message(mid, source, target, _message_text(self.world, plan, self.lang), MessageLine.SOLID,
                                 MessageHead.FILLED, number=plan.index + 1))
            result.messages[plan.index] = mid
            result.outcomes[mid] = self.outcome(plan.step)
            if is_assume_role(plan.step.action):
                items += self._sts_exchange(plan, source, target)
            made = plan.makes_session
            if made and made in used_sessions and self.outcome(plan.step) == "Allow":
                items.append(Note(f"note:{plan.step.id}", "over", [target],
                                  word("new_session", self.lang, name=made)))
        for account, members in self._columns():
            box_index = None
            if account is not None:
                kind = "external" if self.world.accounts.get(account) is None or \
                    self.world.accounts[account].external else "account"
                chart.boxes.append(Box(self._box_label(account), _BOX_COLOURS[kind], [p.id for p in members]))
                box_index = len(chart.boxes) - 1
            for party in members:
                chart.participants[party.id] = Participant(party.id, party.label, actor=party.kind == "user",
                                                           box=box_index)
        chart.items = items
        return result


def flow_diagram(loaded: LoadedScenario, flow: str, lang: str = "en",
                 outcomes: dict[str, str | None] | None = None) -> FlowSequence:
    """The flow `flow` as a sequence diagram, with each step's message id and outcome. `outcomes` (step
    id -> Allow, ExplicitDeny, …, or None for a verdict not on show) are the evaluated ones the window
    shows; without them the chart tells what the steps `expect`."""
    if flow not in loaded.model.flows:
        raise KeyError(flow)
    return SequenceBuilder(loaded, flow, lang, outcomes).build()
