"""Vendor errors as exceptions. Handlers raise them; the edge turns them into the vendor's exact envelope (Allegro's
own, which carry message keys rendered in the request's language, are in targ.allegro.errors).

A handler never builds an error body by hand: it raises one of these, and `render()` gives the wire form.
"""

from __future__ import annotations

from typing import Any


class TargError(Exception):
    """Base of every error that becomes an HTTP response."""

    status: int = 500

    def body(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def headers(self) -> dict[str, str]:
        return {}


class OAuthError(TargError):
    """The OAuth shape `{"error", "error_description"}`: Allegro's token endpoint and every Allegro 401."""

    def __init__(self, status: int, error: str, description: str, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.error = error
        self.description = description
        self._headers = headers or {}
        super().__init__(f"{status} {error}: {description}")

    def body(self) -> dict[str, Any]:
        return {"error": self.error, "error_description": self.description}

    def headers(self) -> dict[str, str]:
        return self._headers


class VoucherifyError(TargError):
    """Voucherify's error object: `code` (= HTTP status), `key`, `message`, `details`, `request_id`, resource."""

    def __init__(self, status: int, key: str, message: str, details: str | None = None, *,
                 resource_id: str | None = None, resource_type: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        self.status = status
        self._headers = headers or {}
        self.key = key
        self.message = message
        self.details = details
        self.resource_id = resource_id
        self.resource_type = resource_type
        self.request_id: str | None = None  # filled in by the edge, which knows the request
        super().__init__(f"{status} {key}: {message}")

    def body(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.status, "key": self.key, "message": self.message}
        if self.details is not None:
            out["details"] = self.details
        out["request_id"] = self.request_id
        if self.resource_id is not None:
            out["resource_id"] = self.resource_id
        if self.resource_type is not None:
            out["resource_type"] = self.resource_type
        return out

    def headers(self) -> dict[str, str]:
        return self._headers


class AdminError(TargError):
    """targ's own admin API: `{"error": "<key>", "message": "..."}`."""

    def __init__(self, status: int, error: str, message: str, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.error = error
        self.message = message
        self._headers = headers or {}
        super().__init__(f"{status} {error}: {message}")

    def body(self) -> dict[str, Any]:
        return {"error": self.error, "message": self.message}

    def headers(self) -> dict[str, str]:
        return self._headers
