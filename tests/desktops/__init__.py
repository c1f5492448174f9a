"""Real desktop shells, started headless, driving trayapp through their own tray hosts (issues 15 and 20).

Each test module starts one shell (GNOME Shell, sway + waybar, Plasma, Cinnamon, mate-panel) on throwaway
HOME/XDG folders and private D-Bus buses, runs `python -m trayapp --demo` in it, and checks what a user of
that desktop sees. With CI=true a missing part fails; locally it skips with the install hint.

Screenshots: set TRAYAPP_SHOTS=DIR to keep one per checked state (DIR/<desktop>-<what>.png); a failing
test always leaves one in its tmp_path.
"""
