"""`trayapp edit` and `trayapp delete`: change or remove a custom status on one account, where the service
allows it (Rocket.Chat); the others say they cannot. Named like `create`, with the same STATUS_NAME
--account shape, as the three act on one account's list of statuses."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from trayapp.cli.output import EXIT_OK
from trayapp.cli.session import with_service
from trayapp.cli.usage import Parser, UsageError, usage
from trayapp.core.i18n import _

if TYPE_CHECKING:
    from trayapp.core.service import StatusService


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    edit = sub.add_parser("edit", help=_("rename a custom status or change its type (Rocket.Chat)"))
    edit.add_argument("status_name", metavar="STATUS_NAME")
    edit.add_argument("--account", required=True)
    edit.add_argument("--name", dest="new_name", metavar="NEW_NAME", help=_("its new name"))
    edit.add_argument("--type", default="", help=_("its new Rocket.Chat type: online, busy, away or offline"))
    edit.set_defaults(func=with_service(edit_status))

    delete = sub.add_parser("delete", help=_("delete a custom status (Rocket.Chat)"))
    delete.add_argument("status_name", metavar="STATUS_NAME")
    delete.add_argument("--account", required=True)
    delete.set_defaults(func=with_service(delete_status))


def edit_status(service: StatusService, a: argparse.Namespace) -> int:
    from trayapp.core.statusfields import check_status_type

    if a.new_name is None and not a.type.strip():
        raise UsageError(_("Say what to change: --name NEW_NAME and/or --type TYPE."))
    if a.new_name is not None and not a.new_name.strip():
        raise UsageError(_("The new name is empty."))
    with usage():
        status_type = check_status_type(a.type) if a.type.strip() else ""
    updated = service.update_status(a.account, a.status_name, a.new_name, type=status_type)
    if updated.type:
        done = _("{account}: '{old}' is now '{new}' ({type}).")
    else:
        done = _("{account}: '{old}' is now '{new}'.")
    print(done.format(account=a.account, old=a.status_name.strip(), new=updated.label, type=updated.type))
    return EXIT_OK


def delete_status(service: StatusService, a: argparse.Namespace) -> int:
    deleted = service.delete_status(a.account, a.status_name)
    print(_("{account}: deleted '{status}'.").format(account=a.account, status=deleted.label))
    return EXIT_OK
