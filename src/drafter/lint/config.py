"""Project settings for lint: ``drafter.yml`` next to the draft, else ``[tool.drafter]`` in the
nearest ``pyproject.toml`` above it. Keys: ``profile``, ``select``, ``ignore`` (also accepted
under a ``lint`` sub-table). Command-line options override the file.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import DrafterError


@dataclass(frozen=True)
class Config:
    profile: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    source: str | None = None  # the file it came from


def _ids(value, key: str, where: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = [v for v in value.replace(" ", "").split(",") if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DrafterError(f"'{key}' must be a list of rule ids", where)
    return tuple(value)


def config_from_mapping(data: object, where: str) -> Config:
    if data is None:
        return Config(source=where)
    if not isinstance(data, dict):
        raise DrafterError("drafter settings must be a mapping", where)
    if isinstance(data.get("lint"), dict):
        data = {**{k: v for k, v in data.items() if k != "lint"}, **data["lint"]}
    profile = data.get("profile")
    if profile is not None and not isinstance(profile, str):
        raise DrafterError("'profile' must be a string", where)
    return Config(profile, _ids(data.get("select"), "select", where),
                  _ids(data.get("ignore"), "ignore", where), where)


def load_config_file(path: str | Path) -> Config:
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise DrafterError(f"cannot read config: {exc.strerror}", str(p)) from None
    try:
        if p.suffix == ".toml":
            data = tomllib.loads(raw).get("tool", {}).get("drafter")
        else:
            data = yaml.safe_load(raw)
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as exc:
        raise DrafterError(f"bad config file: {exc}".splitlines()[0], str(p)) from None
    return config_from_mapping(data, str(p))


def find_config(draft: str | Path | None) -> Config:
    """Settings that apply to ``draft`` (an empty Config when there are none)."""
    if draft is None:
        return Config()
    folder = Path(draft).resolve().parent
    for name in ("drafter.yml", "drafter.yaml"):
        if (folder / name).is_file():
            return load_config_file(folder / name)
    for d in (folder, *folder.parents):
        pyproject = d / "pyproject.toml"
        if pyproject.is_file():
            try:
                has = "drafter" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                has = False
            if has:
                return load_config_file(pyproject)
    return Config()
