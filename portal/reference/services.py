"""Loads the editable reference lists from the CSV files in ``data/``, updating rows in place."""
from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select

from portal.extensions import db
from portal.reference.models import JobRole, PayBand, RoleFamily, Sector

DATA_DIR = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _number(value: str) -> float | None:
    return float(value) if value.strip() else None


def _upsert(model, key: str, values: dict) -> None:
    row = db.session.get(model, values[key]) or model()
    for name, value in values.items():
        setattr(row, name, value)
    db.session.add(row)


def load_reference_data() -> dict[str, int]:
    sectors = _rows("sectors.csv")
    for position, row in enumerate(sectors):
        _upsert(Sector, "code", {
            "code": row["code"], "name": row["name"],
            "is_nhs": row["is_nhs"].strip().lower() in {"1", "true", "yes"}, "position": position,
        })
    bands = _rows("pay_bands.csv")
    for position, row in enumerate(bands):
        _upsert(PayBand, "code", {
            "code": row["code"], "name": row["name"], "position": position,
            "annual_min": float(row["annual_min"]), "annual_max": float(row["annual_max"]),
        })
    roles = _rows("roles.csv")
    families = {}
    for row in roles:
        families.setdefault(row["family_code"], row["family_name"])
    for position, (code, name) in enumerate(families.items()):
        _upsert(RoleFamily, "code", {"code": code, "name": name, "position": position})
    db.session.flush()
    for row in roles:
        _upsert(JobRole, "code", {
            "code": row["role_code"], "family_code": row["family_code"], "name": row["role_name"],
            "pay_kind": row["pay_kind"], "typical_band": row["typical_band"] or None,
            "hourly_min": _number(row["hourly_min"]), "hourly_max": _number(row["hourly_max"]),
        })
    db.session.flush()
    return {"sectors": len(sectors), "pay bands": len(bands), "role families": len(families), "roles": len(roles)}


def sectors() -> list[Sector]:
    return db.session.scalars(select(Sector).order_by(Sector.position)).all()


def pay_bands() -> list[PayBand]:
    return db.session.scalars(select(PayBand).order_by(PayBand.position)).all()


def role_families() -> list[RoleFamily]:
    return db.session.scalars(select(RoleFamily).order_by(RoleFamily.position)).all()


def job_roles() -> list[JobRole]:
    return db.session.scalars(select(JobRole).order_by(JobRole.family_code, JobRole.name)).all()
