"""What the user is told after an action or a schedule run, composed in one place.

One notification per user action (or per schedule run), however many accounts it touched; accounts are
named as the menu names them ("Rocket.Chat (alice)"), never by the internal account name or a schedule
id. Only composition lives here: the Controller emits the result and the tray sends it, so sending it
another way (org.freedesktop.Notifications) changes nothing in this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from trayapp.core.models import AccountResult, ChangeKind, Outcome, Snapshot, StatusChange
from trayapp.core.scheduler import ScheduleEvent
from trayapp.qt.i18n import N_, tr
from trayapp.qt.menu import account_label

Labels = Mapping[str, str]  # account name -> its label in the menu

# Schedule events worth a notification: kind -> (title, is_error). The others (kept, cancelled,
# superseded, extended) are the user's own doing or shown in the menu, and only logged.
_EVENT_TITLES = {
    "applied": (N_("notices", "Scheduled status set"), False),
    "restored": (N_("notices", "Status restored"), False),
    "missed": (N_("notices", "Missed while trayapp was not running"), False),
    "failed": (N_("notices", "A scheduled change failed"), True),
    "retrying": (N_("notices", "A scheduled change will be retried"), True),
}


@dataclass(frozen=True)
class Notice:
    title: str
    text: str
    error: bool = False


def labels_of(snapshot: Snapshot) -> dict[str, str]:
    return {v.account.name: account_label(v, snapshot.accounts) for v in snapshot.accounts}


def named(pairs: Iterable[tuple[str, str]], labels: Labels) -> list[str]:
    """(account, sentence) pairs as one line per sentence, naming every account it concerns."""
    groups: dict[str, list[str]] = {}
    for account, sentence in pairs:
        who = groups.setdefault(sentence, [])
        label = labels.get(account, account)
        if label not in who:
            who.append(label)
    return [f"{', '.join(who)}: {sentence}" for sentence, who in groups.items()]


def for_results(
    results: Sequence[AccountResult],
    labels: Labels,
    change: StatusChange | None,
    *,
    sending: bool = False,
) -> Notice | None:
    """After a change (`change`), a refresh (None) or sending kept changes (`sending`): failures first,
    then what waits to be sent, what was sent, and what the user should know about the change."""
    what = change.describe() if change is not None else tr("notices", "the status")
    failures = named(((r.account, r.detail) for r in results if r.outcome is Outcome.FAILED), labels)
    waiting = named(((r.account, r.detail) for r in results if r.outcome is Outcome.PENDING), labels)
    sent = named(((r.account, r.detail) for r in results if sending and r.ok and r.detail), labels)
    notes = [n for r in results if r.outcome in (Outcome.OK, Outcome.SKIPPED) for n in r.notes]
    if change is not None and _worth_telling(change):
        notes += [r.detail for r in results if r.outcome is Outcome.SKIPPED]
    lines = failures + waiting + sent + list(dict.fromkeys(notes))
    if not lines:
        return None
    if failures:
        if change:
            title = tr("notices", "Could not set {change}").format(change=what)
        else:
            title = tr("notices", "Could not send") if sending else tr("notices", "Could not refresh")
    elif waiting:
        title = tr("notices", "{change} not sent yet").format(change=_capital(what))
    elif sent:
        title = tr("notices", "Sent")
    else:
        title = _capital(what)
    return Notice(title, "\n".join(lines), bool(failures or waiting))


# The automatic status (lock, idle, calendar, repeat: entry ids "auto-…") shows in the menu as it comes
# and goes, which would be a notification at every lock and unlock; only what needs the user is told:
# a change of their own that was kept (once), and failures.
_AUTO_TITLES = {
    "kept": (N_("notices", "Your own status was kept"), False),
    "failed": (N_("notices", "An automatic status change failed"), True),
    "retrying": (N_("notices", "An automatic status change will be retried"), True),
}


def _title(event: ScheduleEvent) -> tuple[str, bool] | None:
    if event.entry_id.startswith("auto-"):
        return _AUTO_TITLES.get(event.kind)
    return _EVENT_TITLES.get(event.kind)


def for_events(events: Sequence[ScheduleEvent], labels: Labels) -> Notice | None:
    """Everything one schedule run did, in one notification."""
    notable = [e for e in events if _title(e) is not None]
    if not notable:
        return None
    titles = list(dict.fromkeys(t for e in notable if (t := _title(e)) is not None))
    errors = [t for t in titles if t[1]]
    if len(titles) == 1:
        title, error = tr("notices", titles[0][0]), titles[0][1]
    elif errors:
        title, error = tr("notices", errors[0][0]), True
    else:
        title, error = tr("notices", "Scheduled changes"), False
    return Notice(title, "\n".join(named(((e.account, e.text) for e in notable), labels)), error)


def for_failure(title: str, sentence: str) -> Notice:
    """An action that failed as a whole (no per-account results)."""
    return Notice(title, sentence, True)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _worth_telling(change: StatusChange) -> bool:
    # An availability some service lacks is expected (the menu says so); a status or a time that could
    # not be applied is something the user asked for explicitly.
    return change.kind is not ChangeKind.AVAILABILITY or change.start is not None or change.end is not None
