"""`trayapp preset add|list|remove`: the user's presets, and the organisation's (listed, never removed).

`preset add NAME --status ACCOUNT=STATUS ... [--away ...] [--message TEXT] [--for DURATION] [--emoji E]`:
an account named in --status gets that status, with the availability and message when given; every
other account gets the availability (with the message) when one is given, or is left alone. --account
NAME (repeatable) limits the preset to those accounts, as it limits `set` and `clear`.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from trayapp.cli.output import EXIT_OK, table
from trayapp.cli.session import with_service
from trayapp.cli.usage import Parser, UsageError, usage
from trayapp.core.i18n import _
from trayapp.core.models import Availability, Outcome

if TYPE_CHECKING:
    from trayapp.core.presets import AccountPart, Preset
    from trayapp.core.service import StatusService


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    preset = sub.add_parser("preset", help=_("add, list or remove presets (one intent for every account)"))
    actions = preset.add_subparsers(dest="preset_command", parser_class=Parser, metavar="ACTION")
    actions.required = True

    add = actions.add_parser("add", help=_("add a preset"))
    add.add_argument("name", metavar="NAME")
    add.add_argument(
        "--status",
        action="append",
        default=[],
        metavar="ACCOUNT=STATUS",
        help=_("the custom status that account gets (repeat for each account)"),
    )
    avail = add.add_mutually_exclusive_group()
    for value in Availability:
        avail.add_argument(f"--{value.value}", dest="availability", action="store_const", const=value)
    add.add_argument("--message", help=_("a status message, sent with the status or availability"))
    add.add_argument("--for", dest="duration", metavar="DURATION", help=_("its default duration: 30m, 1h..."))
    add.add_argument("--emoji", default="", help=_("shown before its name: 🍔 or :hamburger:"))
    add.add_argument(
        "--account", action="append", dest="accounts", metavar="NAME", help=_("only these accounts")
    )
    add.set_defaults(func=with_service(add_preset))

    listing = actions.add_parser("list", help=_("list presets (yours, then your organisation's)"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=with_service(list_presets))

    remove = actions.add_parser("remove", help=_("remove one of your presets"))
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(func=with_service(remove_preset))


def add_preset(service: StatusService, a: argparse.Namespace) -> int:
    from trayapp.core.presets import AccountPart, Preset, check_preset_name
    from trayapp.core.statusfields import check_emoji
    from trayapp.core.timeparse import parse_duration

    with usage():
        name = check_preset_name(a.name)
        emoji = check_emoji(a.emoji) if a.emoji.strip() else ""
        duration = parse_duration(a.duration) if a.duration else None
        named = _statuses(a.status)
    if a.message is not None and not a.message.strip():
        raise UsageError(_("The message is empty."))
    if not named and a.availability is None:
        raise UsageError(
            _(
                "Say what the preset sets: --status ACCOUNT=STATUS and/or --available, --away, --busy or "
                "--offline."
            )
        )
    accounts = [service.account(n) for n in dict.fromkeys(a.accounts)] if a.accounts else service.accounts()
    for account_name in named:
        service.account(account_name)  # an unknown account: exit 1, naming the ones there are
    wanted = {acc.name for acc in accounts} | set(named)
    parts: dict[str, AccountPart] = {}
    notes: list[str] = []
    for account in service.accounts():
        if account.name not in wanted:
            continue
        status = named.get(account.name, "")
        availability = a.availability
        offered = service.capabilities(account).availabilities
        if availability is not None and availability not in offered:
            kept = _("it gets its status only") if status else _("it is left alone")
            note = _("{service} has no '{availability}'; {kept}.").format(
                service=account.kind.label, availability=availability.label, kept=kept
            )
            notes.append(f"{account.name}: {note}")
            availability = None
        if status or availability is not None:
            parts[account.name] = AccountPart(status, availability, a.message)
    notes += [_check_status(service, account, status) for account, status in named.items()]
    saved = service.presets.save(Preset(name, emoji, parts, duration))
    print(_("Saved preset '{preset}': {summary}.").format(preset=saved.label, summary=_summary(saved)))
    for note in notes:
        if note:
            print(_("note: {note}").format(note=note))
    return EXIT_OK


def _statuses(values: list[str]) -> dict[str, str]:
    named: dict[str, str] = {}
    for value in values:
        account, sep, status = value.partition("=")
        if not sep or not account.strip() or not status.strip():
            raise UsageError(
                _("'{value}' is not ACCOUNT=STATUS (for example rocket=Lunch).").format(value=value)
            )
        if account.strip() in named:
            raise UsageError(
                _("--status names the account '{account}' twice.").format(account=account.strip())
            )
        named[account.strip()] = status.strip()
    return named


def _check_status(service: StatusService, account: str, status: str) -> str:
    """An unknown status is refused (exit 1); when the list cannot be fetched now, a note says so."""
    from trayapp.core.errors import InputError

    [result] = service.statuses([account])
    listed = service.cached_statuses(account)
    if result.outcome is not Outcome.OK or listed is None:
        reason = result.detail or _("no list")
        return f"{account}: " + _("could not check that '{status}' exists ({reason}).").format(
            status=status, reason=reason
        )
    found = service.find_status(account, status)
    if found is None:
        label = service.account(account).kind.label
        names = ", ".join(f"'{s.name}'" for s in listed) or _("none")
        raise InputError(
            f"{account}: "
            + _("{service} has no status named '{status}' (it has {names}).").format(
                service=label, status=status, names=names
            )
        )
    return ""


def _summary(preset: Preset) -> str:
    from trayapp.core.timetext import duration_text

    text = preset.describe()
    if preset.duration is not None:
        text += "; " + _("for {duration}").format(duration=duration_text(preset.duration))
    return text


def list_presets(service: StatusService, a: argparse.Namespace) -> int:
    from trayapp.core.timetext import duration_text

    presets = service.presets.all()
    if a.json:
        print(json.dumps([p.to_dict() for p in presets], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not presets:
        print(_("There are no presets yet: add one with 'trayapp preset add'."))
        return EXIT_OK
    rows = [
        [
            p.label,
            p.describe(),
            duration_text(p.duration) if p.duration is not None else "",
            _("(your organisation's)") if p.system else "",
        ]
        for p in presets
    ]
    table(rows)
    return EXIT_OK


def remove_preset(service: StatusService, a: argparse.Namespace) -> int:
    removed = service.presets.remove(a.name)
    print(_("Removed preset '{preset}'.").format(preset=removed.label))
    return EXIT_OK
