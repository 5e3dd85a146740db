"""Names for the codes vacancies are filtered by, read once and kept for a few minutes."""
from __future__ import annotations

import time
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select

from portal.extensions import db
from portal.reference.models import JobRole, PayBand, RoleFamily, Sector
from portal.vacancies.models import CONTRACT_TYPE_LABELS, FLAG_LABELS, WORKING_PATTERN_LABELS

# Reference lists change rarely (an administrator edits them), so a short wait before a change shows is fine.
CACHE_SECONDS = 300


@dataclass(frozen=True)
class Labels:
    sectors: dict[str, str]
    role_families: dict[str, str]
    roles: dict[str, str]
    pay_bands: dict[str, str]
    contract_types: dict[str, str]
    working_patterns: dict[str, str]
    flags: dict[str, str]


def _load() -> Labels:
    def names(model, order):
        return dict(db.session.execute(select(model.code, model.name).order_by(order)).all())

    return Labels(
        sectors=names(Sector, Sector.position),
        role_families=names(RoleFamily, RoleFamily.position),
        roles=names(JobRole, JobRole.name),
        pay_bands=names(PayBand, PayBand.position),
        contract_types={str(code): label for code, label in CONTRACT_TYPE_LABELS.items()},
        working_patterns=dict(WORKING_PATTERN_LABELS),
        flags=dict(FLAG_LABELS),
    )


def labels() -> Labels:
    cached = current_app.extensions.get("jobsearch_labels")
    now = time.monotonic()
    if cached is None or now - cached[0] > CACHE_SECONDS:
        cached = (now, _load())
        current_app.extensions["jobsearch_labels"] = cached
    return cached[1]
