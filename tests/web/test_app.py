"""The app factory: configuration, the persisted secret key, nothing opened up front."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from web import create_app


def test_secret_key_is_generated_once_and_kept_private(tmp_path: Path) -> None:
    first = create_app({"DATA_DIR": tmp_path}).config["SECRET_KEY"]
    second = create_app({"DATA_DIR": tmp_path}).config["SECRET_KEY"]
    assert first == second and len(first) >= 32
    mode = stat.S_IMODE((tmp_path / "secret_key").stat().st_mode)
    assert mode & 0o077 == 0


def test_given_secret_key_wins_and_nothing_is_written(tmp_path: Path) -> None:
    app = create_app({"DATA_DIR": tmp_path, "SECRET_KEY": "given"})
    assert app.config["SECRET_KEY"] == "given"
    assert list(tmp_path.iterdir()) == []


def test_creating_the_app_opens_no_index(tmp_path: Path) -> None:
    app = create_app({"DATA_DIR": tmp_path / "absent", "SECRET_KEY": "k"})
    assert "telusur.index" not in app.extensions
    assert not (tmp_path / "absent" / "index").exists()


def test_unwritable_data_dir_still_gives_a_working_app(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    app = create_app({"DATA_DIR": blocker / "data"})
    assert len(app.config["SECRET_KEY"]) >= 32
    assert app.test_client().get("/api/openapi.json").status_code == 200


@pytest.mark.parametrize(
    ("env", "secure"),
    [(None, False), ("1", True), ("true", True), ("ON", True), ("0", False), ("off", False),
     ("", False), ("maybe", False)],
)
def test_cookie_secure_flag_comes_from_the_environment(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, env: str | None, secure: bool
) -> None:
    if env is None:
        monkeypatch.delenv("TELUSUR_COOKIE_SECURE", raising=False)
    else:
        monkeypatch.setenv("TELUSUR_COOKIE_SECURE", env)
    app = create_app({"DATA_DIR": data_dir, "TESTING": True, "SECRET_KEY": "k"})
    assert app.config["SESSION_COOKIE_SECURE"] is secure
    cookies = app.test_client().get("/?lang=en").headers.getlist("Set-Cookie")
    lang_cookie = next(c for c in cookies if c.startswith("telusur_lang="))
    assert ("Secure" in lang_cookie) is secure


def test_config_mapping_overrides_the_cookie_environment(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TELUSUR_COOKIE_SECURE", "1")
    app = create_app({"DATA_DIR": data_dir, "TESTING": True, "SECRET_KEY": "k",
                      "SESSION_COOKIE_SECURE": False})
    assert app.config["SESSION_COOKIE_SECURE"] is False
