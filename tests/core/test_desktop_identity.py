"""What trayapp is to Windows and macOS (AppUserModelID, the single-instance name, no Dock icon), with
the OS calls stood in for, on any OS."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from trayapp.core.desktop_identity import (
    APP_USER_MODEL_ID,
    AUMID_KEY,
    NS_ACTIVATION_POLICY_ACCESSORY,
    adopt_windows_app_id,
    use_accessory_policy,
    windows_instance_key,
)


class Shell32:
    def __init__(self, result: int = 0) -> None:
        self.result = result
        self.ids: list[str] = []

    def SetCurrentProcessExplicitAppUserModelID(self, app_id: str) -> int:
        self.ids.append(app_id)
        return self.result


class Registry:
    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def set_string(self, key: str, name: str, value: str) -> None:
        self.values[(key, name)] = value


def test_notifications_come_from_trayapp_not_python(tmp_path: Path) -> None:
    shell32, registry = Shell32(), Registry()
    icon = tmp_path / "trayapp.ico"
    icon.write_bytes(b"\0\0\1\0")
    assert adopt_windows_app_id(shell32=shell32, registry=registry, icon=str(icon))
    assert shell32.ids == [APP_USER_MODEL_ID] == ["io.github.trayapp"]
    assert AUMID_KEY == r"Software\Classes\AppUserModelId\io.github.trayapp"
    assert registry.values == {(AUMID_KEY, "DisplayName"): "trayapp", (AUMID_KEY, "IconUri"): str(icon)}


def test_a_pip_install_without_an_icon_file_registers_only_the_name(tmp_path: Path) -> None:
    registry = Registry()
    assert adopt_windows_app_id(shell32=Shell32(), registry=registry, icon=str(tmp_path / "none.ico"))
    assert registry.values == {(AUMID_KEY, "DisplayName"): "trayapp"}


def test_a_refused_app_id_registers_nothing_and_never_raises() -> None:
    registry = Registry()
    assert not adopt_windows_app_id(shell32=Shell32(result=-2147024809), registry=registry)  # E_INVALIDARG
    assert registry.values == {}

    class Broken:
        def SetCurrentProcessExplicitAppUserModelID(self, app_id: str) -> int:
            raise OSError("no shell32")

    assert not adopt_windows_app_id(shell32=Broken(), registry=registry)


def test_why_there_is_no_app_id_is_in_the_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="trayapp.core.desktop_identity")
    adopt_windows_app_id(shell32=Shell32(result=-2147024809), registry=Registry())

    class RefusingRegistry:
        def set_string(self, key: str, name: str, value: str) -> None:
            raise PermissionError("Access is denied")

    adopt_windows_app_id(shell32=Shell32(), registry=RefusingRegistry())
    assert caplog.messages == [
        "SetCurrentProcessExplicitAppUserModelID failed: 0x80070057",  # E_INVALIDARG, as Windows writes it
        "No AppUserModelID for this process: Access is denied",
    ]


class Sessions:
    def __init__(self, sid: str, session: int) -> None:
        self.sid, self.session = sid, session

    def user_sid(self) -> str:
        return self.sid

    def session_id(self) -> int:
        return self.session


ANA_DOMAIN = "S-1-5-21-1004336348-1177238915-682003330-1001"
ANA_LOCAL = "S-1-5-21-3623811015-3361044348-30300820-1001"


def test_one_tray_per_user_and_login_session() -> None:
    console = windows_instance_key(Sessions(ANA_DOMAIN, 1))
    rdp = windows_instance_key(Sessions(ANA_DOMAIN, 2))
    assert console != rdp  # the same user logged in twice gets a tray in each session
    assert console == windows_instance_key(Sessions(ANA_DOMAIN, 1))  # and finds its own again
    # DOMAIN\ana and PC\ana share a user name, never a SID
    assert windows_instance_key(Sessions(ANA_LOCAL, 1)) != console
    assert len(console) == 16 and ANA_DOMAIN not in console


def test_without_a_sid_the_name_falls_back_to_the_user() -> None:
    class NoToken:
        def user_sid(self) -> str:
            raise OSError("OpenProcessToken failed")

        def session_id(self) -> int:
            return 1

    assert windows_instance_key(NoToken()) == windows_instance_key(NoToken())
    assert windows_instance_key(NoToken()) != windows_instance_key(Sessions(ANA_DOMAIN, 1))


def test_two_users_without_a_sid_still_get_a_tray_each(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoSession:
        def user_sid(self) -> str:
            return ANA_DOMAIN

        def session_id(self) -> int:
            raise OSError("ProcessIdToSessionId failed")

    monkeypatch.setattr("getpass.getuser", lambda: "ana")
    ana = windows_instance_key(NoSession())
    monkeypatch.setattr("getpass.getuser", lambda: "bob")
    assert windows_instance_key(NoSession()) != ana


class Objc:
    def __init__(self, policy_result: int = 1) -> None:
        self.sent: list[tuple[int, str, tuple[int, ...]]] = []
        self.policy_result = policy_result

    def get_class(self, name: str) -> int:
        return {"NSApplication": 0x10}[name]

    def send(self, receiver: int, selector: str, *args: int) -> int:
        self.sent.append((receiver, selector, args))
        return 0x20 if selector == "sharedApplication" else self.policy_result


def test_a_pip_install_on_macos_hides_its_dock_icon() -> None:
    objc = Objc()
    assert use_accessory_policy(runtime=objc, frozen=False)
    assert objc.sent == [(0x10, "sharedApplication", ()), (0x20, "setActivationPolicy:", (1,))]
    assert NS_ACTIVATION_POLICY_ACCESSORY == 1


def test_the_app_bundle_keeps_its_info_plist_and_a_refusal_is_quiet() -> None:
    objc = Objc()
    assert not use_accessory_policy(runtime=objc, frozen=True)  # LSUIElement in the .app does it
    assert objc.sent == []
    assert not use_accessory_policy(runtime=Objc(policy_result=0), frozen=False)


def test_a_bundle_is_told_from_a_pip_install_by_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # what PyInstaller's bootloader sets
    objc = Objc()
    assert not use_accessory_policy(runtime=objc)
    assert objc.sent == []
    monkeypatch.delattr(sys, "frozen")
    assert use_accessory_policy(runtime=objc)


def test_no_application_object_means_nothing_was_hidden() -> None:
    class NoApp(Objc):
        def send(self, receiver: int, selector: str, *args: int) -> int:
            self.sent.append((receiver, selector, args))
            return 0  # [NSApplication sharedApplication] gave nil

    objc = NoApp()
    assert not use_accessory_policy(runtime=objc, frozen=False)
    assert [selector for _, selector, _ in objc.sent] == ["sharedApplication"]


def test_a_failing_objective_c_runtime_is_logged_and_the_app_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class Failing(Objc):
        def get_class(self, name: str) -> int:
            raise OSError("libobjc not found")

    caplog.set_level(logging.INFO, logger="trayapp.core.desktop_identity")
    assert not use_accessory_policy(runtime=Failing(), frozen=False)
    assert caplog.messages == ["Could not hide the Dock icon: libobjc not found"]
