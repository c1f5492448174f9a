"""A few questions to the D-Bus session bus, Qt-free (jeepney, which keyring already brings on Linux).

Every call has a short timeout: a bus that does not answer is reported, never waited on.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, Properties, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.wrappers import DBusErrorResponse, unwrap_msg

from trayapp.core.i18n import _

TIMEOUT_S = 1.5


class BusError(Exception):
    """The bus or a service on it could not answer; the text is a short reason."""


def session_bus_address(env: Mapping[str, str] | None = None) -> str:
    """Where libdbus would look: $DBUS_SESSION_BUS_ADDRESS, else the systemd user bus ("" if neither)."""
    env = os.environ if env is None else env
    address = env.get("DBUS_SESSION_BUS_ADDRESS", "")
    if address:
        return address
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime and (Path(runtime) / "bus").exists():
        return f"unix:path={Path(runtime) / 'bus'}"
    return ""


class SessionBus:
    def __init__(self, address: str | None = None, timeout: float = TIMEOUT_S) -> None:
        self.address = session_bus_address() if address is None else address
        self.timeout = timeout
        self._conn: DBusConnection | None = None

    def __enter__(self) -> SessionBus:
        if not self.address:
            raise BusError(_("there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)"))
        if self.address.startswith("disabled:"):
            raise BusError(_("the D-Bus session bus is turned off (DBUS_SESSION_BUS_ADDRESS=disabled:)"))
        try:
            self._conn = open_dbus_connection(self.address, auth_timeout=self.timeout)
        except Exception as exc:  # unsupported address, refused, timed out: all mean "no bus"
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            raise BusError(
                _("the D-Bus session bus at {address} does not answer ({reason})").format(
                    address=self.address, reason=reason
                )
            ) from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _call(self, message: Any) -> tuple[Any, ...]:
        assert self._conn is not None, "use SessionBus as a context manager"
        try:
            reply = self._conn.send_and_get_reply(message, timeout=self.timeout)
            return tuple(unwrap_msg(reply))
        except DBusErrorResponse as exc:
            raise BusError(f"{exc.name}: {exc.data[0] if exc.data else ''}".rstrip(": ")) from None
        except TimeoutError:
            raise BusError(_("no answer within {seconds} s").format(seconds=f"{self.timeout:g}")) from None
        except OSError as exc:
            raise BusError(_("the bus connection failed ({error})").format(error=exc)) from None

    def call(
        self, service: str, path: str, interface: str, method: str, signature: str | None = None, *body: Any
    ) -> tuple[Any, ...]:
        return self._call(new_method_call(DBusAddress(path, service, interface), method, signature, body))

    def get_property(self, service: str, path: str, interface: str, name: str) -> Any:
        (_signature, value), *_ = self._call(Properties(DBusAddress(path, service, interface)).get(name))
        return value

    def has_owner(self, name: str) -> bool:
        return bool(self._call(message_bus.NameHasOwner(name))[0])

    def activatable(self, name: str) -> bool:
        """D-Bus would start `name` on first use (a .service file for it is installed)."""
        return name in self._call(message_bus.ListActivatableNames())[0]

    def owner_program(self, name: str) -> str:
        """The program that owns `name` on the bus, e.g. "xfce4-panel" ("" if it cannot be told)."""
        try:
            pid = int(self._call(message_bus.GetConnectionUnixProcessID(name))[0])
            comm = Path(f"/proc/{pid}/comm").read_text(errors="replace").strip()
            argv0 = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")
        except (BusError, OSError, ValueError):
            return ""
        # comm is the name a process gives itself ("panel-6-systray" for xfce4-panel's tray plugin), cut
        # at 15 characters ("gnome-keyring-d"): then the program's own name is the whole of it.
        program = Path(argv0).name
        return program if program.startswith(comm) else comm
