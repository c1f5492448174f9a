"""The embedded demo server speaking Rocket.Chat, Callbell and Smartsheet RM (no Qt)."""
