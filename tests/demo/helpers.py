"""Credentials and format checks shared by the demo-server tests."""

from __future__ import annotations

import re

from trayapp.demo import seed

ALICE = {"X-User-Id": seed.RC_ALICE_ID, "X-Auth-Token": seed.RC_ALICE_PAT}  # admin, not rate limited
CAROL = {"X-User-Id": seed.RC_CAROL_ID, "X-Auth-Token": seed.RC_CAROL_PAT}  # plain user, rate limited
CB = {"Authorization": f"Bearer {seed.CB_TOKEN}"}
SS = {"auth": seed.SS_TOKEN}

RC_ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
RC_ID = re.compile(r"^[23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz]{17}$")
CB_RUBY_TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}$")
CB_ISO_MS_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$")
ISO_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
DASHED_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
