"""``flask`` commands, one group per domain."""
import importlib

from flask import Flask

COMMAND_MODULES = (
    "portal.accounts.commands",
    "portal.reference.commands",
    "portal.locations.commands",
    "portal.indexing.commands",
    "portal.vacancies.commands",
    "portal.demo.commands",
    "portal.admin.commands",
    "portal.privacy.commands",
    "portal.storage.commands",
    "portal.alerts.commands",
    "portal.applications.commands",
    "portal.passport.commands",
    "portal.mail.commands",
)


def init_app(app: Flask) -> None:
    for module_name in COMMAND_MODULES:
        app.cli.add_command(importlib.import_module(module_name).cli)
