"""The Qt-free core: models, errors, settings, secrets, cache and the StatusService facade."""
