#!/usr/bin/python3
"""Reads one application's accessibility tree over AT-SPI (Debian's python3-pyatspi), as a screen
reader does, and prints it as JSON: one object per window, each node with its role, name,
description, states and the names of the labels it is labelled by.

    /usr/bin/python3 tests/a11y/walk_atspi.py PID

Runs under the system Python (pyatspi comes from Debian, not from PyPI); needs the session's
AT-SPI bus (at-spi-bus-launcher) in DBUS_SESSION_BUS_ADDRESS.
"""

import json
import sys
import time
from typing import Any

import pyatspi


def node(acc: Any, depth: int = 0) -> dict[str, Any]:
    states = acc.getState()
    labelled_by = []
    for relation in acc.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for i in range(relation.getNTargets()):
                labelled_by.append(relation.getTarget(i).name)
    out = {
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
        "showing": states.contains(pyatspi.STATE_SHOWING),
        "enabled": states.contains(pyatspi.STATE_ENABLED),
        "labelled_by": labelled_by,
        "children": [],
    }
    if depth < 40:
        for i in range(acc.childCount):
            child = acc.getChildAtIndex(i)
            if child is not None:
                out["children"].append(node(child, depth + 1))
    return out


def main(pid: int) -> int:
    deadline = time.monotonic() + 20
    while True:
        desktop = pyatspi.Registry.getDesktop(0)
        apps = [a for a in desktop if a is not None and a.get_process_id() == pid]
        if apps and apps[0].childCount:
            break
        if time.monotonic() > deadline:
            print(json.dumps({"error": f"no application with pid {pid} on the AT-SPI bus"}))
            return 1
        time.sleep(0.3)
    print(json.dumps([node(apps[0].getChildAtIndex(i)) for i in range(apps[0].childCount)]))
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
