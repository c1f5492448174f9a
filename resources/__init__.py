"""Data files shipped inside the package: icons and the desktop entry template."""
