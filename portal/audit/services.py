"""Recording security events and administrators' actions, and reading them back.

``record()`` is the one way in: it adds the event to the current transaction and writes the same
event as one JSON line on the "portal.audit" logger, so the trail is both searchable here and
shipped with the server's logs.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from flask import g, has_app_context, has_request_context, request
from flask_login import current_user
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import ColumnElement, Select, delete, event, inspect, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from portal.accounts.models import User
from portal.audit import bp
from portal.audit.models import (
    KEPT_WHEN_THE_REQUEST_FAILS,
    ORGANISATION_REVIEWS,
    AuditAction,
    AuditEvent,
    AuditOutcome,
)
from portal.extensions import db
from portal.time import utcnow

log = logging.getLogger("portal.audit")

PAGE_SIZE = 50
# Beyond this the offset would overflow a database integer; such a page is simply empty.
MAX_PAGE = 10_000_000
# Passed as ``actor`` to name whoever is signed in to the current request (the usual case).
SIGNED_IN_USER = "signed in user"
COMMAND_LINE_LABEL = "command line"
_NOT_YET_COMMITTED = "audit_events_not_yet_committed"


def record(
    action: AuditAction,
    *,
    actor: User | None | str = SIGNED_IN_USER,
    actor_label: str | None = None,
    organisation_id: int | None = None,
    subject: db.Model | tuple[str, int] | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add the event to the current transaction and log it. ``actor_label`` defaults to the actor's
    email; ``subject`` is the record acted on, or a (type, id) pair when there is no loaded row.
    Never put a password or token in ``detail``."""
    user = _signed_in_user() if actor == SIGNED_IN_USER else actor
    subject_type, subject_id = _subject(subject)
    audit_event = AuditEvent(
        occurred_at=utcnow(),
        action=action.value,
        outcome=action.outcome.value,
        actor_id=user.id if user is not None else None,
        actor_label=actor_label if actor_label is not None else _label(user),
        organisation_id=organisation_id,
        subject_type=subject_type,
        subject_id=subject_id,
        ip_address=(request.remote_addr or "") if has_request_context() else "",
        detail=detail or {},
    )
    db.session.add(audit_event)
    if action in KEPT_WHEN_THE_REQUEST_FAILS and has_request_context():
        g.setdefault(_NOT_YET_COMMITTED, []).append(audit_event)
    level = logging.WARNING if action.outcome == AuditOutcome.REFUSED else logging.INFO
    log.log(level, json.dumps(log_fields(audit_event), ensure_ascii=False, default=str))
    return audit_event


def log_fields(audit_event: AuditEvent) -> dict[str, Any]:
    return {
        "event": audit_event.action,
        "outcome": audit_event.outcome,
        "occurred_at": audit_event.occurred_at.isoformat(timespec="seconds") + "Z",
        "actor_id": audit_event.actor_id,
        "actor": audit_event.actor_label,
        "organisation_id": audit_event.organisation_id,
        "subject_type": audit_event.subject_type or None,
        "subject_id": audit_event.subject_id,
        "ip": audit_event.ip_address or None,
        "detail": audit_event.detail,
    }


def _signed_in_user() -> User | None:
    if has_request_context() and current_user.is_authenticated:
        return current_user._get_current_object()
    return None


def _label(user: User | None) -> str:
    if user is not None:
        return user.email
    return "" if has_request_context() else COMMAND_LINE_LABEL


def _subject(subject) -> tuple[str, int | None]:
    if subject is None:
        return "", None
    if isinstance(subject, tuple):
        return subject
    return type(subject).__name__, subject.id


# Keeping attempts and refusals when their request saves nothing

@event.listens_for(Session, "after_commit")
def _forget_committed_events(session: Session) -> None:
    # An event rolled back before a later commit is no longer persistent, so it stays on the list.
    if has_app_context() and _NOT_YET_COMMITTED in g:
        waiting = [item for item in g.get(_NOT_YET_COMMITTED) if not inspect(item).persistent]
        setattr(g, _NOT_YET_COMMITTED, waiting)


@bp.teardown_app_request
def _keep_events_the_request_did_not_commit(_error: BaseException | None) -> None:
    """A failed sign-in or a refused look at another organisation's record usually ends without a
    commit (the form is shown again, or a 404): whatever else the request did is dropped, as it
    would be anyway, and the events are saved in a transaction of their own."""
    unsaved = g.pop(_NOT_YET_COMMITTED, None)
    if not unsaved:
        return
    try:
        db.session.rollback()
        db.session.add_all(_copy(item) for item in unsaved)
        db.session.commit()
    except SQLAlchemyError:
        db.session.rollback()
        log.exception("Could not save %d audit events (they are in the log above)", len(unsaved))


def _copy(audit_event: AuditEvent) -> AuditEvent:
    columns = ("occurred_at", "action", "outcome", "actor_id", "actor_label", "organisation_id", "subject_type",
               "subject_id", "ip_address", "detail")
    return AuditEvent(**{name: getattr(audit_event, name) for name in columns})


# Records that belong to one organisation

def organisation_scoped(statement: Select, owner: ColumnElement[int], organisation_id: int):
    """The row ``statement`` selects (by id) when ``owner`` is ``organisation_id``; None when there is
    no such row or it is another organisation's. The caller answers both with the same 404, so the
    answer says nothing about other organisations, but the second is recorded as a refusal."""
    row = db.session.execute(statement.add_columns(owner)).first()
    if row is None:
        return None
    found, owner_id = row
    if owner_id != organisation_id:
        refuse_other_organisation(found, organisation_id, owner_id)
        return None
    return found


def refuse_other_organisation(subject: db.Model | tuple[str, int], organisation_id: int,
                              owner_organisation_id: int | None = None) -> None:
    """Record that someone of ``organisation_id`` asked for a record that is not theirs to see."""
    record(AuditAction.CROSS_ORGANISATION_REFUSED, organisation_id=organisation_id, subject=subject,
           detail={"owner_organisation_id": owner_organisation_id} if owner_organisation_id else None)


# Reading the trail

@dataclass(frozen=True)
class AuditFilters:
    action: AuditAction | None = None
    person: str = ""
    organisation_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    address: str = ""


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filtered_events(filters: AuditFilters) -> Select:
    query = select(AuditEvent)
    if filters.action is not None:
        query = query.where(AuditEvent.action == filters.action.value)
    if filters.person:
        pattern = f"%{_like_escaped(filters.person.strip().lower())}%"
        query = query.where(AuditEvent.actor_label.ilike(pattern, escape="\\"))
    if filters.organisation_id is not None:
        query = query.where(AuditEvent.organisation_id == filters.organisation_id)
    if filters.date_from is not None:
        query = query.where(AuditEvent.occurred_at >= datetime.combine(filters.date_from, datetime.min.time()))
    if filters.date_to is not None:
        query = query.where(AuditEvent.occurred_at < datetime.combine(filters.date_to + timedelta(days=1), datetime.min.time()))
    if filters.address:
        query = query.where(AuditEvent.ip_address.startswith(filters.address.strip(), autoescape=True))
    return query.order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())


def events_page(filters: AuditFilters, page: int) -> Pagination:
    """Newest first, PAGE_SIZE to a page; a page past the end is empty rather than an error."""
    return db.paginate(filtered_events(filters), page=page, per_page=PAGE_SIZE, error_out=False)


def organisation_reviews(organisation_id: int) -> list[AuditEvent]:
    """Who approved, suspended or reinstated the organisation, when and why, newest first."""
    return list(db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.organisation_id == organisation_id, AuditEvent.action.in_([a.value for a in ORGANISATION_REVIEWS]))
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
    ))


def events_about(user_id: int) -> Select:
    """The events a person took part in: as the actor, or as the account acted on (a failed sign-in
    with their email address, a reset of their password)."""
    return select(AuditEvent).where(or_(
        AuditEvent.actor_id == user_id,
        (AuditEvent.subject_type == User.__name__) & (AuditEvent.subject_id == user_id),
    ))


def purge_older_than(months: int, now: datetime) -> int:
    result = db.session.execute(delete(AuditEvent).where(AuditEvent.occurred_at < now - relativedelta(months=months)))
    return result.rowcount
