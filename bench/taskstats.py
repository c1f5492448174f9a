"""Voluntary context switches of a whole process, dead threads included (Linux taskstats over netlink).

/proc/PID/task/*/status gives each live thread's count, so a thread that starts and ends between two reads
(a keyring call's thread, the executor threads of a refresh) is never seen there. The kernel's taskstats
interface answers for a thread group (TASKSTATS_CMD_ATTR_TGID) with the sum over its live threads plus
what its exited threads left behind: every wake-up of the process, whichever thread took it.
Needs CAP_NET_ADMIN (root, as the benchmark runs); `available()` says whether it works here.
"""

from __future__ import annotations

import socket
import struct

_NETLINK_GENERIC = 16
_GENL_ID_CTRL = 0x10
_CTRL_CMD_GETFAMILY = 3
_CTRL_ATTR_FAMILY_ID = 1
_CTRL_ATTR_FAMILY_NAME = 2
_NLMSG_ERROR = 2
_NLM_F_REQUEST = 1
_TASKSTATS_CMD_GET = 1
_TASKSTATS_CMD_ATTR_TGID = 2
_TASKSTATS_TYPE_STATS = 3
_TASKSTATS_TYPE_AGGR_TGID = 5
_NVCSW_OFFSET = 272  # struct taskstats (linux/taskstats.h): nvcsw, then nivcsw; stable since version 1


def _attr(kind: int, data: bytes) -> bytes:
    length = 4 + len(data)
    return struct.pack("HH", length, kind) + data + b"\0" * (-length % 4)


def _attrs(buf: bytes) -> dict[int, bytes]:
    out: dict[int, bytes] = {}
    i = 0
    while i + 4 <= len(buf):
        length, kind = struct.unpack_from("HH", buf, i)
        if length < 4:
            break
        out[kind & 0x3FFF] = buf[i + 4 : i + length]
        i += (length + 3) & ~3
    return out


class TaskStats:
    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, _NETLINK_GENERIC)
        self._sock.bind((0, 0))
        self._seq = 0
        reply = self._ask(_GENL_ID_CTRL, _CTRL_CMD_GETFAMILY, _attr(_CTRL_ATTR_FAMILY_NAME, b"TASKSTATS\0"))
        self._family = struct.unpack_from("H", reply[_CTRL_ATTR_FAMILY_ID])[0]

    def _ask(self, family: int, cmd: int, attrs: bytes) -> dict[int, bytes]:
        self._seq += 1
        body = struct.pack("BBH", cmd, 1, 0) + attrs
        self._sock.send(struct.pack("IHHII", 16 + len(body), family, _NLM_F_REQUEST, self._seq, 0) + body)
        reply = self._sock.recv(65536)
        length, kind = struct.unpack_from("IH", reply)
        if kind == _NLMSG_ERROR:
            errno = -struct.unpack_from("i", reply, 16)[0]
            raise OSError(errno, f"taskstats: {errno}")
        return _attrs(reply[20:length])

    def voluntary_switches(self, pid: int) -> int:
        """All voluntary context switches of process `pid` so far, over all its threads, dead ones too."""
        aggregate = _attrs(
            self._ask(
                self._family, _TASKSTATS_CMD_GET, _attr(_TASKSTATS_CMD_ATTR_TGID, struct.pack("I", pid))
            )[_TASKSTATS_TYPE_AGGR_TGID]
        )
        return int(struct.unpack_from("Q", aggregate[_TASKSTATS_TYPE_STATS], _NVCSW_OFFSET)[0])

    def close(self) -> None:
        self._sock.close()


def available() -> bool:
    import os

    try:
        stats = TaskStats()
        try:
            return stats.voluntary_switches(os.getpid()) > 0
        finally:
            stats.close()
    except (OSError, KeyError, struct.error):
        return False
