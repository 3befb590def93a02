# Copied from handwritten/cli/terminal.py by `nox -s generate`: edit it there.
"""Server text made safe to print: what a server sends must not be able to drive the user's terminal.

An ESC starts a sequence that can move the cursor, clear the screen, set the
window title or write a hyperlink (OSC); a carriage return lets a line overwrite
what came before it; the bidirectional controls reorder what is shown. Each is
printed as its Python escape (``\\x1b``, ``\\r``, ``\\u202e``) instead. ``--json``
output is left alone: it is JSON, in which these already travel escaped.
"""

from __future__ import annotations

import re

# C0 and C1 controls and DEL, and the Unicode bidirectional controls.
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character written as its escape."""
    return CONTROLS.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)
