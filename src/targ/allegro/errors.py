"""Allegro's errors as exceptions: `ErrorsHolder` (`{"errors": [...]}`), one entry per problem.

Domain code raises them; the Allegro edge renders them (targ.allegro.edge.errors). An entry's `userMessage` is
either a key of the message catalogue with its parameters, turned into text in the request's language only when the
error is rendered (targ.allegro.messages), or a literal text where the vendor's userMessage is one fixed text.
`message` is the vendor's developer message: English, whatever the request's language; given a key and no message,
it is the key's English text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from targ.allegro import messages
from targ.http.errors import TargError

Params = Mapping[str, object]


class AllegroProblem:
    """One entry of an Allegro `ErrorsHolder`."""

    __slots__ = ("code", "details", "message", "metadata", "path", "user_key", "user_message", "user_params")

    def __init__(
        self,
        code: str,
        message: str | None = None,
        *,
        path: str | None = None,
        details: str | None = None,
        user_message: str | None = None,
        user_key: str | None = None,
        user_params: Params | None = None,
        metadata: dict[str, str] | None = None,
    ) -> None:
        self.code = code
        self.user_key = user_key
        self.user_params: Params = user_params or {}
        if message is None:
            if user_key is None:
                raise ValueError("an Allegro problem needs a message or a user key")
            message = messages.text(user_key, messages.ENGLISH, self.user_params)
        self.message = message
        self.path = path
        self.details = details
        # A literal userMessage (the vendor's fixed text); without one and without a key, the message itself.
        self.user_message = user_message if user_message is not None or user_key is not None else message
        self.metadata = metadata or {}

    def user_text(self, language: str) -> str:
        if self.user_key is not None:
            return messages.text(self.user_key, language, self.user_params)
        return self.user_message or ""

    def to_json(self, language: str = messages.DEFAULT) -> dict[str, Any]:
        """The entry as the vendor sends it, its userMessage in `language` (the vendor's default, Polish, when
        there is no request to take it from)."""
        return {
            "code": self.code,
            "message": self.message,
            "details": self.details,
            "path": self.path,
            "userMessage": self.user_text(language),
            "metadata": self.metadata,
        }


class AllegroError(TargError):
    """Allegro's `{"errors": [...]}` envelope, one entry per problem."""

    def __init__(self, status: int, code: str = "", message: str | None = None, *,
                 problems: list[AllegroProblem] | None = None, path: str | None = None, details: str | None = None,
                 user_message: str | None = None, user_key: str | None = None, user_params: Params | None = None,
                 metadata: dict[str, str] | None = None, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.problems = problems or [
            AllegroProblem(code, "" if message is None and user_key is None else message, path=path,
                           details=details, user_message=user_message, user_key=user_key, user_params=user_params,
                           metadata=metadata)
        ]
        self._headers = headers or {}
        super().__init__(f"{status} {self.problems[0].code}: {self.problems[0].message}")

    def body(self, language: str = messages.DEFAULT) -> dict[str, Any]:
        return {"errors": [p.to_json(language) for p in self.problems]}

    def headers(self) -> dict[str, str]:
        return self._headers


def access_denied() -> AllegroError:
    """403 AccessDenied: a token without the operation's scopes, or another seller's resource (the vendor's fixed
    English userMessage, whatever the request's language)."""
    return AllegroError(403, "AccessDenied", "Access is denied",
                        user_message="Access denied. Contact the author of the application.")
