"""`python -m trayapp` runs the same entry point as the `trayapp` command."""

import sys

from trayapp.cli import main

sys.exit(main())
