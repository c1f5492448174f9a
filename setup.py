"""The translation catalogues are compiled when the wheel is built (scripts/i18n.py build), from the
.ts/.po sources in i18n/: the .qm/.mo files are generated, so they are never committed and can never
be stale in a wheel. Everything else is in pyproject.toml."""

from __future__ import annotations

import runpy
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithCatalogues(build_py):
    def run(self) -> None:
        super().run()
        # an editable install reads resources/ itself: build there (git-ignored)
        target = HERE / "resources" if self.editable_mode else Path(self.build_lib) / "trayapp" / "resources"
        build = runpy.run_path(str(HERE / "scripts" / "i18n.py"))["build"]
        build(target)


setup(cmdclass={"build_py": BuildWithCatalogues})
