"""`trayapp accounts add|list|remove`: the accounts and their keyring entries."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TYPE_CHECKING

from trayapp.cli.output import table
from trayapp.cli.session import with_service
from trayapp.cli.usage import Parser, UsageError, usage
from trayapp.core.errors import InputError, TwoFactorRequired
from trayapp.core.i18n import _
from trayapp.core.models import Account, ServiceKind
from trayapp.core.redaction import register_secret

if TYPE_CHECKING:
    from trayapp.core.service import StatusService


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    accounts = sub.add_parser("accounts", help=_("add, list or remove accounts"))
    acc_sub = accounts.add_subparsers(
        dest="accounts_command", required=True, parser_class=Parser, metavar="ACTION"
    )
    add = acc_sub.add_parser("add", help=_("add an account"))
    add_sub = add.add_subparsers(dest="service", required=True, parser_class=Parser, metavar="SERVICE")
    add.set_defaults(func=with_service(add_account))
    rc = add_sub.add_parser("rocketchat", help=_("Rocket.Chat: personal access token or username + password"))
    rc.add_argument("name")
    rc.add_argument("--url", required=True, help=_("workspace address, e.g. https://chat.example.com"))
    rc.add_argument("--user-id", help=_("your user id (shown with the personal access token)"))
    rc.add_argument("--token-stdin", action="store_true", help=_("read the personal access token from stdin"))
    rc.add_argument("--username", help=_("sign in with username (or e-mail) and password instead"))
    rc.add_argument("--password-stdin", action="store_true", help=_("read the password from stdin"))
    rc.add_argument(
        "--code", help=_("two-factor code (authenticator app or e-mail, as the server asks), when it asks")
    )
    cb = add_sub.add_parser("callbell", help=_("Callbell: API key + your user uuid"))
    cb.add_argument("name")
    cb.add_argument(
        "--user-uuid",
        required=True,
        help=_(
            "your Callbell user uuid: 32 hex characters, dashes allowed (the API has no call that "
            "returns it: ask your Callbell admin or Callbell support)"
        ),
    )
    cb.add_argument(
        "--token-stdin", action="store_true", required=True, help=_("read the API key from stdin")
    )
    cb.add_argument("--url", help=_("API address (default: the public Callbell API)"))
    ss = add_sub.add_parser(
        "smartsheet", help=_("Smartsheet Resource Management: API token + your user id or e-mail")
    )
    ss.add_argument("name")
    who = ss.add_mutually_exclusive_group(required=True)
    who.add_argument("--user-id")
    who.add_argument("--email", help=_("look your user id up by e-mail"))
    ss.add_argument(
        "--token-stdin", action="store_true", required=True, help=_("read the API token from stdin")
    )
    ss.add_argument(
        "--url", help=_("API address (default: the public one; EU: https://api.rm.smartsheet.eu)")
    )
    listing = acc_sub.add_parser("list", help=_("list accounts"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=with_service(list_accounts))
    remove = acc_sub.add_parser("remove", help=_("remove an account and its keyring entry"))
    remove.add_argument("name")
    remove.set_defaults(func=with_service(remove_account))


def add_account(service: StatusService, a: argparse.Namespace) -> int:
    kind = ServiceKind(a.service)
    _check_account_values(a)  # before the secret is read, and before any request
    if kind is ServiceKind.ROCKETCHAT:
        account, secret = _rocketchat_credentials(a)
    elif kind is ServiceKind.CALLBELL:
        from trayapp.backends.callbell import DEFAULT_URL, normalise_uuid
        from trayapp.core.ports import check_url

        url = check_url(a.url or DEFAULT_URL)
        user = normalise_uuid(a.user_uuid)  # before the key is read: a typo costs nothing
        secret = _read_secret(_("API key"))
        account = Account(a.name, kind, url, user)
    else:
        from trayapp.backends.smartsheet_rm import DEFAULT_URL as SS_URL
        from trayapp.backends.smartsheet_rm import find_user_id

        secret = _read_secret(_("API token"))
        url = a.url or SS_URL
        if a.email:
            user_id, label = find_user_id(url, secret, a.email)
            account = Account(a.name, kind, url, user_id, display_user=label)
        else:
            account = Account(a.name, kind, url, a.user_id.strip())
    label = service.add_account(account, secret)
    print(
        _("Added {name} ({service}, signed in as {user}).").format(
            name=account.name, service=kind.label, user=label
        )
    )
    return 0


def list_accounts(service: StatusService, args: argparse.Namespace) -> int:
    rows = [
        {"name": a.name, "service": a.kind.value, "url": a.url, "user": a.display_user or a.user}
        for a in service.accounts()
    ]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif not rows:
        print(_("No accounts yet: add one with 'trayapp accounts add'."))
    else:
        table([[r["name"], ServiceKind(r["service"]).label, r["user"], r["url"]] for r in rows])
    return 0


def remove_account(service: StatusService, args: argparse.Namespace) -> int:
    from trayapp.core.service import removed_sentence

    cancelled = service.remove_account(args.name)
    print(removed_sentence(args.name, cancelled))
    return 0


def _rocketchat_credentials(a: argparse.Namespace) -> tuple[Account, str]:
    if a.username:
        if a.user_id or a.token_stdin:
            raise UsageError(
                _("Use either --user-id with --token-stdin, or --username with --password-stdin.")
            )
        if not a.password_stdin:
            raise UsageError(_("--username needs --password-stdin (passwords are never taken as arguments)."))
        from trayapp.backends.rocketchat import login

        password = _read_secret(_("password"))
        try:
            user_id, token = login(a.url, a.username, password, a.code)
        except TwoFactorRequired as exc:
            if a.code or not sys.stdin.isatty():
                raise InputError(f"{exc} " + _("Run again with --code CODE.")) from None
            code = input(f"{exc.prompt}: ").strip()  # by the method the server names
            user_id, token = login(a.url, a.username, password, code)
        return Account(a.name, ServiceKind.ROCKETCHAT, a.url, user_id, display_user=a.username), token
    if not (a.user_id and a.token_stdin):
        raise UsageError(
            _("Rocket.Chat needs --user-id with --token-stdin, or --username with --password-stdin.")
        )
    return Account(a.name, ServiceKind.ROCKETCHAT, a.url, a.user_id.strip()), _read_secret(_("access token"))


def _check_account_values(args: argparse.Namespace) -> None:
    """The values of `accounts add` that can be judged without the service."""
    from trayapp.core.ports import check_url
    from trayapp.core.settings import check_account_name

    with usage():
        check_account_name(args.name)
        if args.url:  # checked before the token is sent anywhere
            check_url(args.url)
        email = getattr(args, "email", None)
        if email is not None and "@" not in email:
            raise InputError(_("'{email}' is not an e-mail address.").format(email=email.strip()))


def _read_secret(what: str) -> str:
    if sys.stdin is None:
        raise InputError(_("No {what} on standard input.").format(what=what))
    if sys.stdin.isatty():
        value = getpass.getpass(f"{what[:1].upper()}{what[1:]}: ")
    else:
        value = sys.stdin.readline().rstrip("\r\n")
    if not value.strip():
        raise InputError(_("The {what} read from standard input is empty.").format(what=what))
    register_secret(value)
    return value
