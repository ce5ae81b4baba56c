"""What an Allegro resource says when the job processing it raised (targ.jobs failure hooks).

The vendor reports a failure of its own as a 500 `INTERNAL_SERVER_ERROR` "Internal server error." with the reason in
`details` (reference/allegro-behaviour.md section 5, #3087; targ.allegro.edge does the same for a crashed handler).
Resources that carry errors (command tasks, command outputs, an offer's `validation.errors`) carry that error.
"""

from __future__ import annotations

from typing import Any

from targ.allegro.errors import AllegroProblem

CODE = "INTERNAL_SERVER_ERROR"


def internal_problem(error: str) -> dict[str, Any]:
    """The vendor's internal error as an error entry, `details` naming what went wrong (no request: Polish, the
    vendor's userMessage language without Accept-Language)."""
    return AllegroProblem(CODE, "Internal server error.", details=error, user_key="internal").to_json()
