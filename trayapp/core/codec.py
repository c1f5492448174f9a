"""JSON-safe dicts for the models that are persisted (cache, schedule). Datetimes as UTC ISO strings."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from trayapp.core.models import Availability, ChangeKind, CurrentStatus, CustomStatus, StatusChange


def dump_time(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime: every stored time must be timezone-aware")
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def load_time(value: Any) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"not a time: {value!r}")
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise ValueError(f"time without zone: {value!r}")
    return parsed.astimezone(timezone.utc)


def dump_status(status: CustomStatus) -> dict[str, str]:
    return {"id": status.id, "name": status.name, "type": status.type, "emoji": status.emoji}


def load_status(data: Any) -> CustomStatus:
    if not isinstance(data, dict):
        raise ValueError("status entry is not an object")
    return CustomStatus(
        id=str(data["id"]),
        name=str(data["name"]),
        type=str(data.get("type", "")),
        emoji=str(data.get("emoji", "")),
    )


def dump_current(current: CurrentStatus) -> dict[str, Any]:
    return {
        "availability": current.availability.value if current.availability else None,
        "status_id": current.status_id,
        "status_name": current.status_name,
        "message": current.message,
        "start": dump_time(current.start),
        "end": dump_time(current.end),
        "emoji": current.emoji,
        "source": current.source,
        "notice": current.notice,
    }


def load_current(data: Any) -> CurrentStatus:
    if not isinstance(data, dict):
        raise ValueError("current status is not an object")
    availability = data.get("availability")
    return CurrentStatus(
        availability=Availability(availability) if availability else None,
        status_id=_opt_str(data.get("status_id")),
        status_name=_opt_str(data.get("status_name")),
        message=_opt_str(data.get("message")),
        start=load_time(data.get("start")),
        end=load_time(data.get("end")),
        emoji=str(data.get("emoji") or ""),
        source=str(data.get("source") or ""),
        notice=str(data.get("notice") or ""),
    )


def dump_change(change: StatusChange) -> dict[str, Any]:
    return {
        "kind": change.kind.value,
        "status": dump_status(change.status) if change.status else None,
        "availability": change.availability.value if change.availability else None,
        "message": change.message,
        "start": dump_time(change.start),
        "end": dump_time(change.end),
    }


def load_change(data: Any) -> StatusChange:
    if not isinstance(data, dict):
        raise ValueError("change is not an object")
    availability = data.get("availability")
    status = data.get("status")
    kind = ChangeKind(data["kind"])
    if kind is ChangeKind.AVAILABILITY and not availability:  # only a hand edit makes one
        raise ValueError("an availability change without an availability")
    return StatusChange(
        kind=kind,
        status=load_status(status) if status else None,
        availability=Availability(availability) if availability else None,
        message=_opt_str(data.get("message")),
        start=load_time(data.get("start")),
        end=load_time(data.get("end")),
    )


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)
