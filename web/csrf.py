"""CSRF protection for the few state-changing forms (the evidence basket).

A random token lives in the signed session cookie and in a hidden field of every POST form;
a POST whose field does not match is refused with a 400 that says to reload the page.
"""

from __future__ import annotations

import hmac
import secrets

from flask import Flask, request, session

from web.errors import CsrfError

FIELD = "csrf_token"


def csrf_token() -> str:
    """Return this session's CSRF token, creating it on first use."""
    token = session.get(FIELD)
    if not isinstance(token, str) or len(token) < 32:
        token = secrets.token_urlsafe(32)
        session[FIELD] = token
    return token


def check_csrf() -> None:
    """Refuse a POST whose form token is missing or does not match the session's."""
    if request.method != "POST":
        return
    sent = request.form.get(FIELD, "")
    expected = session.get(FIELD)
    if not isinstance(expected, str) or not sent or not hmac.compare_digest(sent, expected):
        raise CsrfError(
            "This form has expired or did not come from Telusur. Reload the page and try again.",
            key="csrf",
        )


def init_app(app: Flask) -> None:
    """Offer `csrf_token()` to templates."""
    app.jinja_env.globals["csrf_token"] = csrf_token
