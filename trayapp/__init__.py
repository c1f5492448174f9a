"""trayapp: set your work status from the system tray on Rocket.Chat, Callbell and Smartsheet RM."""

__version__ = "0.1.0"
