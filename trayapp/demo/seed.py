"""Seeded, public demo credentials and data. These are not secrets: they only open the
in-memory demo server on loopback. Tests and `trayapp --demo` use the same constants."""

from __future__ import annotations

# Path prefixes of the three APIs on the one demo server.
ROCKETCHAT_PREFIX = "/rocketchat"  # account URL = base + prefix; API under + "/api/v1"
CALLBELL_PREFIX = "/callbell/v1"  # account URL = base + prefix
SMARTSHEET_PREFIX = "/smartsheet"  # account URL = base + prefix; API under + "/api/v1"

# --- Rocket.Chat -------------------------------------------------------------------------------
# alice: admin (manage-user-status, exempt from the rate limiter), personal access token, no 2FA.
RC_ALICE_ID = "aLiCeDemoUser0001"
RC_ALICE_USERNAME = "alice"
RC_ALICE_PASSWORD = "alice-demo-password"
RC_ALICE_PAT = "rc-pat-alice-7Qm2xV9kLp4N"
# bob: plain user with TOTP two-factor; logs in with password + code.
RC_BOB_ID = "bObDemoUser000002"
RC_BOB_USERNAME = "bob"
RC_BOB_EMAIL = "bob@example.com"
RC_BOB_PASSWORD = "bob-demo-password"
RC_BOB_TOTP = "123456"
# dave: plain user with e-mail two-factor; each login without a code "mails" RC_DAVE_EMAIL_CODE.
RC_DAVE_ID = "dAvEDemoUser00004"
RC_DAVE_USERNAME = "dave"
RC_DAVE_NAME = "Dave Demo"
RC_DAVE_EMAIL = "dave@example.com"
RC_DAVE_PASSWORD = "dave-demo-password"
RC_DAVE_EMAIL_CODE = "246810"
# carol: plain user (no manage-user-status, rate limited), personal access token.
RC_CAROL_ID = "cArOlDemoUser0003"
RC_CAROL_USERNAME = "carol"
RC_CAROL_PAT = "rc-pat-carol-3Hd8sW1qZr6T"

RC_STATUSES: tuple[tuple[str, str], ...] = (
    ("Lunch", "away"),
    ("In a call", "busy"),
    ("Focus time", "busy"),
    ("Commuting", "away"),
    ("On vacation", "offline"),
    ("Back soon", "away"),
)

# --- Callbell ----------------------------------------------------------------------------------
CB_TOKEN = "cb-demo-key.4Fh7Jk2Lm9Pq"
CB_USER_UUID = "ad42a09715814e6483b1c5debd6a2dbc"
CB_USER_EMAIL = "alice@example.com"
CB_USER_NAME = "Alice Example"
CB_OTHER_UUID = "5b1f3e2a9c8d4e7fa6b5c4d3e2f1a0b9"
CB_PAGE_SIZE = 2  # small, so clients must follow meta.pages
CB_STATUSES: tuple[tuple[str, str], ...] = (
    ("Lunch", "🍙"),
    ("Meeting", "📅"),
    ("Vacation", "🌴"),
    ("Training", "📚"),
    ("Doctor", "🩺"),
)

# --- Smartsheet Resource Management ------------------------------------------------------------
SS_TOKEN = "ss-demo-token-Vb8Nc5Xz2Qw7"
SS_USER_ID = 7
SS_USER_EMAIL = "Alice.Example@Example.com"  # mixed case: clients must match case-insensitively
SS_USER_COUNT = 45  # more than one default page (20)
SS_CODES: tuple[tuple[str, str], ...] = (
    ("ITO", "In the office"),
    ("WFH", "Working from home"),
    ("SIC", "Sick"),
    ("OOO", "On the road"),
    ("VAC", "Vacation"),
    ("OOF", "Out of office"),
)

# --- Added for the demo server (extra seed details; the constants above stay as they are) ------
RC_ALICE_NAME = "Alice Example"
RC_ALICE_EMAIL = "alice@example.com"
RC_BOB_NAME = "Bob Demo"
RC_CAROL_NAME = "Carol Demo"
RC_CAROL_EMAIL = "carol@example.com"
RC_CAROL_PASSWORD = "carol-demo-password"
# What GET /api/info reports; v8 stands for 8.6+ (presence claims, expiresAt, statusSource).
RC_VERSIONS = {"v6": "6.13.1", "v7": "7.4.0", "v8": "8.6.0", "future": "9.0.0"}

CB_API_KEY_NAME = "trayapp demo key"  # /auth/me "api_key": the key's name, not its value
CB_OTHER_EMAIL = "bruno@example.com"
CB_OTHER_NAME = "Bruno Example"
CB_UTC_OFFSET_MINUTES = 60  # the account's zone: non-UTC on purpose, so clients must honour offsets
CB_TEAM_UUID = "0e3b9f6c1d2a4b5c8d7e6f5a4b3c2d1e"  # "General": alice is on its second member page
CB_SUPPORT_TEAM_UUID = "9a8b7c6d5e4f40312a1b2c3d4e5f6a7b"

SS_USER_FIRST_NAME = "Alice"
SS_USER_LAST_NAME = "Example"
SS_LEAVE_TYPES: tuple[tuple[int, str], ...] = ((1001, "Vacation"), (1002, "Sick"))
SS_PROJECT_ID = 501  # a project assignable, for statuses' assignable_id
SS_PROJECT_NAME = "Demo project"
