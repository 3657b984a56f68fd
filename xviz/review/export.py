"""Read an export: the AWS CLI's own JSON output, one file per command, in the layout of `xviz import`.

Every unreadable or malformed file is one Problem with its file, line and column.
"""
from __future__ import annotations

import json
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xviz.scenario.errors import Problem, ScenarioError

# accounts/<id>/<region>/<folder>/<name>.json -> resource type of the scenario format
RESOURCE_FOLDERS = {
    "s3": "s3-bucket", "kms": "kms-key", "sqs": "sqs-queue", "sns": "sns-topic",
    "lambda": "lambda-function", "secretsmanager": "secret", "ecr": "ecr-repository",
}


def read_json(path: Path) -> Any:
    """The parsed file; ScenarioError naming the file (and line, column) when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ScenarioError([Problem("export_unreadable", f"cannot read the file: {err}",
                                     "re-run the AWS CLI command with --output json", str(path))]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ScenarioError([Problem("export_json", f"not JSON: {err.msg}",
                                     "this file should hold the AWS CLI's JSON output unchanged",
                                     str(path), err.lineno, err.colno)]) from None


def policy_document(value: Any, where: Path) -> Any:
    """A policy as IAM returns it: a JSON object, JSON text, or URL-encoded JSON text (RFC 3986)."""
    if isinstance(value, dict):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text.startswith("{"):
            text = urllib.parse.unquote(text)
        try:
            return json.loads(text)
        except json.JSONDecodeError as err:
            raise ScenarioError([Problem("export_policy", f"a policy document in this file is not JSON: {err.msg}",
                                         "the policy text must be JSON (plain or URL-encoded)", str(where))]) from None
    raise ScenarioError([Problem("export_policy", "a policy document in this file is neither JSON text nor an object",
                                 "", str(where))])


def expect(data: Any, key: str, where: Path, kind: type = list) -> Any:
    """data[key] of the expected type, or a Problem saying which command's output this should be."""
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, kind):
        raise ScenarioError([Problem("export_shape", f"expected `{key}` ({kind.__name__}) at the top of this file",
                                     "keep the AWS CLI's JSON output unchanged", str(where), 1, 1)])
    return value


@dataclass
class ResourceFile:
    account: str
    region: str
    type: str  # scenario resource type
    name: str  # bucket, key id, queue, topic, function, secret (may contain '/'), repository
    path: Path


@dataclass
class Export:
    root: Path
    organization: Path
    accounts: dict[str, Path] = field(default_factory=dict)  # id -> folder with authorization-details.json
    resources: list[ResourceFile] = field(default_factory=list)

    def org_file(self, *parts: str) -> Path:
        return self.organization.joinpath(*parts)


def scan(root: str | Path) -> Export:
    """Find what the export holds. An account without authorization-details.json is outside it."""
    root = Path(root)
    if not root.is_dir():
        raise ScenarioError([Problem("export_missing", "no such folder", "give the folder `xviz collect` wrote",
                                     str(root))])
    export = Export(root, root / "organization")
    accounts_dir = root / "accounts"
    for folder in sorted(accounts_dir.iterdir()) if accounts_dir.is_dir() else []:
        if (folder / "authorization-details.json").is_file():
            export.accounts[folder.name] = folder
        for region_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
            for service, rtype in RESOURCE_FOLDERS.items():
                base = region_dir / service
                for path in sorted(base.rglob("*.json")) if base.is_dir() else []:
                    name = path.relative_to(base).with_suffix("").as_posix()
                    export.resources.append(ResourceFile(folder.name, region_dir.name, rtype, name, path))
    if not export.accounts and not export.organization.is_dir():
        raise ScenarioError([Problem("export_empty", "this folder holds no organization/ and no "
                                     "accounts/<id>/authorization-details.json", "see `xviz import --help` for the layout",
                                     str(root))])
    return export
