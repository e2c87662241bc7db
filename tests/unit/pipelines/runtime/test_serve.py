"""``notehouse serve`` pieces that need no server: intervals, schedules, deployment names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipelines.config import ConfigError
from pipelines.runtime.serve import deployment_name, make_schedules, parse_interval

# (what an operator types, seconds)
REAL_FORMAT_CASES = [
    ("15m", 900),
    ("1h", 3600),
    ("1h30m", 5400),
    ("2d", 172800),
    ("90s", 90),
    ("900", 900),
    (" 30M ", 1800),
    ("1d12h", 129600),
]

NEGATIVE_CASES = ["", "0", "0s", "15 minutes", "m", "1.5h", "-5m", "15x", "1m1h"]


@pytest.mark.parametrize("text, seconds", REAL_FORMAT_CASES, ids=[c[0] for c in REAL_FORMAT_CASES])
def test_interval(text: str, seconds: int) -> None:
    assert parse_interval(text) == dt.timedelta(seconds=seconds)


@pytest.mark.parametrize("text", NEGATIVE_CASES, ids=NEGATIVE_CASES)
def test_bad_interval_is_a_clear_error(text: str) -> None:
    with pytest.raises(ConfigError, match=r"--interval: .* use e\.g\. 15m"):
        parse_interval(text)


def test_cron_and_interval_make_two_schedules_in_the_zone() -> None:
    cron, every = make_schedules("0 * * * *", "15m", "Europe/Berlin")
    assert (cron.cron, cron.timezone) == ("0 * * * *", "Europe/Berlin")
    assert (every.interval, every.timezone) == (dt.timedelta(minutes=15), "Europe/Berlin")


def test_no_schedule_serves_on_demand_only() -> None:
    assert make_schedules(None, None, "UTC") == []


@pytest.mark.parametrize("cron", ["every hour", "61 * * * *", "* * *"])
def test_bad_cron_is_a_clear_error(cron: str) -> None:
    with pytest.raises(ConfigError, match=r"--cron: .* is not a cron expression"):
        make_schedules(cron, None, "UTC")


@pytest.mark.parametrize(
    "vault, name",
    [
        ("/srv/notes", "notehouse-notes"),
        ("/home/ana/Obsidian Vault", "notehouse-obsidian-vault"),
        ("/data/播客笔记", "notehouse-vault"),
        ("/data/2024_posts", "notehouse-2024-posts"),
    ],
    ids=["plain", "spaces", "chinese", "underscore"],
)
def test_deployment_name(vault: str, name: str) -> None:
    assert deployment_name(Path(vault)) == name


def test_prefect_yaml_deploys_the_flow_with_its_own_parameters() -> None:
    import yaml

    from pipelines.flows import build_warehouse
    from tests.conftest import ROOT

    project = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    (deployment,) = project["deployments"]
    path, function = deployment["entrypoint"].split(":")
    assert (ROOT / path).is_file() and function == build_warehouse.fn.__name__
    assert set(deployment["parameters"]) <= set(build_warehouse.parameters.properties)
    assert {"vault", "warehouse"} <= set(deployment["parameters"])
    (schedule,) = deployment["schedules"]
    assert make_schedules(schedule["cron"], None, schedule["timezone"])[0].cron == "0 * * * *"


# (arguments after "serve", words stderr must contain): each stops before any server is asked
SERVE_USAGE_ERRORS = [
    (["{vault}", "--interval", "0s"], "--interval"),
    (["{vault}", "--cron", "every hour"], "--cron"),
    (["{missing}", "--cron", "0 * * * *"], "is not a folder"),
    (["{vault}", "--workers", "none"], "'workers'"),
    (["{vault}", "--dask-address", "tcp://10.0.0.5:8786"], "set task_runner to dask"),
]


@pytest.mark.parametrize(
    "argv, words", SERVE_USAGE_ERRORS, ids=[" ".join(c[0][1:]) for c in SERVE_USAGE_ERRORS]
)
def test_serve_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    from pipelines.cli import main

    vault = tmp_path / "vault"
    vault.mkdir()
    args = [a.format(vault=vault, missing=tmp_path / "missing") for a in argv]
    assert main(["serve", *args]) == 2
    assert words in capsys.readouterr().err


def test_a_bad_log_level_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    from pipelines.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["serve", "vault", "--log-level", "loud"])
    assert stopped.value.code == 2 and "--log-level" in capsys.readouterr().err


def _config_lines(capsys: pytest.CaptureFixture[str], toml: str, *args: str) -> dict[str, str]:
    """``notehouse config vault ARGS`` in the current folder, with ``vault/notehouse.toml``
    holding ``toml``: its lines by setting name."""
    from pipelines.cli import main

    Path("vault").mkdir(exist_ok=True)
    Path("vault", "notehouse.toml").write_text(toml, encoding="utf-8")
    assert main(["config", "vault", *args]) == 0
    return {line.split("=")[0].strip(): line for line in capsys.readouterr().out.splitlines()}


def test_config_prints_every_setting_with_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pipelines.config import SETTING_NAMES

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NOTEHOUSE_WORKERS", "3")
    lines = _config_lines(capsys, 'task_runner = "dask"')
    assert set(lines) == set(SETTING_NAMES)
    assert "dask" in lines["task_runner"] and "notehouse.toml)" in lines["task_runner"]
    assert "(env NOTEHOUSE_WORKERS)" in lines["workers"]
    assert "(default)" in lines["batch_size"]


def test_config_shows_what_the_build_flags_would_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    flags = ["--workers", "4", "--task-runner", "dask", "--batch-size", "250"]
    lines = _config_lines(capsys, "workers = 3", *flags, "--timezone", "Asia/Shanghai")
    for name, value in [("workers", "4"), ("task_runner", "dask"), ("batch_size", "250")]:
        assert f"= {value} " in lines[name] and lines[name].endswith("(flag)")
    assert "Asia/Shanghai" in lines["timezone"] and lines["timezone"].endswith("(flag)")
    lines = _config_lines(capsys, "workers = 3", "--no-partition-by-year")
    assert lines["partition_by_year"].endswith("(flag)")
    assert lines["workers"].endswith("notehouse.toml)")
