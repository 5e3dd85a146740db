"""Administration: approving, suspending and reinstating organisations, and creating admin accounts."""
from __future__ import annotations

from flask import current_app, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.accounts.passwords import password_problem
from portal.accounts.services import register_user
from portal.audit.models import AuditAction
from portal.audit.services import COMMAND_LINE_LABEL, record
from portal.employers.models import Organisation, OrganisationStatus
from portal.employers.services import recruiters_of
from portal.extensions import db
from portal.mail import send_email
from portal.refusals import Conflict, Refused
from portal.time import utcnow


class StatusChangeNotAllowed(Conflict):
    pass


class WeakPassword(Refused, ValueError):
    field = "password"


def pending_organisations() -> list[Organisation]:
    """Organisations waiting for approval, the longest waiting first."""
    return list(db.session.scalars(
        select(Organisation)
        .where(Organisation.status == OrganisationStatus.PENDING)
        .options(selectinload(Organisation.members), selectinload(Organisation.sites), selectinload(Organisation.sector))
        .order_by(Organisation.created_at, Organisation.id)
    ))


def all_organisations() -> list[Organisation]:
    return list(db.session.scalars(
        select(Organisation).options(selectinload(Organisation.sector)).order_by(Organisation.name)
    ))


def _change_status(organisation: Organisation, allowed_from: OrganisationStatus, new_status: OrganisationStatus,
                   verb: str, action: AuditAction, note: str) -> None:
    if organisation.status != allowed_from:
        raise StatusChangeNotAllowed(f"{organisation.name} is {organisation.status}, so it cannot be {verb}.")
    # The indexing after_flush hook sees the status change and queues the organisation's vacancies for re-indexing.
    organisation.status = new_status.value
    # The latest review only, which alerts read; the audit trail keeps every review.
    organisation.reviewed_at = utcnow()
    record(action, organisation_id=organisation.id, subject=organisation, detail={"note": note} if note else None)
    db.session.flush()


def approve_organisation(organisation: Organisation, note: str = "") -> None:
    """Approve the organisation and email its recruiters, in the same transaction."""
    _change_status(organisation, OrganisationStatus.PENDING, OrganisationStatus.APPROVED, "approved",
                   AuditAction.ORGANISATION_APPROVED, note)
    notify_approval(organisation)


def suspend_organisation(organisation: Organisation, note: str = "") -> None:
    _change_status(organisation, OrganisationStatus.APPROVED, OrganisationStatus.SUSPENDED, "suspended",
                   AuditAction.ORGANISATION_SUSPENDED, note)


def reinstate_organisation(organisation: Organisation, note: str = "") -> None:
    _change_status(organisation, OrganisationStatus.SUSPENDED, OrganisationStatus.APPROVED, "reinstated",
                   AuditAction.ORGANISATION_REINSTATED, note)


def notify_approval(organisation: Organisation) -> None:
    """Tell the organisation's recruiters that it is approved."""
    for recruiter in recruiters_of(organisation):
        send_email(
            recruiter.email,
            f"{organisation.name} is approved on {current_app.config['SITE_NAME']}",
            "organisation_approved",
            recruiter=recruiter,
            organisation=organisation,
            organisation_link=url_for("employers.detail", slug=organisation.slug, _external=True),
            vacancies_link=url_for("vacancies.manage", _external=True),
        )


def create_admin(email: str, full_name: str, password: str) -> User:
    problem = password_problem(password, (email, full_name))
    if problem:
        raise WeakPassword(problem)
    admin = register_user(email, full_name, password, roles=(Role.ADMIN,))
    record(AuditAction.ADMIN_CREATED, actor=None, actor_label=COMMAND_LINE_LABEL, subject=admin)
    return admin
