"""Entry script of the PyInstaller build: the same entry point as the `trayapp` console script."""

import sys

from trayapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
