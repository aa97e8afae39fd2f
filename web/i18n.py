"""The interface language: Indonesian first, English on request (`?lang=en`, then a cookie).

A small catalogue of our own (`web.catalogue`) maps message keys to both languages; templates
call `t("key", name=value)`. Unknown keys fall back to Indonesian, then to the key itself, so a
missing translation is visible but never an error.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Flask, Response, current_app, g, request

from web.catalogue import MESSAGES

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
COOKIE = "telusur_lang"

_MONTHS = {
    "id": (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
        "September", "Oktober", "November", "Desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ),
}


def current_language() -> str:
    """Return the language of this request: `?lang=`, else the cookie, else Indonesian."""
    if "lang" in g:
        return str(g.lang)
    asked = request.args.get("lang", "")
    if asked not in LANGUAGES:
        asked = request.cookies.get(COOKIE, "")
    g.lang = asked if asked in LANGUAGES else DEFAULT_LANGUAGE
    return str(g.lang)


def translate(key: str, lang: str | None = None, **values: Any) -> str:
    """Return the message `key` in `lang` (default: this request's), with values filled in."""
    lang = lang or current_language()
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get(DEFAULT_LANGUAGE) or key
    if values:
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def has_message(key: str) -> bool:
    """Tell whether the catalogue has a message for `key`."""
    return key in MESSAGES


def format_date(value: dt.date | dt.datetime | None, lang: str | None = None) -> str:
    """Return a date the way readers write it: "24 November 2024"."""
    if value is None:
        return ""
    lang = lang or current_language()
    months = _MONTHS.get(lang, _MONTHS[DEFAULT_LANGUAGE])
    text = f"{value.day} {months[value.month - 1]} {value.year}"
    if isinstance(value, dt.datetime) and (value.hour or value.minute):
        text += f", {value.hour:02d}.{value.minute:02d}"
    return text


def _remember_language(response: Response) -> Response:
    asked = request.args.get("lang", "")
    if asked in LANGUAGES and request.cookies.get(COOKIE) != asked:
        response.set_cookie(COOKIE, asked, max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
                            secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")))
    return response


def init_app(app: Flask) -> None:
    """Make `t`, `lang` and `format_date` available to templates and persist `?lang=`."""

    @app.context_processor
    def _inject() -> dict[str, Any]:
        return {"t": translate, "lang": current_language(), "format_date": format_date,
                "has_message": has_message}

    app.after_request(_remember_language)
