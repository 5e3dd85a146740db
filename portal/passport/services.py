"""The holder's records and employments, employers' verifications, and the audit trail.

Every change goes through here and writes an :class:`AuditEntry` in the same transaction. Callers
commit (views at the edge of the request, commands at the end of a run).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from werkzeug.datastructures import FileStorage

from portal.accounts.models import User
from portal.employers.models import Organisation, OrganisationStatus
from portal.extensions import db
from portal.passport import catalogue
from portal.passport.models import (
    AuditEntry,
    Category,
    Competence,
    Credential,
    Employment,
    RecordAcceptance,
    RoleRequirement,
    TrainingRecord,
)
from portal.passport.status import RecordStatus, Status, expiry_date, record_status
from portal.refusals import Conflict, Forbidden
from portal.storage import EVIDENCE_TYPES, StoredFile, delete_file, save_upload
from portal.time import utcnow

EVIDENCE_PURPOSE = "passport_evidence"


class RecordLocked(Conflict):
    """A verified record cannot be changed by its holder; they can add a newer one."""

    message = "This record has been verified, so it cannot be changed. Add a new record instead."


class NotAllowed(Forbidden):
    """The message says why."""


class OwnPassport(Forbidden):
    """The person acting holds the passport; the message says so and who can act instead."""


def vouches_for_self(holder_id: int, user_id: int | None) -> bool:
    """Whether the person acting is the passport's holder: nobody vouches for their own training,
    whatever role they hold at the organisation that employs them (a colleague may)."""
    return user_id == holder_id


def refuse_own_passport(holder_id: int, organisation: Organisation, user: User) -> None:
    if vouches_for_self(holder_id, user.id):
        raise OwnPassport(f"You cannot verify, add verified training to or accept records on your own passport. "
                          f"Ask a colleague at {organisation.name} to do it.")


@dataclass
class RecordDetails:
    competence_code: str
    level_code: str | None
    completed_on: date
    expires_on: date | None
    provider: str
    method: str
    reference: str = ""
    evidence_upload: FileStorage | None = None


@dataclass
class EmploymentDetails:
    organisation_id: int
    job_title: str
    started_on: date
    ended_on: date | None
    confirmed: bool


# The audit trail

def audit(holder_id: int, action: str, detail: str = "", *, record: TrainingRecord | None = None,
          actor: User | None = None, organisation_id: int | None = None) -> None:
    db.session.add(AuditEntry(
        holder_id=holder_id, record_id=record.id if record is not None else None,
        actor_id=actor.id if actor is not None else None, organisation_id=organisation_id,
        action=action, detail=detail,
    ))


def audit_trail(holder_id: int) -> list[AuditEntry]:
    return list(db.session.scalars(
        select(AuditEntry).where(AuditEntry.holder_id == holder_id)
        .options(selectinload(AuditEntry.actor), selectinload(AuditEntry.organisation))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    ))


# Records

def holder_records(holder_id: int, include_superseded: bool = False) -> list[TrainingRecord]:
    query = (
        select(TrainingRecord).where(TrainingRecord.holder_id == holder_id)
        .options(selectinload(TrainingRecord.evidence))
        .order_by(TrainingRecord.completed_on.desc(), TrainingRecord.id.desc())
    )
    if not include_superseded:
        query = query.where(TrainingRecord.superseded_at.is_(None))
    return list(db.session.scalars(query))


def has_records(holder_id: int) -> bool:
    return db.session.scalar(select(TrainingRecord.id).where(TrainingRecord.holder_id == holder_id).limit(1)) is not None


def get_holder_record(record_id: int, holder_id: int) -> TrainingRecord | None:
    return db.session.scalar(
        select(TrainingRecord).where(TrainingRecord.id == record_id, TrainingRecord.holder_id == holder_id)
    )


def current_holder_record(record_id: int, holder_id: int) -> TrainingRecord | None:
    """The holder's record as an employer sees it: only while no newer record has replaced it."""
    record = get_holder_record(record_id, holder_id)
    return record if record is not None and record.is_current else None


def _store_evidence(holder_id: int, upload: FileStorage | None) -> StoredFile | None:
    if upload is None or not upload.filename:
        return None
    return save_upload(upload, owner_id=holder_id, purpose=EVIDENCE_PURPOSE, allowed=EVIDENCE_TYPES, called="evidence")


def _apply(record: TrainingRecord, details: RecordDetails) -> None:
    record.competence_code = details.competence_code
    record.level_code = details.level_code
    record.completed_on = details.completed_on
    record.provider = details.provider
    record.method = details.method
    record.reference = details.reference
    competence = db.session.get(Competence, details.competence_code)
    record.expires_on = details.expires_on if competence.expiry_entered else None


def add_record(holder: User, details: RecordDetails) -> TrainingRecord:
    """Raises UploadRejected (the caller rolls back) when the evidence file is refused."""
    record = TrainingRecord(holder_id=holder.id)
    _apply(record, details)
    record.evidence = _store_evidence(holder.id, details.evidence_upload)
    db.session.add(record)
    db.session.flush()
    audit(holder.id, "record_added", _describe(record), record=record, actor=holder)
    _supersede_older(record, holder)
    return record


def update_record(record: TrainingRecord, holder: User, details: RecordDetails) -> TrainingRecord:
    if record.is_verified:
        raise RecordLocked()
    # The file is stored before anything is written, so no database write waits on file storage.
    new_evidence = _store_evidence(holder.id, details.evidence_upload)
    _apply(record, details)
    if new_evidence is not None:
        _replace_evidence(record, new_evidence)
    db.session.flush()
    audit(holder.id, "record_changed", _describe(record), record=record, actor=holder)
    _supersede_older(record, holder)
    return record


def remove_evidence(record: TrainingRecord, holder: User) -> None:
    if record.is_verified:
        raise RecordLocked("This record has been verified, so its evidence cannot be removed.")
    if record.evidence is not None:
        _replace_evidence(record, None)
        audit(holder.id, "evidence_removed", record.title, record=record, actor=holder)


def _replace_evidence(record: TrainingRecord, new_evidence: StoredFile | None) -> None:
    old = record.evidence
    record.evidence = new_evidence
    db.session.flush()
    if old is not None:
        delete_file(old)


def delete_record(record: TrainingRecord, holder: User) -> None:
    """The holder may remove any record of theirs; a credential issued for it is revoked."""
    title = record.title
    revoke_credentials(record, "The holder deleted the record")
    audit(holder.id, "record_deleted", title, actor=holder)
    evidence = record.evidence
    db.session.delete(record)
    db.session.flush()
    if evidence is not None:
        delete_file(evidence)


def _describe(record: TrainingRecord) -> str:
    parts = [record.title, f"completed {record.completed_on.isoformat()}", record.method_label]
    if record.provider:
        parts.append(f"by {record.provider}")
    return ", ".join(parts)


def _supersede_older(record: TrainingRecord, actor: User, organisation_id: int | None = None) -> None:
    """A newer record of the same competence and level replaces older ones; the newest stays current."""
    same = [
        other for other in db.session.scalars(
            select(TrainingRecord).where(
                TrainingRecord.holder_id == record.holder_id,
                TrainingRecord.competence_code == record.competence_code,
                TrainingRecord.superseded_at.is_(None),
            )
        )
        if other.level_code == record.level_code
    ]
    newest = max(same, key=lambda other: (other.completed_on, other.id))
    now = utcnow()
    for other in same:
        if other is newest:
            continue
        other.superseded_at = now
        revoke_credentials(other, "Superseded by a newer record")
        audit(other.holder_id, "record_superseded", f"{other.title}: replaced by a newer record",
              record=other, actor=actor, organisation_id=organisation_id)
    db.session.flush()


# Employer verification

def verify_record(record: TrainingRecord, organisation: Organisation, user: User) -> None:
    refuse_own_passport(record.holder_id, organisation, user)
    if record.is_verified:
        raise NotAllowed(f"This record was already verified by {record.verified_by_organisation.name}.")
    _mark_verified(record, organisation, user)
    audit(record.holder_id, "record_verified", f"{record.title}: verified by {organisation.name}",
          record=record, actor=user, organisation_id=organisation.id)


def _mark_verified(record: TrainingRecord, organisation: Organisation, user: User) -> None:
    record.verified_by_organisation = organisation
    record.verified_by_user_id = user.id
    record.verified_at = utcnow()
    db.session.flush()
    issue_credential(record)


def add_verified_record(holder: User, details: RecordDetails, organisation: Organisation, user: User) -> TrainingRecord:
    """Training the organisation delivered: the record arrives verified, with its credential."""
    refuse_own_passport(holder.id, organisation, user)
    record = TrainingRecord(holder_id=holder.id, added_by_organisation_id=organisation.id)
    _apply(record, details)
    record.evidence = _store_evidence(holder.id, details.evidence_upload)
    db.session.add(record)
    db.session.flush()
    _mark_verified(record, organisation, user)
    audit(holder.id, "record_added_by_employer", f"{_describe(record)}: added and verified by {organisation.name}",
          record=record, actor=user, organisation_id=organisation.id)
    _supersede_older(record, user, organisation.id)
    return record


def withdraw_verification(record: TrainingRecord, organisation: Organisation, user: User) -> None:
    """Only the organisation that verified a record can withdraw it; its credential is revoked."""
    if record.verified_by_organisation_id != organisation.id:
        raise NotAllowed("Only the organisation that verified this record can withdraw the verification.")
    record.verified_by_organisation = None
    record.verified_by_user_id = None
    record.verified_at = None
    revoke_credentials(record, f"Verification withdrawn by {organisation.name}")
    audit(record.holder_id, "verification_withdrawn", f"{record.title}: verification withdrawn by {organisation.name}",
          record=record, actor=user, organisation_id=organisation.id)
    db.session.flush()


# Credentials (the rows; signing lives in credentials.py)

def issue_credential(record: TrainingRecord) -> Credential:
    if record.verified_by_user_id is None or vouches_for_self(record.holder_id, record.verified_by_user_id):
        raise OwnPassport("A credential is issued only for a record that someone other than its holder verified.")
    credential = Credential(record_id=record.id, expires_on=expiry_date(record))
    db.session.add(credential)
    db.session.flush()
    return credential


def live_credential(record: TrainingRecord) -> Credential | None:
    return db.session.scalar(
        select(Credential).where(Credential.record_id == record.id, Credential.revoked_at.is_(None))
        .order_by(Credential.issued_at.desc()).limit(1)
    )


def revoke_credentials(record: TrainingRecord, reason: str) -> None:
    for credential in db.session.scalars(
        select(Credential).where(Credential.record_id == record.id, Credential.revoked_at.is_(None))
    ):
        credential.revoked_at = utcnow()
        credential.revocation_reason = reason
    db.session.flush()


# Acceptance by a new employer

def accept_record(record: TrainingRecord, organisation: Organisation, user: User) -> RecordAcceptance:
    """Record that the organisation accepts the record as meeting its requirement."""
    refuse_own_passport(record.holder_id, organisation, user)
    existing = db.session.scalar(select(RecordAcceptance).where(
        RecordAcceptance.record_id == record.id, RecordAcceptance.organisation_id == organisation.id
    ))
    if existing is not None:
        raise NotAllowed(f"{organisation.name} already accepts this record.")
    acceptance = RecordAcceptance(record_id=record.id, organisation_id=organisation.id, accepted_by_id=user.id)
    db.session.add(acceptance)
    db.session.flush()
    audit(record.holder_id, "record_accepted", f"{record.title}: accepted by {organisation.name}",
          record=record, actor=user, organisation_id=organisation.id)
    return acceptance


# Employments

def organisations_to_choose() -> list[Organisation]:
    return list(db.session.scalars(
        select(Organisation).where(Organisation.status == OrganisationStatus.APPROVED).order_by(Organisation.name)
    ))


def employments(holder_id: int) -> list[Employment]:
    """Current jobs first, then the most recent."""
    return list(db.session.scalars(
        select(Employment).where(Employment.holder_id == holder_id)
        .order_by(Employment.ended_on.is_not(None), Employment.ended_on.desc(), Employment.started_on.desc())
    ))


def get_employment(employment_id: int, holder_id: int) -> Employment | None:
    return db.session.scalar(select(Employment).where(Employment.id == employment_id, Employment.holder_id == holder_id))


def _apply_employment(employment: Employment, details: EmploymentDetails) -> None:
    employment.organisation_id = details.organisation_id
    employment.job_title = details.job_title
    employment.started_on = details.started_on
    employment.ended_on = details.ended_on
    if details.confirmed and employment.confirmed_at is None:
        employment.confirmed_at = utcnow()
    elif not details.confirmed:
        employment.confirmed_at = None


def _employment_summary(employment: Employment) -> str:
    organisation = db.session.get(Organisation, employment.organisation_id)
    state = "current" if employment.is_current else f"ended {employment.ended_on.isoformat()}"
    sharing = "can see your passport" if employment.opens_passport else "cannot see your passport"
    return f"{employment.job_title} at {organisation.name} ({state}); the employer {sharing}"


def add_employment(holder: User, details: EmploymentDetails) -> Employment:
    employment = Employment(holder_id=holder.id)
    _apply_employment(employment, details)
    db.session.add(employment)
    db.session.flush()
    audit(holder.id, "employment_added", _employment_summary(employment), actor=holder,
          organisation_id=employment.organisation_id)
    return employment


def update_employment(employment: Employment, holder: User, details: EmploymentDetails) -> None:
    _apply_employment(employment, details)
    db.session.flush()
    audit(holder.id, "employment_changed", _employment_summary(employment), actor=holder,
          organisation_id=employment.organisation_id)


def delete_employment(employment: Employment, holder: User) -> None:
    audit(holder.id, "employment_removed", f"{employment.job_title} at {employment.organisation.name}",
          actor=holder, organisation_id=employment.organisation_id)
    db.session.delete(employment)
    db.session.flush()


def staff_of(organisation_id: int) -> list[User]:
    """People who list a current job with the organisation and have confirmed it."""
    return list(db.session.scalars(
        select(User).join(Employment, Employment.holder_id == User.id)
        .where(Employment.organisation_id == organisation_id, Employment.opens_passport)
        .distinct().order_by(User.full_name)
    ))


def is_confirmed_employer(organisation_id: int, holder_id: int) -> bool:
    return db.session.scalar(
        select(func.count(Employment.id)).where(
            Employment.holder_id == holder_id, Employment.organisation_id == organisation_id,
            Employment.opens_passport,
        )
    ) > 0


# The passport at a glance

@dataclass
class RecordLine:
    record: TrainingRecord
    status: RecordStatus
    accepted_by: list[str] = field(default_factory=list)


@dataclass
class Passport:
    holder: User
    today: date
    lines: list[RecordLine]

    def count(self, status: Status) -> int:
        return sum(1 for line in self.lines if line.status.status == status)

    def by_category(self) -> list[tuple[Category, list[RecordLine]]]:
        grouped: dict[Category, list[RecordLine]] = {}
        for line in sorted(self.lines, key=lambda line: (line.record.competence.position, line.record.level_code or "")):
            grouped.setdefault(line.record.competence.category_enum, []).append(line)
        return [(category, grouped[category]) for category in Category if category in grouped]

    def due(self) -> list[RecordLine]:
        """Expired or expiring records, soonest first."""
        return sorted(
            (line for line in self.lines if line.status.status != Status.VALID),
            key=lambda line: line.status.expires_on,
        )


def passport(holder: User, today: date, organisation_id: int | None = None) -> Passport:
    """The holder's current records with their status; judged against ``organisation_id``'s own
    refresher periods where it has set any."""
    periods = catalogue.organisation_refreshers(organisation_id) if organisation_id else {}
    lines = [record_line(record, today, periods.get(record.competence_code)) for record in holder_records(holder.id)]
    return Passport(holder=holder, today=today, lines=lines)


def record_line(record: TrainingRecord, today: date, employer_months: int | None = None) -> RecordLine:
    return RecordLine(
        record=record,
        status=record_status(record, today, employer_months),
        accepted_by=[acceptance.organisation.name for acceptance in record.acceptances],
    )


@dataclass
class RequirementCheck:
    requirement: RoleRequirement
    line: RecordLine | None

    @property
    def met(self) -> bool:
        return self.line is not None and self.line.status.status != Status.EXPIRED

    @property
    def level_label(self) -> str | None:
        level = self.requirement.competence.level(self.requirement.level_code)
        return level.label if level else None


def check_role(passport_: Passport, role_code: str) -> list[RequirementCheck]:
    """Each requirement of the role with the best record that meets it (same competence, at the
    required level or above), or none: what is missing shows as unmet."""
    checks = []
    for requirement in catalogue.role_requirements(role_code):
        competence = requirement.competence
        required = competence.level(requirement.level_code)
        candidates = [
            line for line in passport_.lines
            if line.record.competence_code == competence.code
            and (required is None or (line.record.level is not None and line.record.level.position >= required.position))
        ]
        best = max(candidates, key=lambda line: (line.status.status != Status.EXPIRED, line.status.expires_on or date.max),
                   default=None)
        checks.append(RequirementCheck(requirement=requirement, line=best))
    return checks
