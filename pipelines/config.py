"""Settings: flags, then ``NOTEHOUSE_*`` variables, then ``notehouse.toml``, then defaults.

Each value remembers where it came from, for ``notehouse config``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_EXCLUDE = (".obsidian", ".trash", ".git", "node_modules", ".stfolder", ".DS_Store")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.mdown", "*.mkd")


class ConfigError(ValueError):
    """A setting that cannot be used, with a message that says how to fix it."""


@dataclass(frozen=True)
class Settings:
    vault: Path | None = None
    warehouse: Path = Path("warehouse")
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    batch_size: int = 500
    timezone: str = "UTC"
    sources: dict[str, str] = field(default_factory=dict, compare=False)


_NAMES = {f.name for f in fields(Settings)} - {"sources"}


def _coerce(name: str, value: Any, origin: str) -> Any:
    try:
        if name in ("vault", "warehouse"):
            return Path(str(value)).expanduser()
        if name in ("include", "exclude"):
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            return tuple(str(v) for v in value)
        if name == "batch_size":
            number = int(value)
            if number < 1:
                raise ValueError("must be at least 1")
            return number
        if name == "timezone":
            from zoneinfo import ZoneInfo

            ZoneInfo(str(value))
            return str(value)
    except (ValueError, TypeError, KeyError, OSError) as exc:
        raise ConfigError(f"{origin}: bad value {value!r} for '{name}': {exc}") from exc
    return value


def load_settings(
    flags: dict[str, Any], *, config_file: Path | None = None, env: dict[str, str] | None = None
) -> Settings:
    """Merge the four layers; unknown keys in the file are an error."""
    env = dict(os.environ) if env is None else env
    values: dict[str, Any] = {}
    sources: dict[str, str] = {name: "default" for name in _NAMES}
    candidates = [config_file] if config_file else []
    vault_flag = flags.get("vault")
    if vault_flag and not config_file:
        candidates.append(Path(vault_flag) / "notehouse.toml")
    candidates.append(Path("notehouse.toml"))
    for path in candidates:
        if path is not None and path.is_file():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
            data = data.get("notehouse", data)
            for key, value in data.items():
                if key not in _NAMES:
                    raise ConfigError(f"{path}: unknown setting '{key}' (known: {sorted(_NAMES)})")
                values[key] = _coerce(key, value, str(path))
                sources[key] = str(path)
            break
        if path is config_file:
            raise ConfigError(f"config file {path} does not exist")
    for name in _NAMES:
        env_value = env.get(f"NOTEHOUSE_{name.upper()}")
        if env_value is not None:
            values[name] = _coerce(name, env_value, f"NOTEHOUSE_{name.upper()}")
            sources[name] = f"env NOTEHOUSE_{name.upper()}"
    for name, value in flags.items():
        if value is not None and name in _NAMES:
            values[name] = _coerce(name, value, f"--{name.replace('_', '-')}")
            sources[name] = "flag"
    return replace(Settings(), **values, sources=sources)
