"""`trayapp create`: a new custom status on one account, with the field its service takes."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from trayapp.cli.output import EXIT_OK
from trayapp.cli.session import with_service
from trayapp.cli.usage import Parser, UsageError, usage
from trayapp.core.errors import InputError
from trayapp.core.i18n import _
from trayapp.core.models import Account
from trayapp.core.statusfields import check_emoji, check_status_type

if TYPE_CHECKING:
    from trayapp.core.service import StatusService


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    create = sub.add_parser("create", help=_("create a custom status"))
    create.add_argument("status_name", metavar="STATUS_NAME")
    create.add_argument("--account", required=True)
    create.add_argument(
        "--type",
        default="",
        help=_("Rocket.Chat status type: online (the default), busy, away or offline"),
    )
    create.add_argument("--emoji", default="", help=_("Callbell emoji"))
    create.set_defaults(func=with_service(create_status))


def create_status(service: StatusService, a: argparse.Namespace) -> int:
    with usage():
        if not a.status_name.strip():
            raise InputError(_("The status needs a name."))
        status_type = check_status_type(a.type) if a.type.strip() else ""
        emoji = check_emoji(a.emoji) if a.emoji.strip() else ""
    account = service.account(a.account)
    capabilities = service.capabilities(account)
    if capabilities.can_create:  # otherwise the service says the set is fixed
        _check_create_field(account, capabilities.create_field, status_type, emoji)
    created = service.create_status(a.account, a.status_name, type=status_type, emoji=emoji)
    print(_("Created '{status}' on {account}.").format(status=created.label, account=a.account))
    if a.emoji.strip() and not created.emoji:  # Callbell's reference has no emoji on create
        note = _("note: the service did not take the emoji, so the status has none.")
        print(f"{a.account}: {note}")
    return EXIT_OK


def _check_create_field(account: Account, field: str | None, status_type: str, emoji: str) -> None:
    label = account.kind.label
    if status_type and field != "type":
        raise UsageError(
            _("{service} statuses have no type: --type is for Rocket.Chat statuses.").format(service=label)
        )
    if emoji and field != "emoji":
        raise UsageError(
            _("{service} statuses have no emoji: --emoji is for Callbell statuses.").format(service=label)
        )
