"""ARNs: `arn:partition:service:region:account:resource`, six colon-separated segments.

The resource segment may itself hold colons or slashes; only the first five colons split.
"""
from __future__ import annotations

import re
from typing import NamedTuple

ACCOUNT_ID = re.compile(r"^\d{12}$")


class Arn(NamedTuple):
    partition: str
    service: str
    region: str
    account: str
    resource: str

    @property
    def text(self) -> str:
        return f"arn:{self.partition}:{self.service}:{self.region}:{self.account}:{self.resource}"


def parse_arn(text: str) -> Arn | None:
    """The six segments of an ARN, or None when `text` is not shaped like one."""
    parts = text.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn" or not parts[1] or not parts[2]:
        return None
    return Arn(parts[1], parts[2], parts[3], parts[4], parts[5])


def is_account_id(text: str) -> bool:
    return bool(ACCOUNT_ID.match(text))
