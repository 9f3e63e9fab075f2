"""Rules are data: one YAML file per rule in ``styles/rules/``, lexicons in ``styles/lexicon/``.

A rule file names a generic check kind (``check.kind``) and its parameters; the code in
``drafter.lint.checks`` holds only those kinds. A parameter written ``lexicon:FILE.KEY`` is
replaced by that list from ``styles/lexicon/FILE.yml``, so word lists live in one place.

Profiles are a per-rule ``profiles`` list plus optional ``profile_params`` overrides rather
than one folder per profile (``styles/<profile>/``): the two profiles differ in a handful of
rules (footnote numbering and markers, legacy body names), so one file per rule keeps its
description, examples and both behaviours together and no rule is ever duplicated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import DrafterError
from ..resources import styles_dir
from .finding import SEVERITIES

PROFILES = ("current", "legacy")
_REQUIRED = ("id", "severity", "profiles", "description", "rationale", "examples", "check", "fix")
_ORGAN_HINT = re.compile(r"^(#|---|\*?The (Commission|General Assembly|Economic))", re.M)
DEFAULT_ORGAN = "*The Commission on Narcotic Drugs*,"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    profiles: tuple[str, ...]
    description: str
    rationale: str
    kind: str
    good: tuple[str, ...]
    bad: tuple[str, ...]
    fix_safe: bool
    params: dict = field(compare=False, hash=False, repr=False)
    profile_params: dict = field(compare=False, hash=False, repr=False)
    path: str = ""

    def params_for(self, profile: str) -> dict:
        """The rule's parameters under ``profile``: the same dict on every call, so checks can
        cache work derived from it (compiled patterns) by identity."""
        if profile in self.profile_params:
            return _merged_params(self, profile)
        return self.params


@lru_cache(maxsize=1024)
def _merged_params(rule: Rule, profile: str) -> dict:
    return {**rule.params, **rule.profile_params[profile]}


@lru_cache(maxsize=None)
def lexicon(name: str, base: str | None = None) -> object:
    """``name`` is ``FILE`` or ``FILE.KEY`` inside ``styles/lexicon``."""
    root = Path(base) if base else styles_dir()
    file, _, key = name.partition(".")
    path = root / "lexicon" / f"{file}.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DrafterError(f"cannot read lexicon: {exc}", str(path)) from None
    for part in key.split(".") if key else ():
        if not isinstance(data, dict) or part not in data:
            raise DrafterError(f"lexicon has no key {key!r}", str(path))
        data = data[part]
    return data


def _resolve(value, base: str | None):
    if isinstance(value, str) and value.startswith("lexicon:"):
        return _resolve(lexicon(value[len("lexicon:"):], base), base)
    if isinstance(value, dict):
        return {k: _resolve(v, base) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, base) for v in value]
    return value


def _rule_from(data: object, path: Path, base: str | None) -> Rule:
    where = str(path)
    if not isinstance(data, dict):
        raise DrafterError("rule file must be a YAML mapping", where)
    missing = [k for k in _REQUIRED if k not in data]
    if missing:
        raise DrafterError(f"rule file lacks {', '.join(missing)}", where)
    if data["id"] != path.stem:
        raise DrafterError(f"rule id {data['id']!r} does not match the file name", where)
    if data["severity"] not in SEVERITIES:
        raise DrafterError(f"severity must be one of {', '.join(SEVERITIES)}", where)
    profiles = tuple(data["profiles"] or ())
    if not profiles or set(profiles) - set(PROFILES):
        raise DrafterError(f"profiles must be a non-empty subset of {list(PROFILES)}", where)
    check = data["check"]
    if not isinstance(check, dict) or "kind" not in check:
        raise DrafterError("'check' must be a mapping with a 'kind'", where)
    from .checks import KINDS
    if check["kind"] not in KINDS:
        raise DrafterError(f"unknown check kind {check['kind']!r}", where)
    ex = data["examples"] or {}
    params = _resolve({k: v for k, v in check.items() if k != "kind"}, base)
    return Rule(id=data["id"], severity=data["severity"], profiles=profiles,
                description=str(data["description"]).strip(), rationale=str(data["rationale"]).strip(),
                kind=check["kind"], good=tuple(ex.get("good") or ()), bad=tuple(ex.get("bad") or ()),
                fix_safe=bool((data["fix"] or {}).get("safe")), params=params,
                profile_params=_resolve(data.get("profile_params") or {}, base), path=where)


@lru_cache(maxsize=None)
def load_rules(base: str | None = None) -> tuple[Rule, ...]:
    """All rules under ``styles/rules`` (or ``base/rules``), sorted by id."""
    root = Path(base) if base else styles_dir()
    rules = []
    for path in sorted((root / "rules").glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise DrafterError(f"bad YAML: {exc}", str(path)) from None
        rules.append(_rule_from(data, path, base))
    return tuple(rules)


def rule_by_id(rule_id: str) -> Rule:
    for r in load_rules():
        if r.id == rule_id:
            return r
    raise DrafterError(f"unknown rule id {rule_id!r}")


def _matches(rule_id: str, pattern: str) -> bool:
    pattern = pattern.rstrip("*").rstrip(".")
    return rule_id == pattern or rule_id.startswith(pattern + ".")


def select_rules(rules: tuple[Rule, ...], profile: str = "current", select=None, ignore=None) -> list[Rule]:
    """Rules active in ``profile``; ``select``/``ignore`` take ids or family prefixes (``UN.FN``)."""
    if profile not in PROFILES:
        raise DrafterError(f"unknown profile {profile!r} (choose {' or '.join(PROFILES)})")
    for option, values in (("select", select), ("ignore", ignore)):
        for pat in values or ():
            if not any(_matches(r.id, pat) for r in rules):
                raise DrafterError(f"unknown rule id {pat!r} in {option}")
    chosen = [r for r in rules if profile in r.profiles]
    if select:
        chosen = [r for r in chosen if any(_matches(r.id, p) for p in select)]
    if ignore:
        chosen = [r for r in chosen if not any(_matches(r.id, p) for p in ignore)]
    return chosen


def example_document(snippet: str) -> str:
    """A rule example as a lintable draft: snippets without a title or organ line get one."""
    text = snippet.strip("\n") + "\n"
    return text if _ORGAN_HINT.search(text) else f"{DEFAULT_ORGAN}\n\n{text}"
