"""``flask`` commands, one group per domain (its ``commands`` module's ``cli``)."""
from flask import Flask

from portal.domains import domain_parts


def init_app(app: Flask) -> None:
    for module in domain_parts("commands"):
        app.cli.add_command(module.cli)
