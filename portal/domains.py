"""The portal's domains: one list, and each domain's parts found in its folder by name.

A domain is a package ``portal.<name>``. What it offers is found by convention:

- ``views``: its routes, registered with the package's ``bp`` blueprint;
- ``commands``: a ``cli`` group of ``flask`` commands;
- ``personal_data``: registers its part of a person's data (export, deletion, retention) when imported;
- ``models``: its tables, imported so that migrations see the whole schema.

A domain without one of these simply has none; a part that is there but fails to import raises.

The order matters in two places. Blueprints are registered in this order, so their app-wide hooks run in
it. Personal data is deleted in this order, and ``audit`` stays last: closing an account records an
event, and the audit section then takes the person's name off every event, the ones the sections
before it recorded included.
"""
from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterable
from types import ModuleType

DOMAINS = (
    "pages",
    "accounts",
    "twofactor",
    "employers",
    "vacancies",
    "jobsearch",
    "admin",
    "api",
    "integrations",
    "profiles",
    "privacy",
    "alerts",
    "applications",
    "passport",
    "reference",
    "locations",
    "indexing",
    "storage",
    "demo",
    "mail",
    "careers",
    "audit",
)

PARTS = ("views", "commands", "personal_data", "models")


def domain_parts(part: str, domains: Iterable[str] = DOMAINS, package: str = "portal") -> list[ModuleType]:
    """Each domain's ``part`` module, imported, in the order of ``domains``."""
    found = []
    for domain in domains:
        name = f"{package}.{domain}.{part}"
        # find_spec imports the domain's package, so a listed domain that is not there raises here.
        if importlib.util.find_spec(name) is not None:
            found.append(importlib.import_module(name))
    return found


def domain_blueprints(domains: Iterable[str] = DOMAINS, package: str = "portal") -> list:
    """The blueprint (``bp``) of each domain that has views, with its routes imported."""
    return [importlib.import_module(views.__package__).bp for views in domain_parts("views", domains, package)]
