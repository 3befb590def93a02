"""What counts as a secret in a recording, how the recorder blanks it, and how the hygiene check finds it.

The recorder and the hygiene check share these definitions, so whatever one
would have to blank, the other reports if it ever reaches a cassette.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

REDACTED = "REDACTED"

# Header names whose values are credentials however they look.
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key"})

_TOKEN = r"[A-Za-z0-9_\-+/]"
_PATTERNS = {
    "a Bearer token": re.compile(r"Bearer\s+[^\s\"',]+", re.IGNORECASE),
    "an sk- API key": re.compile(r"\bsk-[A-Za-z0-9_-]{8,}"),
    # Ids in these bodies are short or lower-case hex; a long run mixing cases
    # and digits is what keys, session tokens and JWT segments look like.
    "a long random token": re.compile(rf"(?={_TOKEN}*[a-z])(?={_TOKEN}*[A-Z])(?={_TOKEN}*\d){_TOKEN}{{32,}}"),
}


def redact(text: str) -> str:
    for pattern in _PATTERNS.values():
        text = pattern.sub(REDACTED, text)
    return text


def _secrets_in(text: str) -> list[str]:
    # Positions, not the values: the report must not leak what it found.
    return [
        f"{kind} at character {match.start()}"
        for kind, pattern in _PATTERNS.items()
        for match in pattern.finditer(text)
    ]


def _secret_headers(cassette: Any) -> list[str]:
    found = []
    for interaction in cassette.get("interactions") or []:
        for side in ("request", "response"):
            names = {name.lower() for name in interaction[side].get("headers") or {}}
            found += [f"{side} header {name}" for name in sorted(names & SECRET_HEADERS)]
    return found


def leaks(folder: Path) -> list[str]:
    """Every reason the cassettes in ``folder`` are not safe to commit; empty when they are."""
    cassettes = sorted(folder.glob("*.yaml"))
    if not cassettes:
        return [f"{folder}: no recordings"]
    problems = []
    for path in cassettes:
        text = path.read_text()
        found = _secret_headers(yaml.safe_load(text)) + _secrets_in(text)
        problems += [f"{path.name}: {what}" for what in found]
    return problems
