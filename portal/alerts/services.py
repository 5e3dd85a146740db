"""Job alerts: saved searches, confirmed by email, whose new matches are emailed as a digest."""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from flask import current_app, url_for
from itsdangerous import BadSignature, SignatureExpired, URLSafeSerializer, URLSafeTimedSerializer
from sqlalchemy import delete, func, or_, select, update
from werkzeug.datastructures import MultiDict

from portal.accounts.models import User
from portal.accounts.services import find_user_by_email, normalise_email
from portal.alerts.models import MAX_LABEL_LENGTH, AlertDelivery, DeliveryState, Frequency, JobAlert
from portal.employers.models import Organisation, OrganisationStatus
from portal.extensions import db
from portal.indexing.services import search_vacancies, sync_index
from portal.jobsearch.labels import labels
from portal.jobsearch.params import CODE_FILTERS, SearchParams, parse_search_args
from portal.jobsearch.services import employer_names, listing, load_vacancies, search_query
from portal.mail import send_email
from portal.refusals import Conflict, Refused
from portal.templating import format_money
from portal.time import utcnow
from portal.vacancies.models import Vacancy
from search import MAX_PER_PAGE, SearchQuery

log = logging.getLogger(__name__)

CONFIRM_MAX_AGE = timedelta(days=7)
MAX_ALERTS_PER_EMAIL = 20
# A run claims one alert at a time; this is far longer than one alert's search and email take.
CLAIM_DURATION = timedelta(minutes=10)
# Alerts falling due within this long count as due now, so a run scheduled a little early still finds them.
DUE_LEEWAY = timedelta(hours=1)
# Each run looks this far behind the previous one, for vacancies committed or indexed late;
# the delivery ledger keeps the overlap from sending anything twice.
MATCH_OVERLAP = timedelta(days=1)
# The first digest, sent on request, lists at most this many of the jobs already open.
FIRST_DIGEST_SIZE = 20


class TooManyAlerts(Conflict):
    def __init__(self):
        super().__init__(f"You already have {MAX_ALERTS_PER_EMAIL} job alerts. Delete one before adding another.")


class InvalidLink(Refused):
    """The link was altered, or has expired."""

    message = "This link has been changed or has expired."


# Saving and describing searches


def saved_search(params: SearchParams) -> dict[str, object]:
    """The parts of a search an alert keeps: what to match, not how to page, sort or date it.

    Lists are sorted, so the same search always saves the same way.
    """
    args = params.query_args(page=1, sort=None, posted_within=None)
    return {name: sorted(value) if isinstance(value, list) else value for name, value in args.items()}


def alert_params(alert: JobAlert) -> SearchParams:
    """The alert's search, read back with the search page's parser, so it matches what the page would."""
    args = MultiDict()
    for name, value in alert.search_args.items():
        for item in value if isinstance(value, list) else [value]:
            args.add(name, str(item))
    parsed = parse_search_args(args)
    if parsed.problems:
        # A place or list value removed since the alert was saved: the rest of the search still applies.
        log.warning("Job alert %s: search values no longer recognised: %s", alert.id, parsed.problems)
    return parsed.params


def describe_alert(params: SearchParams) -> str:
    """The search in words, like: “nurse” within 10 miles of Leicester; Permanent."""
    parts = []
    if params.q:
        parts.append(f"\u201c{params.q}\u201d")
    if params.place_name:
        parts.append(f"within {params.radius} {'mile' if params.radius == 1 else 'miles'} of {params.place_name}")
    known = labels()
    for name, attribute in CODE_FILTERS.items():
        selected = set(getattr(params, name))
        parts.append(" or ".join(label for code, label in getattr(known, attribute).items() if code in selected))
    if params.employer:
        parts.append(" or ".join(employer_names(params.employer).values()))
    if params.min_pay:
        parts.append(f"paying at least {format_money(params.min_pay)} a year")
    label = "; ".join(part for part in parts if part) or "All jobs"
    return label if len(label) <= MAX_LABEL_LENGTH else label[: MAX_LABEL_LENGTH - 1].rstrip() + "\u2026"


# Creating, confirming and managing alerts


def create_alert(params: SearchParams, frequency: str, recipient: User | str) -> tuple[JobAlert, bool]:
    """The alert for this search and recipient, and whether it is new.

    A signed-in person's alert goes to their account's address and needs no confirmation;
    one for an email address waits until its owner opens the link emailed to them
    (:func:`send_confirmation`). Saving the same search again returns the existing alert, which a
    signed-in person's account takes over if it was set up from their address before signing in.
    """
    user = None if isinstance(recipient, str) else recipient
    email = normalise_email(recipient if user is None else user.email)
    query = json.dumps(saved_search(params), sort_keys=True)
    existing = db.session.scalar(select(JobAlert).where(JobAlert.email == email, JobAlert.query == query))
    if existing is not None:
        if user is not None and existing.user_id is None:
            # Set up before signing in, from the same address: it becomes this account's.
            existing.user_id = user.id
            existing.confirmed_at = existing.confirmed_at or utcnow()
        return existing, False
    if db.session.scalar(select(func.count()).where(JobAlert.email == email)) >= MAX_ALERTS_PER_EMAIL:
        raise TooManyAlerts()
    now = utcnow()
    alert = JobAlert(
        user_id=user.id if user else None,
        email=email,
        query=query,
        label=describe_alert(params),
        frequency=Frequency(frequency).value,
        created_at=now,
        confirmed_at=now if user else None,
        next_due_at=now + Frequency(frequency).period,
    )
    db.session.add(alert)
    db.session.flush()
    return alert, True


def _confirm_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="alert-confirm")


def _unsubscribe_serializer() -> URLSafeSerializer:
    # No expiry: an unsubscribe link in an old email must still work.
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="alert-unsubscribe")


def _address_fingerprint(alert: JobAlert) -> str:
    # Links carry this rather than the address itself, which would be readable in them.
    return hashlib.sha256(alert.email.encode()).hexdigest()[:16]


def _token_payload(alert: JobAlert) -> dict:
    # The address as well as the id, so a link never reaches someone else's alert if an id is reused.
    return {"alert": alert.id, "address": _address_fingerprint(alert)}


def _alert_for_payload(payload) -> JobAlert | None:
    if not isinstance(payload, dict) or not isinstance(payload.get("alert"), int):
        raise InvalidLink()
    alert = db.session.get(JobAlert, payload["alert"])
    return alert if alert is not None and _address_fingerprint(alert) == payload.get("address") else None


def confirm_link(alert: JobAlert) -> str:
    return url_for("alerts.confirm", token=_confirm_serializer().dumps(_token_payload(alert)), _external=True)


def unsubscribe_link(alert: JobAlert) -> str:
    return url_for("alerts.unsubscribe", token=_unsubscribe_serializer().dumps(_token_payload(alert)), _external=True)


def alert_to_confirm(token: str) -> JobAlert | None:
    """The alert a confirmation link names; None when it has since been deleted."""
    try:
        payload = _confirm_serializer().loads(token, max_age=int(CONFIRM_MAX_AGE.total_seconds()))
    except (SignatureExpired, BadSignature) as problem:
        raise InvalidLink() from problem
    return _alert_for_payload(payload)


def alert_to_unsubscribe(token: str) -> JobAlert | None:
    """The alert an unsubscribe link names; None when it has already gone."""
    try:
        payload = _unsubscribe_serializer().loads(token)
    except BadSignature as problem:
        raise InvalidLink() from problem
    return _alert_for_payload(payload)


def send_confirmation(alert: JobAlert) -> None:
    send_email(
        alert.email,
        "Confirm your job alert",
        "alert_confirm",
        headers=unsubscribe_headers(alert),
        alert=alert,
        link=confirm_link(alert),
        unsubscribe_link=unsubscribe_link(alert),
        search_link=search_link(alert),
        max_age_days=CONFIRM_MAX_AGE.days,
    )


def confirm_alert(alert: JobAlert) -> None:
    """Start the alert. Opening the link proves the address, so the alert joins that address's account."""
    if alert.confirmed_at is None:
        alert.confirmed_at = utcnow()
    if alert.user_id is None and (owner := find_user_by_email(alert.email)) is not None:
        alert.user_id = owner.id


def alerts_of(user: User) -> list[JobAlert]:
    return list(db.session.scalars(select(JobAlert).where(JobAlert.user_id == user.id).order_by(JobAlert.id)))


def alert_of(user: User, alert_id: int) -> JobAlert | None:
    alert = db.session.get(JobAlert, alert_id)
    return alert if alert is not None and alert.user_id == user.id else None


def update_alert(alert: JobAlert, label: str, frequency: str) -> None:
    alert.label = label.strip()[:MAX_LABEL_LENGTH]
    if frequency != alert.frequency:
        alert.frequency = Frequency(frequency).value
        alert.next_due_at = (alert.last_checked_at or alert.created_at) + Frequency(frequency).period


def delete_alert(alert: JobAlert) -> None:
    """Its delivery ledger goes with it (the foreign key cascades)."""
    db.session.delete(alert)


def delete_unconfirmed_alerts(now: datetime) -> int:
    """Forget alerts whose confirmation link has expired unused."""
    result = db.session.execute(
        delete(JobAlert).where(JobAlert.confirmed_at.is_(None), JobAlert.created_at < now - CONFIRM_MAX_AGE)
    )
    return result.rowcount


def vacancy_link(vacancy: Vacancy) -> str:
    return url_for("vacancies.detail", vacancy_id=vacancy.id, slug=vacancy.slug, _external=True)


def search_link(alert: JobAlert) -> str:
    return url_for("jobsearch.search", _external=True, **alert.search_args)


def unsubscribe_headers(alert: JobAlert) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers: mail programs show an unsubscribe button that needs no sign-in."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_link(alert)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


# Digests


@dataclass
class DigestRun:
    alerts_checked: int = 0
    emails_sent: int = 0
    vacancies_sent: int = 0
    failures: int = 0

    @property
    def without_new_jobs(self) -> int:
        return self.alerts_checked - self.emails_sent - self.failures


def send_due_digests(now: datetime | None = None, frequency: str | None = None) -> DigestRun:
    """Email every due, confirmed alert the vacancies that matched it since its last digest.

    Safe to run twice at once and to stop at any point; this is the one service that commits,
    because each commit is a step the next run can rely on:

    1. A run claims an alert with a compare-and-set update, so no two runs work on it together
       (a claim left by a run that died expires after ``CLAIM_DURATION``).
    2. New matches go into the alert's ledger as *pending*, and are committed. The ledger holds
       each vacancy once per alert, so a vacancy is never put in two digests.
    3. One email lists every pending vacancy still open, including any left pending by a run
       that failed, so nothing is missed; it is queued in the mail outbox in the same commit that
       marks them *sent* and releases the alert, so it goes exactly once.

    An email that cannot be made leaves its vacancies pending, and the alert due, for the next run.
    """
    now = now or utcnow()
    run = DigestRun()
    run_frequency = Frequency(frequency) if frequency else None
    sync_index()
    for alert_id in due_alert_ids(now, run_frequency):
        if not claim_alert(alert_id, now):
            continue
        alert = db.session.get(JobAlert, alert_id)
        if alert is None:
            continue
        run.alerts_checked += 1
        try:
            sent = send_digest(alert, now)
        except Exception:
            log.exception("Job alert %s: digest failed; its matches stay pending for the next run", alert_id)
            db.session.rollback()
            release_alert(alert_id)
            db.session.commit()
            run.failures += 1
            continue
        if sent:
            run.emails_sent += 1
            run.vacancies_sent += sent
    return run


def _due(now: datetime, frequency: Frequency | None):
    conditions = [JobAlert.confirmed_at.is_not(None), JobAlert.next_due_at <= now + DUE_LEEWAY]
    if frequency is not None:
        conditions.append(JobAlert.frequency == frequency.value)
    return conditions


def next_due_at(now: datetime, frequency: str | None = None) -> datetime | None:
    """When the next confirmed alert (of this frequency) falls due after this run."""
    query = select(func.min(JobAlert.next_due_at)).where(JobAlert.confirmed_at.is_not(None))
    if frequency:
        query = query.where(JobAlert.frequency == Frequency(frequency).value)
    return db.session.scalar(query)


def can_send_first_digest(alert: JobAlert) -> bool:
    return alert.confirmed_at is not None and alert.last_checked_at is None


def send_first_digest(alert_id: int, now: datetime) -> int | None:
    """Send a new alert's first digest at once: the newest open jobs it matches, however long ago they were posted.

    Returns how many jobs it listed, or None when the alert has had its first digest already (or it is being
    sent now, by a second click or a scheduled run: the claim is a compare-and-set, as in
    :func:`send_due_digests`). Its next digest is then due one period from now and lists only what is new.
    Commits, like :func:`send_due_digests`, so each step holds if a later one fails.
    """
    clock = utcnow()
    claimed = db.session.execute(
        update(JobAlert)
        .where(
            JobAlert.id == alert_id,
            JobAlert.confirmed_at.is_not(None),
            JobAlert.last_checked_at.is_(None),
            or_(JobAlert.claimed_until.is_(None), JobAlert.claimed_until < clock),
        )
        .values(claimed_until=clock + CLAIM_DURATION, next_due_at=now)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if claimed.rowcount != 1:
        return None
    sync_index()
    alert = db.session.get(JobAlert, alert_id)
    db.session.refresh(alert)
    try:
        return send_digest(alert, now, first=True)
    except Exception:
        # Its matches stay pending and the alert due, so the next scheduled run sends them.
        db.session.rollback()
        release_alert(alert_id)
        db.session.commit()
        raise


def due_alert_ids(now: datetime, frequency: Frequency | None = None) -> list[int]:
    return list(db.session.scalars(
        select(JobAlert.id).where(*_due(now, frequency)).order_by(JobAlert.next_due_at, JobAlert.id)
    ))


def claim_alert(alert_id: int, now: datetime) -> bool:
    """Claim a due alert for this run; False when another run holds it or has just sent it."""
    clock = utcnow()
    result = db.session.execute(
        update(JobAlert)
        .where(
            JobAlert.id == alert_id,
            *_due(now, None),
            or_(JobAlert.claimed_until.is_(None), JobAlert.claimed_until < clock),
        )
        .values(claimed_until=clock + CLAIM_DURATION)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def release_alert(alert_id: int) -> None:
    db.session.execute(
        update(JobAlert).where(JobAlert.id == alert_id).values(claimed_until=None)
        .execution_options(synchronize_session=False)
    )


def send_digest(alert: JobAlert, now: datetime, first: bool = False) -> int:
    """Steps 2 and 3 of :func:`send_due_digests` for one claimed alert; returns how many vacancies it sent.

    ``first``: the digest asked for when the alert is made, listing jobs that were open already."""
    matches = open_matches(alert, now) if first else new_matches(alert, now)
    db.session.add_all(
        AlertDelivery(alert_id=alert.id, vacancy_id=vacancy_id, created_at=now) for vacancy_id in matches
    )
    db.session.commit()

    pending = list(db.session.scalars(
        select(AlertDelivery).where(AlertDelivery.alert_id == alert.id, AlertDelivery.state == DeliveryState.PENDING)
    ))
    vacancies = load_vacancies([delivery.vacancy_id for delivery in pending])
    today = date.today()
    still_open = sorted(
        (vacancy for vacancy in vacancies.values() if vacancy.is_live(today)),
        key=lambda vacancy: (vacancy.published_at or vacancy.created_at, vacancy.id),
        reverse=True,
    )
    if still_open:
        send_digest_email(alert, still_open)
        alert.last_digest_at = now
    open_ids = {vacancy.id for vacancy in still_open}
    for delivery in pending:
        if delivery.vacancy_id in open_ids:
            delivery.state, delivery.sent_at = DeliveryState.SENT.value, now
        else:
            delivery.state = DeliveryState.SKIPPED.value
    alert.last_checked_at = now
    alert.next_due_at = next_due(alert, now)
    alert.claimed_until = None
    db.session.commit()
    return len(still_open)


def new_matches(alert: JobAlert, now: datetime) -> list[int]:
    """Open vacancies matching the alert that were not public when it was made and are not yet in its ledger.

    Most are found among vacancies posted since the last run. Those an employer posted while it
    waited for approval (or was suspended) become public only when it is approved, with their
    original posting dates, so the vacancies of employers approved since then are searched too.
    """
    since = (alert.last_checked_at or alert.created_at) - MATCH_OVERLAP
    params = alert_params(alert)
    query = replace(
        search_query(params, sort="newest", per_page=MAX_PER_PAGE, page=1), now=now, any_word_fallback=False
    )
    # The index keeps whole seconds: one more keeps a vacancy posted in the window's first second.
    window = now - since + timedelta(seconds=1)
    found = every_hit(replace(query, posted_within_days=window / timedelta(days=1)))
    if employers := employers_approved_since(since, params.employer):
        found += every_hit(replace(query, employer_id=employers))
    if not found:
        return []
    in_ledger = select(AlertDelivery.vacancy_id).where(AlertDelivery.alert_id == alert.id)
    return list(db.session.scalars(
        select(Vacancy.id)
        .join(Vacancy.organisation)
        .where(
            Vacancy.id.in_(found),
            or_(Vacancy.published_at > alert.created_at, Organisation.reviewed_at > alert.created_at),
            Vacancy.id.not_in(in_ledger),
        )
        .order_by(Vacancy.id)
    ))


def open_matches(alert: JobAlert, now: datetime) -> list[int]:
    """The newest open vacancies matching the alert (one digest's worth), whenever they were posted."""
    query = replace(
        search_query(alert_params(alert), sort="newest", per_page=FIRST_DIGEST_SIZE, page=1),
        now=now, any_word_fallback=False,
    )
    return [hit.id for hit in search_vacancies(query).hits]


def every_hit(query: SearchQuery) -> list[int]:
    """The ids of every vacancy the query finds, page by page."""
    found: list[int] = []
    while True:
        result = search_vacancies(query)
        found += [hit.id for hit in result.hits]
        if query.page >= result.pages:
            return found
        query = replace(query, page=query.page + 1)


def employers_approved_since(since: datetime, among: tuple[int, ...]) -> tuple[int, ...]:
    """Approved employers whose status changed since then, limited to ``among`` when it names any."""
    query = select(Organisation.id).where(
        Organisation.status == OrganisationStatus.APPROVED, Organisation.reviewed_at >= since
    )
    if among:
        query = query.where(Organisation.id.in_(among))
    return tuple(db.session.scalars(query.order_by(Organisation.id)))


def next_due(alert: JobAlert, now: datetime) -> datetime:
    """The alert's next slot on its own daily or weekly beat, skipping any slots a stopped scheduler missed."""
    period = Frequency(alert.frequency).period
    missed = max(0, (now - alert.next_due_at) // period)
    return alert.next_due_at + period * (missed + 1)


def send_digest_email(alert: JobAlert, vacancies: list[Vacancy]) -> None:
    known = labels()
    count = len(vacancies)
    subject = f"{count} new {'job' if count == 1 else 'jobs'}: {alert.label}"
    send_email(
        alert.email,
        subject if len(subject) <= 120 else subject[:119].rstrip() + "\u2026",
        "alert_digest",
        headers=unsubscribe_headers(alert),
        alert=alert,
        jobs=[(listing(vacancy, None, known), vacancy_link(vacancy)) for vacancy in vacancies],
        search_link=search_link(alert),
        alerts_link=url_for("alerts.index", _external=True) if alert.user_id else None,
        unsubscribe_link=unsubscribe_link(alert),
    )
