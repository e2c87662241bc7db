"""Which Prefect API a build reports to: the environment, the active profile, the local
server's state file. (Starting and stopping a real server: tests/e2e/test_local_server.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.runtime import prefect_api

PROFILES = """
active = "work"

[profiles.ephemeral]
PREFECT_SERVER_ALLOW_EPHEMERAL_MODE = "true"

[profiles.work]
PREFECT_API_URL = "http://10.0.0.5:4200/api"
"""


@pytest.mark.parametrize(
    ("text", "env", "want"),
    [
        (PROFILES, {}, "http://10.0.0.5:4200/api"),
        (PROFILES, {"PREFECT_PROFILE": "ephemeral"}, None),
        (PROFILES.replace('active = "work"', 'active = "ephemeral"'), {}, None),
        ("not toml [", {}, None),
        (None, {}, None),
    ],
    ids=["active profile", "PREFECT_PROFILE wins", "profile without a URL", "broken", "none"],
)
def test_profile_api_url(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    text: str | None,
    env: dict[str, str],
    want: str | None,
) -> None:
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.delenv("PREFECT_PROFILES_PATH", raising=False)
    monkeypatch.delenv("PREFECT_PROFILE", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    if text is not None:
        (tmp_path / "profiles.toml").write_text(text, encoding="utf-8")
    assert prefect_api.profile_api_url() == want


def test_a_set_api_url_starts_no_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    assert prefect_api.prepare_api() is None


@pytest.mark.parametrize(
    "state",
    ['{"url": "http://127.0.0.1:9/api", "pid": 999999999}', "{broken", '{"url": 1}'],
    ids=["dead pid", "broken json", "no pid"],
)
def test_a_stale_or_broken_state_file_is_no_server(tmp_path: Path, state: str) -> None:
    (tmp_path / prefect_api.STATE).write_text(state, encoding="utf-8")
    assert prefect_api.local_server(tmp_path) is None
    assert prefect_api.stop_server(tmp_path) is None
    assert not (tmp_path / prefect_api.STATE).exists()


def test_the_state_file_names_url_and_pid(tmp_path: Path) -> None:
    (tmp_path / prefect_api.STATE).write_text(json.dumps({"url": "u", "pid": 1}))
    assert prefect_api._recorded(tmp_path) == prefect_api.LocalServer("u", 1)
