"""Settings: each layer (default, file, environment, flag), their order, and every bad value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipelines.config import (
    DEFAULT_INCLUDE,
    ConfigError,
    describe,
    flow_parameters,
    load_settings,
    resolve_log_level,
)

# (setting, TOML text, NOTEHOUSE_* value, flag value, the value each gives)
REAL_FORMAT_CASES: list[tuple[str, str, str, Any, Any]] = [
    ("warehouse", 'warehouse = "out/wh"', "env/wh", Path("flag/wh"), None),
    ("batch_size", "batch_size = 250", "125", 50, None),
    ("workers", "workers = 8", "auto", "2", None),
    ("timezone", 'timezone = "Europe/Berlin"', "Asia/Shanghai", "America/New_York", None),
    ("task_runner", 'task_runner = "dask"', "DASK", "threads", None),
    ("partition_by_year", "partition_by_year = true", "no", True, None),
    ("include", 'include = ["*.md"]', "*.md, *.txt", None, None),
    ("exclude", 'exclude = ["templates", ".git"]', "drafts", None, None),
]
EXPECTED = {
    "warehouse": (Path("out/wh"), Path("env/wh"), Path("flag/wh")),
    "batch_size": (250, 125, 50),
    "workers": (8, None, 2),
    "timezone": ("Europe/Berlin", "Asia/Shanghai", "America/New_York"),
    "task_runner": ("dask", "dask", "threads"),
    "partition_by_year": (True, False, True),
    "include": (("*.md",), ("*.md", "*.txt"), None),
    "exclude": (("templates", ".git"), ("drafts",), None),
}

# (where the bad value is, setting, value as written there, words the message must contain)
NEGATIVE_CASES = [
    ("file", "batch_size", "batch_size = 0", "at least 1"),
    ("file", "batch_size", 'batch_size = "many"', "whole number"),
    ("file", "batch_size", "batch_size = true", "whole number"),
    ("file", "workers", "workers = -2", "at least 1"),
    ("file", "timezone", 'timezone = "Mars/Olympus_Mons"', "no time zone found"),
    ("file", "timezone", "timezone = 3", "IANA"),
    ("file", "task_runner", 'task_runner = "ray"', "threads, dask"),
    ("file", "partition_by_year", 'partition_by_year = "sometimes"', "true or false"),
    ("file", "include", "include = 5", "glob patterns"),
    ("file", "exclude", "exclude = [1, 2]", "glob patterns"),
    ("file", "dask_address", 'dask_address = "not an address"', "tcp://"),
    ("file", "warehouse", "warehouse = 3", "folder path"),
    ("env", "batch_size", "ten", "NOTEHOUSE_BATCH_SIZE"),
    ("env", "workers", "0", "NOTEHOUSE_WORKERS"),
    ("env", "timezone", "Nowhere/City", "NOTEHOUSE_TIMEZONE"),
    ("env", "task_runner", "processes", "NOTEHOUSE_TASK_RUNNER"),
    ("env", "partition_by_year", "2", "NOTEHOUSE_PARTITION_BY_YEAR"),
    ("flag", "batch_size", "-1", "--batch-size"),
    ("flag", "workers", "two", "--workers"),
    ("flag", "dask_address", "http://host:port", "--dask-address"),
]

# whole files that are refused, with words the message must contain
BAD_FILES = [
    ("batchsize = 10", "unknown setting 'batchsize'"),
    ("[notehouse]\nvalut = 'notes'", "unknown setting 'valut'"),
    ("batch_size = ", "not valid TOML"),
    ("notehouse = 3", "must be a table"),
]


def _load(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    file_text: str | None = None,
    env: dict[str, str] | None = None,
    flags: dict[str, Any] | None = None,
) -> Any:
    monkeypatch.chdir(tmp_path)
    vault = tmp_path / "vault"
    vault.mkdir(exist_ok=True)
    if file_text is not None:
        (vault / "notehouse.toml").write_text(file_text, encoding="utf-8")
    return load_settings({"vault": vault, **(flags or {})}, env=env or {})


@pytest.mark.parametrize(
    "name, toml_text, env_value, flag_value, _",
    REAL_FORMAT_CASES,
    ids=[c[1] for c in REAL_FORMAT_CASES],
)
def test_each_layer_overrides_the_one_below(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    toml_text: str,
    env_value: str,
    flag_value: Any,
    _: Any,
) -> None:
    from_file, from_env, from_flag = EXPECTED[name]
    variable = f"NOTEHOUSE_{name.upper()}"
    s = _load(tmp_path, monkeypatch, file_text=toml_text)
    assert getattr(s, name) == from_file
    assert s.sources[name] == str(tmp_path / "vault" / "notehouse.toml")
    s = _load(tmp_path, monkeypatch, file_text=toml_text, env={variable: env_value})
    assert (getattr(s, name), s.sources[name]) == (from_env, f"env {variable}")
    if flag_value is not None:
        s = _load(
            tmp_path,
            monkeypatch,
            file_text=toml_text,
            env={variable: env_value},
            flags={name: flag_value},
        )
        assert (getattr(s, name), s.sources[name]) == (from_flag, "flag")


def test_defaults_when_nothing_is_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = _load(tmp_path, monkeypatch)
    assert (s.batch_size, s.workers, s.timezone, s.task_runner) == (2000, None, "UTC", "threads")
    assert (s.dask_address, s.partition_by_year, s.include) == (None, False, DEFAULT_INCLUDE)
    assert {src for name, src in s.sources.items() if name != "vault"} == {"default"}


def test_config_flag_file_wins_over_the_vault_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "vault").mkdir()
    (tmp_path / "vault" / "notehouse.toml").write_text("batch_size = 7", encoding="utf-8")
    ops = tmp_path / "ops.toml"
    ops.write_text(
        '[notehouse]\nvault = "vault"\nbatch_size = 9\ntask_runner = "dask"\n'
        'dask_address = "tcp://10.0.0.5:8786"\n',
        encoding="utf-8",
    )
    s = load_settings({}, config_file=ops, env={})
    assert (s.vault, s.batch_size, s.sources["batch_size"]) == (Path("vault"), 9, str(ops))
    assert (s.task_runner, s.dask_address) == ("dask", "tcp://10.0.0.5:8786")


def test_the_working_folder_file_is_the_last_resort(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notehouse.toml").write_text("workers = 3", encoding="utf-8")
    s = load_settings({"vault": tmp_path / "elsewhere"}, env={})
    assert (s.workers, s.sources["workers"]) == (3, "notehouse.toml")


@pytest.mark.parametrize(
    "layer, name, written, words", NEGATIVE_CASES, ids=[f"{c[0]}:{c[2]}" for c in NEGATIVE_CASES]
)
def test_a_bad_value_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layer: str, name: str, written: str, words: str
) -> None:
    kwargs: dict[str, Any] = {}
    if layer == "file":
        kwargs["file_text"] = written
    elif layer == "env":
        kwargs["env"] = {f"NOTEHOUSE_{name.upper()}": written}
    else:
        kwargs["flags"] = {name: written}
        if name == "dask_address":
            kwargs["flags"]["task_runner"] = "dask"
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, monkeypatch, **kwargs)
    message = str(caught.value)
    assert f"'{name}'" in message and words.lower() in message.lower(), message


@pytest.mark.parametrize("text, words", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_a_bad_file_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, words: str
) -> None:
    with pytest.raises(ConfigError, match=r"notehouse\.toml") as caught:
        _load(tmp_path, monkeypatch, file_text=text)
    assert words in str(caught.value)


def test_a_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings({}, config_file=tmp_path / "nope.toml", env={})


def test_a_dask_address_needs_the_dask_runner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ConfigError, match="set task_runner to dask") as caught:
        _load(tmp_path, monkeypatch, env={"NOTEHOUSE_DASK_ADDRESS": "tcp://127.0.0.1:8786"})
    assert "env NOTEHOUSE_DASK_ADDRESS" in str(caught.value)


def test_describe_shows_every_setting_and_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = _load(
        tmp_path,
        monkeypatch,
        file_text="partition_by_year = true",
        env={"NOTEHOUSE_WORKERS": "4"},
        flags={"batch_size": 10},
    )
    rows = {name: (shown, source) for name, shown, source in describe(s)}
    assert rows["partition_by_year"] == ("true", str(tmp_path / "vault" / "notehouse.toml"))
    assert rows["workers"] == ("4", "env NOTEHOUSE_WORKERS")
    assert rows["batch_size"] == ("10", "flag")
    assert rows["timezone"] == ("UTC", "default")


def test_flow_parameters_are_absolute_and_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipelines.flows import build_warehouse

    params = flow_parameters(_load(tmp_path, monkeypatch, flags={"warehouse": Path("w")}))
    assert params["vault"] == str(tmp_path / "vault")
    assert params["warehouse"] == str(tmp_path / "w")
    assert set(params) <= set(build_warehouse.parameters.properties)


def test_flow_parameters_need_a_vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="no vault"):
        flow_parameters(load_settings({}, env={}))


@pytest.mark.parametrize(
    "flag, env, expected",
    [("debug", {}, "DEBUG"), (None, {"PREFECT_LOGGING_LEVEL": "error"}, "ERROR"), (None, {}, "X")],
    ids=["flag", "env", "default"],
)
def test_log_level(flag: str | None, env: dict[str, str], expected: str) -> None:
    assert resolve_log_level(flag, env, "X") == expected


def test_a_bad_log_level_is_an_error() -> None:
    with pytest.raises(ConfigError, match="DEBUG, INFO"):
        resolve_log_level("loud", {}, "WARNING")


# [kinds]: glob -> kind, in file order, beside or instead of a [notehouse] table.
KINDS_FILES = [
    ('[kinds]\n"Shows/**" = "episode"\n"People/*" = "Profile"\n',
     (("Shows/**", "episode"), ("People/*", "profile"))),
    ('[notehouse]\nbatch_size = 10\n\n[kinds]\n"Meetings/**" = "note"\n',
     (("Meetings/**", "note"),)),
    ("batch_size = 10\n", ()),
]  # fmt: skip


@pytest.mark.parametrize("text, expected", KINDS_FILES)
def test_kinds_table_from_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: Any
) -> None:
    settings = _load(tmp_path, monkeypatch, file_text=text)
    assert settings.kinds == expected
    assert flow_parameters(settings)["kinds"] == [list(pair) for pair in expected]


def test_kinds_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = _load(tmp_path, monkeypatch, env={"NOTEHOUSE_KINDS": "Shows/**=episode"})
    assert settings.kinds == (("Shows/**", "episode"),)


def test_an_unknown_kind_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="choose one of episode, profile, note") as caught:
        _load(tmp_path, monkeypatch, file_text='[kinds]\n"Shows/**" = "podcast"\n')
    assert "'kinds'" in str(caught.value)
