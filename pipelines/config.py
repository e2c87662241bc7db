"""Settings: flags, then ``NOTEHOUSE_*`` variables, then ``notehouse.toml``, then defaults.

Each value remembers where it came from, for ``notehouse config``. Every bad value is a
``ConfigError`` that names the setting, where the value came from and what would be accepted.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_EXCLUDE = (".obsidian", ".trash", ".git", "node_modules", ".stfolder", ".DS_Store")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.mdown", "*.mkd")
# notes per parse batch: each batch is a Prefect task run and its own set of Parquet parts,
# so fewer, larger batches cost the server and the load less (BENCH.md, session 6)
DEFAULT_BATCH_SIZE = 2000
TASK_RUNNERS = ("threads", "dask")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

_DASK_ADDRESS = re.compile(r"^(?:(?:tcp|tls|ucx|ws|wss|inproc)://\S+|[^\s:/]+:\d{1,5})$")
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


class ConfigError(ValueError):
    """A setting that cannot be used, with a message that says how to fix it."""


@dataclass(frozen=True)
class Settings:
    vault: Path | None = None
    warehouse: Path = Path("warehouse")
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    batch_size: int = DEFAULT_BATCH_SIZE
    workers: int | None = None  # None: the task runner's own default (about one per CPU)
    timezone: str = "UTC"
    task_runner: str = "threads"
    dask_address: str | None = None
    partition_by_year: bool = False
    # [kinds]: (glob, kind) pairs in file order; the first glob matching a note's path wins.
    kinds: tuple[tuple[str, str], ...] = ()
    sources: dict[str, str] = field(default_factory=dict, compare=False)


SETTING_NAMES = tuple(f.name for f in fields(Settings) if f.name != "sources")
_NAMES = set(SETTING_NAMES)


def _positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"expected a whole number, got {type(value).__name__}")
    try:
        number = int(value)
    except ValueError:
        raise ValueError("expected a whole number such as 4") from None
    if number < 1:
        raise ValueError("must be at least 1")
    return number


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE | _FALSE:
        return text in _TRUE
    raise ValueError("use true or false")


def _globs(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise TypeError('expected a list of glob patterns, e.g. ["*.md"]')
    return tuple(value)


def _choice(value: Any, choices: tuple[str, ...]) -> str:
    text = str(value).strip().lower()
    if text not in choices:
        raise ValueError(f"choose one of {', '.join(choices)}")
    return text


def _zone(value: Any) -> str:
    from zoneinfo import ZoneInfo

    if not isinstance(value, str) or not value:
        raise ValueError("expected an IANA zone name such as Europe/Berlin")
    ZoneInfo(value)
    return value


def _address(value: Any) -> str | None:
    text = str(value).strip()
    if not text:
        return None
    if not _DASK_ADDRESS.match(text):
        raise ValueError("expected a Dask scheduler address such as tcp://10.0.0.5:8786")
    return text


_KINDS = ("episode", "profile", "note")


def _kinds(value: Any) -> tuple[tuple[str, str], ...]:
    """``[kinds]`` as (glob, kind) pairs: a TOML table, or ``glob=kind,glob=kind`` text.

    >>> _kinds({"Shows/**": "episode", "People/*": "Profile"})
    (('Shows/**', 'episode'), ('People/*', 'profile'))
    >>> _kinds("Shows/**=episode")
    (('Shows/**', 'episode'),)
    """
    if isinstance(value, str):
        pairs = [item.rsplit("=", 1) for item in value.split(",") if item.strip()]
        if any(len(pair) != 2 for pair in pairs):
            raise ValueError("write glob=kind pairs separated by commas, e.g. Shows/**=episode")
        value = {glob.strip(): kind for glob, kind in pairs}
    if isinstance(value, list | tuple):
        value = dict(value)
    if not isinstance(value, Mapping):
        raise TypeError('expected a table of glob = kind, e.g. [kinds] "Shows/**" = "episode"')
    out = []
    for glob, kind in value.items():
        word = str(kind).strip().lower()
        if word not in _KINDS:
            raise ValueError(f"kind {kind!r} for {glob!r}: choose one of {', '.join(_KINDS)}")
        out.append((str(glob), word))
    return tuple(out)


def kinds_version(version: str, kinds: Any) -> str:
    """The parser version of a build with these ``[kinds]``: other globs re-parse every note.

    >>> kinds_version("1-abc", []), kinds_version("1-abc", [("a/*", "note")])[:8]
    ('1-abc', '1-abc-k-')
    """
    if not kinds:
        return version
    text = "\n".join(f"{glob}\t{kind}" for glob, kind in kinds)
    return f"{version}-k-{hashlib.sha256(text.encode()).hexdigest()[:8]}"


def _coerce(name: str, value: Any, origin: str) -> Any:
    try:
        if name in ("vault", "warehouse"):
            if not isinstance(value, str | Path) or not str(value):
                raise TypeError("expected a folder path")
            return Path(str(value)).expanduser()
        if name in ("include", "exclude"):
            return _globs(value)
        if name == "batch_size":
            return _positive_int(value)
        if name == "workers":
            return None if str(value).strip().lower() == "auto" else _positive_int(value)
        if name == "timezone":
            return _zone(value)
        if name == "task_runner":
            return _choice(value, TASK_RUNNERS)
        if name == "dask_address":
            return _address(value)
        if name == "partition_by_year":
            return _boolean(value)
        if name == "kinds":
            return _kinds(value)
    except (ValueError, TypeError, KeyError, OSError) as exc:
        raise ConfigError(f"{origin}: bad value {value!r} for '{name}': {exc}") from exc
    return value


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from exc
    section = data.get("notehouse", data)
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [notehouse] must be a table of settings")
    if "notehouse" in data and "kinds" in data:  # [kinds] beside [notehouse]
        section = {**section, "kinds": data["kinds"]}
    for key in section:
        if key not in _NAMES:
            raise ConfigError(
                f"{path}: unknown setting '{key}' (known: {', '.join(SETTING_NAMES)})"
            )
    return section


def _file_layer(flags: Mapping[str, Any], config_file: Path | None) -> tuple[dict[str, Any], str]:
    if config_file is not None:
        if not config_file.is_file():
            raise ConfigError(f"config file {config_file} does not exist")
        return _read_file(config_file), str(config_file)
    candidates = [Path(flags["vault"]) / "notehouse.toml"] if flags.get("vault") else []
    for path in [*candidates, Path("notehouse.toml")]:
        if path.is_file():
            return _read_file(path), str(path)
    return {}, ""


def load_settings(
    flags: Mapping[str, Any],
    *,
    config_file: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Settings:
    """Merge the four layers: flags over ``NOTEHOUSE_*`` over the TOML file over defaults.

    The file is ``config_file`` when given, else ``VAULT/notehouse.toml``, else
    ``./notehouse.toml``. An unknown key or a bad value anywhere raises ``ConfigError``.
    """
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    sources = {name: "default" for name in SETTING_NAMES}
    data, origin = _file_layer(flags, config_file)
    for key, value in data.items():
        values[key] = _coerce(key, value, origin)
        sources[key] = origin
    for name in SETTING_NAMES:
        variable = f"NOTEHOUSE_{name.upper()}"
        if variable in env:
            values[name] = _coerce(name, env[variable], variable)
            sources[name] = f"env {variable}"
    for name, value in flags.items():
        if value is not None and name in _NAMES:
            values[name] = _coerce(name, value, f"--{name.replace('_', '-')}")
            sources[name] = "flag"
    settings = replace(Settings(), **values, sources=sources)
    if settings.dask_address and settings.task_runner != "dask":
        raise ConfigError(
            f"dask_address is set ({sources['dask_address']}) but task_runner is "
            f"'{settings.task_runner}' ({sources['task_runner']}); "
            "set task_runner to dask or drop dask_address"
        )
    return settings


def describe(settings: Settings) -> list[tuple[str, str, str]]:
    """(name, shown value, source) for every setting, in a fixed order.

    >>> rows = describe(load_settings({"batch_size": 50}, env={}))
    >>> rows[4]
    ('batch_size', '50', 'flag')
    >>> [r for r in rows if r[0] in ("workers", "dask_address")]
    [('workers', 'auto', 'default'), ('dask_address', '-', 'default')]
    """
    rows = []
    for name in SETTING_NAMES:
        value = getattr(settings, name)
        if name == "kinds":
            shown = ", ".join(f"{glob} = {kind}" for glob, kind in value) or "-"
        elif isinstance(value, tuple):
            shown = ", ".join(value)
        elif value is None:
            shown = "auto" if name == "workers" else "-"
        elif isinstance(value, bool):
            shown = str(value).lower()
        else:
            shown = str(value)
        rows.append((name, shown, settings.sources.get(name, "default")))
    return rows


def flow_parameters(settings: Settings) -> dict[str, Any]:
    """The keyword arguments of ``build_warehouse`` for these settings (paths made absolute).

    >>> params = flow_parameters(load_settings({"vault": "notes"}, env={}))
    >>> params["vault"].endswith("notes"), params["task_runner"], params["workers"]
    (True, 'threads', None)
    """
    if settings.vault is None:
        raise ConfigError("no vault given: pass VAULT or set vault in notehouse.toml")
    return {
        "vault": str(settings.vault.resolve()),
        "warehouse": str(settings.warehouse.resolve()),
        "batch_size": settings.batch_size,
        "timezone": settings.timezone,
        "include": list(settings.include),
        "exclude": list(settings.exclude),
        "task_runner": settings.task_runner,
        "workers": settings.workers,
        "dask_address": settings.dask_address,
        "partition_by_year": settings.partition_by_year,
        "kinds": [list(pair) for pair in settings.kinds],
    }


def resolve_log_level(flag: str | None, env: Mapping[str, str], default: str) -> str:
    """The Prefect log level: the flag, else ``PREFECT_LOGGING_LEVEL``, else ``default``.

    >>> resolve_log_level("info", {}, "WARNING")
    'INFO'
    >>> resolve_log_level(None, {"PREFECT_LOGGING_LEVEL": "DEBUG"}, "WARNING")
    'DEBUG'
    """
    if flag is None:
        return env.get("PREFECT_LOGGING_LEVEL", default).upper()
    level = flag.strip().upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"--log-level: bad value {flag!r}: choose one of {', '.join(LOG_LEVELS)}")
    return level
