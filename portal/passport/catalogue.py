"""The admin-managed catalogue of competences, their levels and refresher periods, what each job role
requires, and the shorter refresher periods an employer may set for itself."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from portal.audit.models import AuditAction
from portal.audit.services import record
from portal.extensions import db
from portal.passport.models import (
    Category,
    Competence,
    CompetenceLevel,
    OrganisationRefresher,
    RoleRequirement,
    TrainingRecord,
)
from portal.reference.models import JobRole
from portal.refusals import Refused

DATA_DIR = Path(__file__).parent / "data"


class RefresherTooLong(Refused, ValueError):
    field = "months"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _months(value: str) -> int | None:
    return int(value) if value.strip() else None


def load_catalogue() -> dict[str, int]:
    """Add the competences, levels and role requirements in ``data/`` that the database lacks. What an
    admin has changed since is left as it is, so loading again is always safe."""
    added = {"competences": 0, "levels": 0, "role requirements": 0}
    competences: dict[str, Competence] = {}
    for position, row in enumerate(_rows("competences.csv")):
        competence = competences.get(row["code"]) or db.session.get(Competence, row["code"])
        if competence is None:
            competence = Competence(
                code=row["code"], category=Category(row["category"]).value, title=row["title"],
                validity_months=None if row["level"] else _months(row["validity_months"]),
                expiry_entered=row["expiry_entered"].strip().lower() == "yes", position=position,
            )
            db.session.add(competence)
            added["competences"] += 1
        competences[competence.code] = competence
        if row["level"] and competence.level(row["level"]) is None:
            competence.levels.append(CompetenceLevel(
                code=row["level"], label=row["level_label"], validity_months=_months(row["validity_months"]),
                position=len(competence.levels),
            ))
            added["levels"] += 1
    db.session.flush()
    role_codes = set(db.session.scalars(select(JobRole.code)))
    existing = {(r.role_code, r.competence_code) for r in db.session.scalars(select(RoleRequirement))}
    for row in _rows("role_requirements.csv"):
        key = (row["role_code"], row["competence_code"])
        if key in existing or row["role_code"] not in role_codes:
            continue
        db.session.add(RoleRequirement(role_code=key[0], competence_code=key[1], level_code=row["level"] or None))
        existing.add(key)
        added["role requirements"] += 1
    db.session.flush()
    return added


def competences(active_only: bool = True) -> list[Competence]:
    query = select(Competence).order_by(Competence.position, Competence.title)
    if active_only:
        query = query.where(Competence.is_active.is_(True))
    return list(db.session.scalars(query))


def get_competence(code: str) -> Competence | None:
    return db.session.get(Competence, code)


def active_competence(code: str) -> Competence | None:
    """A competence people can still add records of; a retired one is as good as unknown."""
    competence = get_competence(code)
    return competence if competence is not None and competence.is_active else None


def competences_by_category(active_only: bool = True) -> list[tuple[Category, list[Competence]]]:
    grouped: dict[Category, list[Competence]] = {category: [] for category in Category}
    for competence in competences(active_only):
        grouped[competence.category_enum].append(competence)
    return [(category, items) for category, items in grouped.items() if items]


def role_requirements(role_code: str) -> list[RoleRequirement]:
    return list(db.session.scalars(
        select(RoleRequirement).join(RoleRequirement.competence)
        .where(RoleRequirement.role_code == role_code, Competence.is_active.is_(True))
        .order_by(Competence.position)
    ))


def role_has_requirements(role_code: str) -> bool:
    return db.session.scalar(select(RoleRequirement.role_code).where(RoleRequirement.role_code == role_code).limit(1)) is not None


def roles_with_requirements() -> list[JobRole]:
    return list(db.session.scalars(
        select(JobRole).where(JobRole.code.in_(select(RoleRequirement.role_code))).order_by(JobRole.name)
    ))


@dataclass
class LevelDetails:
    code: str
    label: str
    validity_months: int | None


@dataclass
class CompetenceDetails:
    title: str
    category: str
    description: str
    validity_months: int | None
    expiry_entered: bool
    is_active: bool
    levels: list[LevelDetails]


def save_competence(code: str, details: CompetenceDetails) -> Competence:
    """Create or change a catalogue entry. Levels are matched by code, so records keep their level;
    a level that records use is never removed, only relabelled."""
    competence = get_competence(code)
    record(AuditAction.CATALOGUE_CHANGED, detail={"competence": code, "added": competence is None, "title": details.title})
    if competence is None:
        last = db.session.scalar(select(Competence.position).order_by(Competence.position.desc()).limit(1)) or 0
        competence = Competence(code=code, position=last + 1)
        db.session.add(competence)
    competence.title = details.title
    competence.category = Category(details.category).value
    competence.description = details.description
    competence.expiry_entered = details.expiry_entered
    competence.is_active = details.is_active
    competence.validity_months = None if details.levels or details.expiry_entered else details.validity_months
    wanted = {level.code: level for level in details.levels}
    for level in list(competence.levels):
        if level.code not in wanted and not level_in_use(code, level.code):
            competence.levels.remove(level)
    for position, level_details in enumerate(details.levels):
        level = competence.level(level_details.code)
        if level is None:
            level = CompetenceLevel(code=level_details.code)
            competence.levels.append(level)
        level.label = level_details.label
        level.validity_months = level_details.validity_months
        level.position = position
    db.session.flush()
    return competence


def level_in_use(competence_code: str, level_code: str) -> bool:
    return db.session.scalar(
        select(TrainingRecord.id).where(
            TrainingRecord.competence_code == competence_code, TrainingRecord.level_code == level_code
        ).limit(1)
    ) is not None


def organisation_refreshers(organisation_id: int) -> dict[str, int]:
    """The employer's own refresher periods, in months, by competence code."""
    return dict(db.session.execute(
        select(OrganisationRefresher.competence_code, OrganisationRefresher.validity_months)
        .where(OrganisationRefresher.organisation_id == organisation_id)
    ).all())


def longest_catalogue_period(competence: Competence) -> int | None:
    periods = [level.validity_months for level in competence.levels] or [competence.validity_months]
    known = [months for months in periods if months]
    return max(known) if known and len(known) == len(periods) else None


def set_organisation_refresher(organisation_id: int, competence: Competence, months: int | None) -> None:
    """Set (or with None, clear) the employer's own period; it must be shorter than the catalogue's."""
    row = db.session.get(OrganisationRefresher, (organisation_id, competence.code))
    if months is None:
        if row is not None:
            db.session.delete(row)
        db.session.flush()
        return
    if competence.expiry_entered:
        raise RefresherTooLong(f"{competence.title} expires on the date on the record, so it has no refresher period")
    catalogue = longest_catalogue_period(competence)
    if catalogue is not None and months >= catalogue:
        raise RefresherTooLong(f"Enter a period shorter than the standard {catalogue} months")
    if row is None:
        row = OrganisationRefresher(organisation_id=organisation_id, competence_code=competence.code)
        db.session.add(row)
    row.validity_months = months
    db.session.flush()
