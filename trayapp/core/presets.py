"""Presets: one intent ("Lunch") with what each account gets, and an optional default duration.

The model
- `AccountPart`: what one account gets: a custom status (by name, resolved on each account when
  applied), an availability, a message (sent with the status or the availability), or a mix. A part
  needs a status or an availability; an account without a part is left alone.
- `Preset`: `name`, `emoji`, `accounts` (account name, or a service kind such as "rocketchat" for every
  account of that kind not named itself -> AccountPart), `duration` (None: open-ended), `system` (True:
  shipped by the organisation, read-only). `Preset.part_for(account, kind)` says what one account gets;
  `StatusService.apply_preset` sends each its change (accounts in parallel, one receipt
  each; timed ones through the scheduler as one entry, so "End now" and "Keep longer" act on all).
- JSON: `Preset.to_dict()` is the shape `trayapp preset list --json` prints:
  {"name", "emoji", "accounts": {ACCOUNT: {"status", "availability", "message"}}, "duration_minutes",
  "system"}; absent fields are null. `Preset.from_dict` reads it back (raises InputError saying what is
  wrong); a system file is a JSON list of these without "system".

The store (`PresetStore`)
- The user's presets: `presets.json` in the per-user config folder, written atomically under the
  cross-process lock (atomic.locked) like the other state files; a damaged file is set aside, a damaged
  preset left out (the file as it was is kept), each said once in `warnings`.
- The organisation's: `trayapp/presets.json` in every system config folder (`$XDG_CONFIG_DIRS`, default
  /etc/xdg, on Linux; platformdirs' site_config_dir elsewhere), read-only, the first folder winning on a
  name. A bad system file or preset is left out with a sentence in `warnings` naming the file; the file
  itself is never touched.
- `all()` lists the user's presets first, then the system ones (`system=True`); `find(name)` is
  case-insensitive; `save()` adds or replaces (refusing a system preset's name), `remove()` refuses a
  system preset. `remembered_accounts()/remember_accounts()` keep which accounts the user last chose
  for a preset (any preset, system ones too), for the picker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from trayapp.core import atomic
from trayapp.core.errors import ConfigError, InputError
from trayapp.core.i18n import _
from trayapp.core.models import (
    Availability,
    ChangeKind,
    CustomStatus,
    ServiceKind,
    StatusChange,
    status_label,
)
from trayapp.core.timeparse import MAX_SPAN

SCHEMA_VERSION = 1
MAX_NAME = 64
_MAX_MINUTES = int(MAX_SPAN.total_seconds() // 60)
_DAMAGE = (ValueError, KeyError, TypeError, AttributeError, RecursionError, InputError)


@dataclass(frozen=True)
class AccountPart:
    """What one account gets from a preset."""

    status: str = ""  # a custom status's name ("" none); Smartsheet RM codes (OOF...) work too
    availability: Availability | None = None
    message: str | None = None  # None: the service's own (Rocket.Chat: the status's name)

    def change(self, start: datetime | None = None, end: datetime | None = None) -> StatusChange:
        if self.status:
            return StatusChange(
                ChangeKind.CUSTOM,
                status=CustomStatus(id="", name=self.status),
                availability=self.availability,
                message=self.message,
                start=start,
                end=end,
            )
        if self.availability is None:
            raise InputError(_("A preset gives each account a status or an availability."))
        return StatusChange(
            ChangeKind.AVAILABILITY,
            availability=self.availability,
            message=self.message,
            start=start,
            end=end,
        )

    def describe(self) -> str:
        """'Lunch', 'Away', 'Lunch, Away', each with '(message)' when there is one."""
        parts = [p for p in (self.status, self.availability.label if self.availability else "") if p]
        text = ", ".join(parts)
        return f"{text} ({self.message})" if self.message else text

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status or None,
            "availability": self.availability.value if self.availability else None,
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, data: Any, account: str = "") -> AccountPart:
        if not isinstance(data, dict):
            raise InputError(
                _("What a preset gives for '{account}' must be an object.").format(account=account)
                if account
                else _("What a preset gives must be an object.")
            )
        status = _opt_text(
            data.get("status"),
            _("The status for '{account}' must be text.").format(account=account)
            if account
            else _("The status must be text."),
        )
        message = _opt_text(
            data.get("message"),
            _("The message for '{account}' must be text.").format(account=account)
            if account
            else _("The message must be text."),
        )
        raw = data.get("availability")
        if raw is None or raw == "":
            availability = None
        elif isinstance(raw, str) and raw.strip().lower() in Availability._value2member_map_:
            availability = Availability(raw.strip().lower())
        else:
            offered = ", ".join(a.value for a in Availability)
            raise InputError(
                _("The availability for '{account}' must be one of {offered}.").format(
                    account=account, offered=offered
                )
                if account
                else _("The availability must be one of {offered}.").format(offered=offered)
            )
        return check_part(cls(status=(status or "").strip(), availability=availability, message=message))


def check_part(part: AccountPart, account: str = "") -> AccountPart:
    if not part.status and part.availability is None:
        raise InputError(
            _("A preset gives for '{account}' a status or an availability (a message goes with one).").format(
                account=account
            )
            if account
            else _("A preset gives a status or an availability (a message goes with one).")
        )
    if part.message is not None and not part.message.isprintable():
        raise InputError(
            _("The message for '{account}' must be one line of text.").format(account=account)
            if account
            else _("The message must be one line of text.")
        )
    return part


@dataclass(frozen=True)
class Preset:
    name: str
    emoji: str = ""
    accounts: Mapping[str, AccountPart] = field(default_factory=dict)
    duration: timedelta | None = None
    system: bool = False

    @property
    def label(self) -> str:
        """'🍔 Lunch', or the name alone."""
        return status_label(self.emoji, self.name)

    @property
    def duration_minutes(self) -> int | None:
        return None if self.duration is None else int(self.duration.total_seconds() // 60)

    def part_for(self, account: str, kind: ServiceKind | None = None) -> AccountPart | None:
        """What this account gets: its own part, else the part for its kind of service (a key such as
        "rocketchat", which an organisation's file uses, not knowing the names its users pick), else
        None (left alone)."""
        part = self.accounts.get(account)
        if part is None and kind is not None:
            part = self.accounts.get(kind.value)
        return part

    def describe(self) -> str:
        """'rocket: Lunch; callbell: Lunch, Away' (for lists and tooltips)."""
        return "; ".join(f"{name}: {part.describe()}" for name, part in self.accounts.items())

    def to_dict(self) -> dict[str, Any]:
        """The shape `trayapp preset list --json` prints."""
        return {
            "name": self.name,
            "emoji": self.emoji,
            "accounts": {name: part.to_dict() for name, part in self.accounts.items()},
            "duration_minutes": self.duration_minutes,
            "system": self.system,
        }

    @classmethod
    def from_dict(cls, data: Any, *, system: bool = False) -> Preset:
        """Raises InputError with a sentence saying what is wrong."""
        if not isinstance(data, dict):
            raise InputError(_("A preset must be an object with a name."))
        name = check_preset_name(_opt_text(data.get("name"), _("The name must be text.")) or "")
        emoji = (
            _opt_text(data.get("emoji"), _("The emoji of '{name}' must be text.").format(name=name)) or ""
        ).strip()
        raw_accounts = data.get("accounts") or {}
        if not isinstance(raw_accounts, dict):
            raise InputError(
                _("The accounts of '{name}' must be an object: account name -> what it gets.").format(
                    name=name
                )
            )
        accounts = {
            str(account): AccountPart.from_dict(part, str(account)) for account, part in raw_accounts.items()
        }
        minutes = data.get("duration_minutes")
        if minutes is None:
            duration = None
        elif isinstance(minutes, int) and not isinstance(minutes, bool) and 0 < minutes <= _MAX_MINUTES:
            duration = timedelta(minutes=minutes)
        else:
            raise InputError(
                _("The duration of '{name}' must be a number of minutes from 1 to {most}, or null.").format(
                    name=name, most=_MAX_MINUTES
                )
            )
        return check_preset(cls(name, emoji, accounts, duration, system))


def check_preset_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise InputError(_("A preset needs a name."))
    if len(name) > MAX_NAME or not name.isprintable():
        raise InputError(
            _("A preset's name is one line of at most {most} characters.").format(most=MAX_NAME)
        )
    return name


def check_preset(preset: Preset) -> Preset:
    name = check_preset_name(preset.name)
    if not preset.accounts:
        raise InputError(_("The preset '{name}' gives no account anything.").format(name=name))
    for account, part in preset.accounts.items():
        check_part(part, account)
    if preset.duration is not None and not timedelta(minutes=1) <= preset.duration <= MAX_SPAN:
        raise InputError(
            _("The duration of '{name}' must be from one minute to ten years.").format(name=name)
        )
    return replace(preset, name=name)


class PresetStore(atomic.DamageReports):
    """The user's presets (read-write) and the organisation's (read-only); see the module docstring."""

    def __init__(self, path: Path, system: Sequence[Path]) -> None:
        """`path`: the user's file; `system`: the organisation's files, most important first
        (AppPaths.presets_file and AppPaths.system_presets_files)."""
        super().__init__()
        self.path = path
        self.system_paths = list(system)
        self._said: set[str] = set()

    # ---- reading ------------------------------------------------------------------------------
    def user(self) -> list[Preset]:
        return self._load()[0]

    def system(self) -> list[Preset]:
        found: list[Preset] = []
        for path in self.system_paths:
            for preset in self._read_system(path):
                if not any(p.name.casefold() == preset.name.casefold() for p in found):
                    found.append(preset)
        return found

    def all(self) -> list[Preset]:
        """The user's presets, then the organisation's (a system name the user also has is left out)."""
        mine = self.user()
        taken = {p.name.casefold() for p in mine}
        return mine + [p for p in self.system() if p.name.casefold() not in taken]

    def find(self, name: str) -> Preset | None:
        key = name.strip().casefold()
        return next((p for p in self.all() if p.name.casefold() == key), None)

    def get(self, name: str) -> Preset:
        found = self.find(name)
        if found is None:
            names = ", ".join(f"'{p.name}'" for p in self.all()) or _("none yet")
            raise InputError(
                _("There is no preset named '{name}' (presets: {names}).").format(
                    name=name.strip(), names=names
                )
            )
        return found

    def remembered_accounts(self, name: str) -> tuple[str, ...] | None:
        """The accounts the user last chose for this preset (None: never chose, i.e. all)."""
        chosen = self._load()[1].get(name.strip().casefold())
        return tuple(chosen) if chosen is not None else None

    # ---- writing ------------------------------------------------------------------------------
    def save(self, preset: Preset, *, replacing: str | None = None) -> Preset:
        """Add `preset`, or replace the user's preset called `replacing` (a rename when the names
        differ). Refuses a name already taken by another preset, the organisation's included."""
        preset = check_preset(replace(preset, system=False))
        key = preset.name.casefold()
        old_key = replacing.strip().casefold() if replacing else None
        if any(p.name.casefold() == key for p in self.system()):
            raise InputError(
                _("'{name}' is one of your organisation's presets: pick another name.").format(
                    name=preset.name
                )
            )

        def change(presets: list[Preset], chosen: dict[str, list[str]]) -> None:
            if old_key is not None and not any(p.name.casefold() == old_key for p in presets):
                raise InputError(_("There is no preset of yours named '{name}'.").format(name=replacing))
            if key != old_key and any(p.name.casefold() == key for p in presets):
                raise InputError(
                    _("A preset named '{name}' already exists: pick another name.").format(name=preset.name)
                )
            if old_key is None:
                presets.append(preset)
                return
            presets[:] = [preset if p.name.casefold() == old_key else p for p in presets]
            if old_key != key and old_key in chosen:
                chosen[key] = chosen.pop(old_key)

        self._update(change)
        return preset

    def remove(self, name: str) -> Preset:
        key = name.strip().casefold()
        removed: list[Preset] = []

        def change(presets: list[Preset], chosen: dict[str, list[str]]) -> None:
            removed.extend(p for p in presets if p.name.casefold() == key)
            if not removed:
                if any(p.name.casefold() == key for p in self.system()):
                    raise InputError(
                        _("'{name}' is one of your organisation's presets; it cannot be removed.").format(
                            name=name.strip()
                        )
                    )
                self.get(name)  # raises: no such preset, naming the ones there are
            presets[:] = [p for p in presets if p.name.casefold() != key]
            chosen.pop(key, None)

        self._update(change)
        return removed[0]

    def remember_accounts(self, name: str, accounts: Iterable[str] | None) -> None:
        """Keep the accounts chosen for a preset (None: forget, i.e. all)."""
        key = name.strip().casefold()

        def change(presets: list[Preset], chosen: dict[str, list[str]]) -> None:
            if accounts is None:
                chosen.pop(key, None)
            else:
                chosen[key] = list(dict.fromkeys(accounts))

        self._update(change)

    # ---- the user's file ----------------------------------------------------------------------
    def _update(self, change: Callable[[list[Preset], dict[str, list[str]]], None]) -> None:
        with atomic.locked(self.path):
            presets, chosen = self._load_locked()
            change(presets, chosen)
            self._write(presets, chosen)

    def _load(self) -> tuple[list[Preset], dict[str, list[str]]]:
        try:
            parsed, bad = _parse_user(atomic.read_json(self.path))
        except _DAMAGE:
            bad = ["the whole file"]
        if not bad:
            return parsed
        with atomic.locked(self.path):
            return self._load_locked()

    def _load_locked(self) -> tuple[list[Preset], dict[str, list[str]]]:
        try:
            parsed, bad = _parse_user(atomic.read_json(self.path))
        except _DAMAGE as exc:
            self._warn(atomic.set_aside(self.path, _reason(exc)))
            return [], {}
        if bad:
            self._warn(atomic.keep_copy(self.path, bad))
            self._write(*parsed)
        return parsed

    def _write(self, presets: list[Preset], chosen: dict[str, list[str]]) -> None:
        data = {
            "schema_version": SCHEMA_VERSION,
            "presets": [_user_dict(p) for p in presets],
            "chosen_accounts": chosen,
        }
        atomic.write_json(self.path, data)

    # ---- the organisation's files -------------------------------------------------------------
    def _read_system(self, path: Path) -> list[Preset]:
        try:
            raw = atomic.read_json(path)
        except ConfigError as exc:  # unreadable (permissions): say so, use the others
            self._say(_("{problem} Its presets are left out.").format(problem=exc))
            return []
        except ValueError as exc:
            self._say(
                _("{path} is not valid JSON ({problem}); its presets are left out.").format(
                    path=path, problem=_json_problem(exc)
                )
            )
            return []
        if raw is None:
            return []
        if not isinstance(raw, list):
            self._say(_("{path} must be a JSON list of presets; its presets are left out.").format(path=path))
            return []
        presets: list[Preset] = []
        for position, item in enumerate(raw):
            try:
                preset = Preset.from_dict(item, system=True)
            except _DAMAGE as exc:
                name = item.get("name") if isinstance(item, dict) else None
                self._say(
                    _("{path}: preset {preset} is left out: {problem}").format(
                        path=path, preset=atomic.label(name, position), problem=_problem(exc)
                    )
                )
                continue
            if any(p.name.casefold() == preset.name.casefold() for p in presets):
                self._say(
                    _("{path}: a second preset named '{name}' is left out.").format(
                        path=path, name=preset.name
                    )
                )
                continue
            presets.append(preset)
        return presets

    def _say(self, text: str) -> None:
        """A system file's problem, said once per store (the file is read on every listing)."""
        if text not in self._said:
            self._said.add(text)
            self._warn(text)


def _user_dict(preset: Preset) -> dict[str, Any]:
    data = preset.to_dict()
    del data["system"]
    return data


def _parse_user(raw: Any) -> tuple[tuple[list[Preset], dict[str, list[str]]], list[str]]:
    """The user's presets and chosen accounts, and a description of each preset left out."""
    if raw is None:
        return ([], {}), []
    if not isinstance(raw, dict):
        raise TypeError("not an object")
    version = raw.get("schema_version")
    if not isinstance(version, int):
        raise TypeError("schema_version is not a number")
    if version > SCHEMA_VERSION:
        raise ValueError("written by a newer trayapp")
    items = raw.get("presets", [])
    if not isinstance(items, list):
        raise TypeError("presets is not a list")
    chosen_raw = raw.get("chosen_accounts", {})
    if not isinstance(chosen_raw, dict):
        raise TypeError("chosen_accounts is not an object")
    chosen = {
        str(k): [str(a) for a in v] for k, v in chosen_raw.items() if isinstance(v, list)
    }
    presets: list[Preset] = []
    bad: list[str] = []
    for position, item in enumerate(items):
        name = item.get("name") if isinstance(item, dict) else None
        try:
            preset = Preset.from_dict(item)
        except _DAMAGE as exc:
            bad.append(
                _("preset {preset} ({problem})").format(
                    preset=atomic.label(name, position), problem=_problem(exc)
                )
            )
            continue
        if any(p.name.casefold() == preset.name.casefold() for p in presets):
            bad.append(
                _("preset {preset} (a second preset with that name)").format(
                    preset=atomic.label(name, position)
                )
            )
            continue
        presets.append(preset)
    return (presets, chosen), bad


def _opt_text(value: Any, problem: str) -> str | None:
    """`value` when it is text or absent; else InputError(`problem`, the sentence saying so)."""
    if value is None or isinstance(value, str):
        return value
    raise InputError(problem)


def _problem(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, InputError) else _(atomic.UNEXPECTED)


def _json_problem(exc: ValueError) -> str:
    line = getattr(exc, "lineno", None)
    return _("line {line}").format(line=line) if line else str(exc) or _(atomic.UNEXPECTED)


def _reason(exc: BaseException) -> str:
    # the ValueError's own text stays English: it is matched here, never shown
    if isinstance(exc, ValueError) and "newer" in str(exc):
        return _(atomic.NEWER)
    return atomic.reason(exc)
