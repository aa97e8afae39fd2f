"""The Flask application factory: configuration, security headers, errors and blueprints.

Configuration comes from DEFAULTS, then the environment, then the `config` mapping given to
`create_app` (which wins):

    TELUSUR_DATA_DIR        DATA_DIR: where the store, index and crawl archive live
    TELUSUR_COOKIE_SECURE   SESSION_COOKIE_SECURE: "1"/"true"/"yes"/"on" marks the session and
                            language cookies Secure (sent over HTTPS only). Turn it on when
                            Telusur is served over HTTPS (behind a TLS proxy); leave it off
                            (the default) for plain http on loopback, where a Secure cookie
                            would never come back and baskets would not persist.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from web import csrf, feedcache, i18n, resources
from web.docview import known_status, status_label
from web.errors import UnavailableError, WebError
from web.markup import highlight, safe_snippet

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)

DEFAULTS: dict[str, Any] = {
    "TESTING": False,
    "SITE_NAME": "Telusur",
    "MAX_CONTENT_LENGTH": 64 * 1024,  # forms are small; refuse large bodies early
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": False,  # TELUSUR_COOKIE_SECURE=1 behind HTTPS
    "BASKET_MAX_ITEMS": 100,
    "BASKET_MAX_AGE_DAYS": 180,
    "FEED_MAX_ENTRIES": 50,
    "JDIHN_MAX_RECORDS": 50_000,
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the Telusur web app; `config` overrides the defaults (DATA_DIR, SECRET_KEY, ...)."""
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config["DATA_DIR"] = Path(os.environ.get("TELUSUR_DATA_DIR", "data"))
    app.config["SESSION_COOKIE_SECURE"] = env_flag("TELUSUR_COOKIE_SECURE", False)
    if config:
        app.config.update(config)
    app.config["DATA_DIR"] = Path(app.config["DATA_DIR"])
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _load_secret_key(app.config["DATA_DIR"])
    app.jinja_env.autoescape = True
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    i18n.init_app(app)
    csrf.init_app(app)
    resources.init_app(app)
    feedcache.init_app(app)
    _register_blueprints(app)
    app.jinja_env.globals.update(safe_snippet=safe_snippet, highlight=highlight, lang_url=lang_url,
                                 known_status=known_status, status_label=status_label,
                                 site_of=site_of)
    app.jinja_env.filters["isodate"] = _isodate
    _register_errors(app)
    app.after_request(_security_headers)
    return app


def _register_blueprints(app: Flask) -> None:
    from web.views import api, basket, compare, coverage, documents, feeds, search

    for module in (search, documents, compare, basket, coverage, api, feeds):
        app.register_blueprint(module.bp)
    basket.init_app(app)


def lang_url(code: str) -> str:
    """Return the current page's URL in another interface language."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [code]
    return request.path + "?" + urlencode(args, doseq=True)


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_flag(name: str, default: bool) -> bool:
    """Read a yes/no environment variable; an unreadable value keeps the default, with a warning."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    log.warning("%s=%r is not a yes/no value (use 1 or 0); keeping %s", name, raw[:40], default)
    return default


def _isodate(value: str) -> dt.date | None:
    """Parse an ISO date for display; anything else gives None (shown as an empty date)."""
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


def site_of(url: str | None) -> str:
    """Return the host a document came from ("www.balipost.com"), for bylines."""
    try:
        return urlsplit(url or "").hostname or ""
    except ValueError:
        return ""


def _load_secret_key(data_dir: Path) -> str:
    """Return the secret kept in DATA_DIR/secret_key, creating it on first use."""
    path = data_dir / "secret_key"
    try:
        if path.exists():
            key = path.read_text(encoding="ascii").strip()
            if len(key) >= 32:
                return key
        data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(key)
        return key
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("cannot persist a secret key in %s (%s); sessions end on restart", path, exc)
        return secrets.token_hex(32)


def _security_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    return response


def wants_json() -> bool:
    """Return True when the error of this request should be JSON (API, exports, feeds)."""
    path = request.path
    if path.startswith(("/api/", "/export", "/feed")):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    accept = request.accept_mimetypes
    return best == "application/json" and accept[best] > accept["text/html"]


def error_response(
    status: int, code: str, message: str, key: str | None = None,
    values: Mapping[str, Any] | None = None,
) -> tuple[Response | str, int]:
    """Return an error as JSON `{"error": {"code", "message"}}` or as an HTML page.

    On the HTML page the detail is said in the reader's language first, then in the other one,
    when the catalogue has `error.detail.<key>`; otherwise the English message is shown small.
    """
    if wants_json():
        return jsonify({"error": {"code": code, "message": message}}), status
    template = "unavailable.html" if status == 503 else "error.html"
    detail = other = None
    if key and i18n.has_message(f"error.detail.{key}"):
        lang = i18n.current_language()
        other_lang = "en" if lang == "id" else "id"
        detail = (lang, i18n.translate(f"error.detail.{key}", lang, **(values or {})))
        other = (other_lang, i18n.translate(f"error.detail.{key}", other_lang, **(values or {})))
    return render_template(template, status=status, code=code, message=message,
                           detail=detail, other=other), status


def _register_errors(app: Flask) -> None:
    @app.errorhandler(WebError)
    def _web_error(exc: WebError) -> tuple[Response | str, int]:
        if isinstance(exc, UnavailableError):
            log.warning("index unavailable: %s", exc.message)
        return error_response(exc.status, exc.code, exc.message, exc.key, exc.values)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> tuple[Response | str, int]:
        status = exc.code or 500
        code = (exc.name or "error").lower().replace(" ", "_")
        return error_response(status, code, exc.description or exc.name or "Error",
                              f"http_{status}", {"path": request.path[:200]})

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> tuple[Response | str, int]:
        log.exception("unhandled error on %s", request.path)
        return error_response(500, "internal_error",
                              "Something went wrong on our side; the error has been logged.",
                              "internal")
