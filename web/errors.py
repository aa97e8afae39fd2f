"""Errors raised by the web package.

    WebError                    base of everything below; carries an HTTP status and a code
    ├── BadRequestError         a parameter is malformed or out of bounds (400)
    ├── NotFoundError           no document, part or basket item with that id (404)
    ├── CsrfError               a form was posted without a valid CSRF token (400)
    └── UnavailableError        the index is missing, locked or built by another version (503)

Every error's message says what was wrong and what to do; views turn them into an HTML page
or a JSON body `{"error": {"code", "message"}}` depending on where they happened. The message
is English (for logs and API clients); an error raised with a `key` also carries its values so
that the HTML page can say the same in Indonesian first (`error.detail.<key>` in the catalogue).
"""

from __future__ import annotations

from typing import Any


class WebError(Exception):
    """Base class of web errors: an HTTP status, a machine code and a human message."""

    status = 500
    code = "internal_error"

    def __init__(
        self, message: str, *, code: str | None = None, key: str | None = None, **values: Any
    ) -> None:
        super().__init__(message)
        self.message = message
        self.key = key  # catalogue key of the detailed message: error.detail.<key>
        self.values = values  # what the detailed message fills in
        if code is not None:
            self.code = code


class BadRequestError(WebError):
    """A request parameter is malformed or out of bounds."""

    status = 400
    code = "bad_request"


class NotFoundError(WebError):
    """The requested document, part or item does not exist."""

    status = 404
    code = "not_found"


class CsrfError(WebError):
    """A state-changing form arrived without a valid CSRF token."""

    status = 400
    code = "csrf_failed"


class UnavailableError(WebError):
    """The search index cannot be used right now."""

    status = 503
    code = "index_unavailable"
