"""The scenario schema (format version 1) as pydantic models.

These models check shape and types only; cross references (a step naming a role that exists, an
OU whose parent exists) are checked in `checks.py`, where every problem gets its file position.
Policies are `str`: the exact JSON text of a literal block scalar, parsed in `policies.py`.
"""
from __future__ import annotations

import typing
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator, model_validator

FORMAT_VERSION = 1

Outcome = Literal["Allow", "ExplicitDeny", "ImplicitDeny", "ValidationError"]
ResourceType = Literal[
    "s3-bucket", "kms-key", "sqs-queue", "sns-topic", "lambda-function", "secret",
    "ecr-repository", "vpc", "subnet", "transit-gateway",
]
InvitationState = Literal["pending", "accepted", "rejected"]
Difficulty = Literal["beginner", "intermediate", "advanced"]

_URL = r"^https?://\S+$"
_NAME = r"^[\w+=,.@-]+$"  # IAM names: users, roles, policies, sessions
_PATH = r"^/(?:[\x21-\x7e]*/)?$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Text(_Model):
    """A text a learner reads, in both languages."""

    en: str = Field(min_length=1)
    ja: str = Field(min_length=1)


Name = str | Text  # an account's or OU's name: one text, or {en, ja} when the learner should read it translated


def display(value: "str | Text | None", lang: str = "en") -> str:
    """A name or text as the learner reads it in `lang` (a plain name is the same in both)."""
    if value is None:
        return ""
    return value if isinstance(value, str) else getattr(value, "ja" if lang == "ja" else "en")


class NamedPolicy(_Model):
    name: str = Field(pattern=_NAME, max_length=128)
    document: str


class Principal(_Model):
    account: str
    name: str | None = Field(default=None, pattern=_NAME, max_length=64)
    path: str = Field(default="/", pattern=_PATH, max_length=512)
    tags: dict[str, str] = {}
    policies: dict[str, str] = {}
    managed_policies: list[str] = []  # keys of world.managed_policies
    boundary: NamedPolicy | None = None


class User(Principal):
    groups: list[str] = []  # keys of world.groups: their policies apply to the user too


class Group(_Model):
    """An IAM group: its inline and managed policies apply to every user in it."""

    account: str
    name: str | None = Field(default=None, pattern=_NAME, max_length=128)
    path: str = Field(default="/", pattern=_PATH, max_length=512)
    policies: dict[str, str] = {}
    managed_policies: list[str] = []


class ManagedPolicy(_Model):
    """A managed policy at its default version; no `account` means an AWS managed policy."""

    account: str | None = None
    name: str | None = Field(default=None, pattern=_NAME, max_length=128)
    path: str = Field(default="/", pattern=_PATH, max_length=512)
    document: str


class Role(Principal):
    trust_policy: str
    max_session_duration: int = Field(default=3600, ge=3600, le=43200)


class Resource(_Model):
    type: ResourceType
    account: str
    name: str | None = None  # the AWS name, in the ARN
    label: Text | None = None  # what diagrams and sentences call it, when the AWS name says too little
    id: str | None = None
    region: str | None = None
    arn: str | None = None
    policy: str | None = None
    vpc: str | None = None


class Service(_Model):
    principal: str = Field(pattern=r"^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$")


class OrganizationalUnit(_Model):
    name: Name
    parent: str


class OrgPolicy(_Model):
    attach: list[str] = Field(min_length=1)
    document: str


class Organization(_Model):
    id: str = Field(pattern=r"^o-[a-z0-9]{10,32}$")
    root: str = Field(pattern=r"^r-[0-9a-z]{4,32}$")
    management_account: str
    implicit_full_aws_access: bool = True
    ous: dict[str, OrganizationalUnit] = {}
    scps: dict[str, OrgPolicy] = {}
    rcps: dict[str, OrgPolicy] = {}


class Account(_Model):
    name: Name
    parent: str | None = None
    external: bool = False


class ResourceShare(_Model):
    owner: str
    resources: list[str] = Field(min_length=1)
    principals: list[str] = Field(min_length=1)
    allow_external_principals: bool = False
    invitations: dict[str, InvitationState] = {}


class Ram(_Model):
    sharing_with_organization: bool = False
    shares: dict[str, ResourceShare] = {}


class IdentityProvider(_Model):
    """An IAM identity provider: a SAML provider, or an OIDC provider named by its URL without https://."""

    type: Literal["saml", "oidc"]
    account: str
    name: str | None = Field(default=None, pattern=r"^[\w.~/-]+$", max_length=255)


class World(_Model):
    region: str = Field(default="us-east-1", pattern=r"^[a-z]{2}(-[a-z]+)+-\d$")
    organization: Organization | None = None
    accounts: dict[str, Account] = Field(min_length=1)
    users: dict[str, User] = {}
    groups: dict[str, Group] = {}
    managed_policies: dict[str, ManagedPolicy] = {}
    roles: dict[str, Role] = {}
    resources: dict[str, Resource] = {}
    services: dict[str, Service] = {}
    identity_providers: dict[str, IdentityProvider] = {}
    ram: Ram | None = None


ACTOR_KINDS = ("user", "session", "role", "root", "service", "anonymous", "account", "federated")


class Actor(_Model):
    """Who makes the request: exactly one of the kinds in ACTOR_KINDS (role goes with session)."""

    user: str | None = None
    session: str | None = None
    role: str | None = None
    root: str | None = None
    service: str | None = None
    on_behalf_of: str | None = None
    source_arn: str | None = None
    anonymous: bool | None = None
    account: str | None = None
    federated: str | None = None  # an identity provider's key (world.identity_providers) or its ARN

    @model_validator(mode="after")
    def _one_kind(self) -> "Actor":
        kinds = [k for k in ACTOR_KINDS if getattr(self, k) not in (None, False) and k != "session"]
        if self.session is not None and not kinds:
            kinds = ["session"]
        if len(kinds) != 1:
            raise ValueError("an actor is exactly one of: {user: KEY}, {session: NAME}, {role: KEY, session: NAME}, "
                             "{root: ACCOUNT}, {service: KEY, on_behalf_of: ACCOUNT}, {anonymous: true}, "
                             "{account: ACCOUNT}, {federated: PROVIDER}")
        kind = kinds[0]
        if kind == "role" and not self.session:
            raise ValueError("a role acts through a session: write {role: KEY, session: NAME}")
        if kind != "role" and kind != "session" and self.session is not None:
            raise ValueError(f"`session` goes with `role` only, not with `{kind}`")
        if kind != "service" and (self.on_behalf_of or self.source_arn):
            raise ValueError("`on_behalf_of` and `source_arn` belong to a {service: ...} actor")
        return self

    @property
    def kind(self) -> str:
        for k in ACTOR_KINDS:
            if k != "session" and getattr(self, k) not in (None, False):
                return k
        return "session"


class Params(_Model):
    session_name: str | None = Field(default=None, pattern=r"^[\w+=,.@-]{2,64}$")
    external_id: str | None = Field(default=None, min_length=2, max_length=1224)
    duration_seconds: int | None = None
    session_policy: str | None = None
    session_tags: dict[str, str] = {}
    source_ip: str | None = None
    region: str | None = None
    context: dict[str, Any] = {}


def _narration_form(value: Any) -> str:
    """Which form a narration is written in, so errors speak of that form only."""
    outcomes = typing.get_args(Outcome)
    return "(per outcome)" if isinstance(value, dict) and any(k in outcomes for k in value) else "(one text)"


# Union members are tagged with names in parentheses: schema_errors leaves them out of error paths.
Narration = Annotated[Union[Annotated[Text, Tag("(one text)")], Annotated[dict[Outcome, Text], Tag("(per outcome)")]],
                      Discriminator(_narration_form)]


class Request(_Model):
    """Who calls what on which target: a step's request, or an exercise's inline check."""

    actor: Actor
    action: str = Field(pattern=r"^[a-z0-9-]+:[A-Za-z0-9]+$")
    target: str
    object: str | None = None
    params: Params = Params()


class Step(Request):
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
    expect: Outcome | None = None
    # One text written for `expect`, or one per outcome ({Allow: {en, ja}, ImplicitDeny: {en, ja}}):
    # the window and `xviz run` never show a narration written for another outcome (see narration.py).
    narration: Narration
    docs: list[Annotated[str, Field(pattern=_URL)]] = []


class Flow(_Model):
    title: Text
    narration: Text | None = None
    steps: list[Step] = Field(min_length=1)
    # ids of the scenarios that teach this flow's subject in depth (the tour links to them)
    see: list[Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]] = []


class Patch(_Model):
    path: str = Field(min_length=1)
    value: Any = Field(default=None, alias="set")
    remove: bool = False

    @model_validator(mode="before")
    @classmethod
    def _set_or_remove(cls, data: Any) -> Any:
        if isinstance(data, dict):
            has_set, removes = "set" in data, str(data.get("remove", "")).lower() in ("true", "yes", "on")
            if has_set == removes:
                raise ValueError("a patch has either `set: VALUE` or `remove: true`")
        return data


class WhatIf(_Model):
    label: Text
    narration: Text | None = None
    patch: list[Patch] = Field(min_length=1)
    expect: dict[str, Outcome] = {}
    # FLOW.STEP -> the story of a step this switch changes, written for the outcome `expect` gives it.
    step_narration: dict[str, Text] = {}


class ExerciseCheck(_Model):
    """One thing the learner's policies must achieve: a step of a flow (FLOW.STEP) or an inline
    request, with the outcome it must have."""

    label: Text
    step: str | None = Field(default=None, pattern=r"^[^.\s]+\.[^.\s]+$")
    request: Request | None = None
    expect: Outcome

    @model_validator(mode="after")
    def _step_or_request(self) -> "ExerciseCheck":
        if (self.step is None) == (self.request is None):
            raise ValueError("a check has either `step: FLOW.STEP` or `request: {actor, action, target, ...}`")
        return self


class Exercise(_Model):
    """A task for the learner: change the `editable` policies until every check holds."""

    goal: Text
    editable: list[str] = Field(min_length=1)  # dotted paths of policies, as in what-if patches
    checks: list[ExerciseCheck] = Field(min_length=1)
    hints: list[Text] = Field(min_length=2)  # shown one at a time
    solution: list[Patch] = Field(min_length=1)  # applied like a what-if's patch
    score: bool = False  # least-privilege golf: count actions, wildcards and statements


class Diagram(_Model):
    title: Text
    mermaid: str


class Scenario(_Model):
    version: int
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    difficulty: Difficulty | None = None  # shown on the home screen's card
    title: Text
    summary: Text
    docs: list[Annotated[str, Field(pattern=_URL)]] = []
    world: World
    flows: dict[str, Flow] = Field(min_length=1)
    what_ifs: dict[str, WhatIf] = {}
    diagrams: dict[str, Diagram] = {}
    exercise: Exercise | None = None

    @field_validator("version")
    @classmethod
    def _known_version(cls, v: int) -> int:
        if v != FORMAT_VERSION:
            raise ValueError(f"this xviz reads scenario format version {FORMAT_VERSION}, not {v}")
        return v
