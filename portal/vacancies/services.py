"""Vacancies: the rules for creating, publishing, closing and reposting them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from slugify import slugify
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.audit.services import organisation_scoped
from portal.employers.models import Organisation, OrganisationStatus, Site
from portal.extensions import db
from portal.indexing.services import search_vacancies
from portal.locations.services import distance_miles, find_place
from portal.reference.models import JobRole, PayBand, RoleFamily
from portal.refusals import Conflict
from portal.time import utcnow
from portal.vacancies.models import FLAG_LABELS, ApplyMethod, Vacancy, VacancyStatus
from search import SearchQuery

OPTIONAL_PATTERNS = ("shifts", "nights", "weekends")
SLUG_MAX_LENGTH = 80
SIMILAR_VACANCIES = 5
# Columns a repost starts afresh rather than copying from the original. The reference names one
# vacancy of the organisation, so the copy needs a reference of its own.
NOT_COPIED_ON_REPOST = {
    "id", "status", "created_at", "updated_at", "published_at", "closed_at", "reposted_from_id", "external_ref",
}


class VacancyActionRefused(Conflict):
    """The vacancy's state does not allow the action; the message tells the recruiter why."""


class ReferenceInUse(Conflict):
    """Another of the organisation's vacancies has this reference."""

    field = "external_ref"


@dataclass
class VacancyDetails:
    """Everything a recruiter writes about a vacancy. Organisation, sector and status are not in it:
    they come from the recruiter's organisation and from the life-cycle actions."""

    title: str
    role_code: str
    contract_type: str
    working_time: str
    hours_per_week: float | None
    patterns: list[str]
    pay_band_code: str | None
    pay_min: float | None
    pay_max: float | None
    pay_period: str | None
    closing_date: date
    summary: str
    description: str
    requirements: str
    benefits: str
    flags: list[str]
    site_ids: list[int]
    external_ref: str | None
    apply_method: str
    apply_url: str | None
    max_applications: int | None = None
    anonymised_shortlisting: bool = False
    # None: as the job's flags suggest (see Vacancy.cv_required_by_default).
    cv_required: bool | None = None


@dataclass
class Distance:
    place_name: str
    miles: float


def make_slug(title: str) -> str:
    return slugify(title, max_length=SLUG_MAX_LENGTH, word_boundary=True) or "vacancy"


def job_roles() -> list[JobRole]:
    return list(db.session.scalars(
        select(JobRole).join(JobRole.family).options(selectinload(JobRole.family))
        .order_by(RoleFamily.position, JobRole.name)
    ))


def pay_bands() -> list[PayBand]:
    return list(db.session.scalars(select(PayBand).order_by(PayBand.position)))


def get_vacancy_for_organisation(vacancy_id: int, organisation_id: int) -> Vacancy | None:
    return organisation_scoped(select(Vacancy).where(Vacancy.id == vacancy_id), Vacancy.organisation_id, organisation_id)


def get_public_vacancy(vacancy_id: int) -> Vacancy | None:
    """A published or closed vacancy of an approved organisation; drafts and the vacancies of
    organisations awaiting approval or suspended are not public."""
    return db.session.scalar(
        select(Vacancy)
        .join(Vacancy.organisation)
        .where(
            Vacancy.id == vacancy_id,
            Vacancy.status.in_([VacancyStatus.PUBLISHED, VacancyStatus.CLOSED]),
            Organisation.status == OrganisationStatus.APPROVED,
        )
    )


def organisation_vacancies(organisation_id: int) -> dict[VacancyStatus, list[Vacancy]]:
    vacancies = db.session.scalars(
        select(Vacancy)
        .where(Vacancy.organisation_id == organisation_id)
        .options(selectinload(Vacancy.sites), selectinload(Vacancy.pay_band))
        .order_by(Vacancy.closing_date, Vacancy.id.desc())
    )
    by_status: dict[VacancyStatus, list[Vacancy]] = {status: [] for status in VacancyStatus}
    for vacancy in vacancies:
        by_status[VacancyStatus(vacancy.status)].append(vacancy)
    return by_status


def has_closed(vacancy: Vacancy, today: date) -> bool:
    """Closed to applicants, including when the closing date has passed but the daily close has not run."""
    return vacancy.status == VacancyStatus.CLOSED or vacancy.closing_date < today


def _organisation_sites(organisation: Organisation, site_ids: list[int]) -> list[Site]:
    return list(db.session.scalars(
        select(Site).where(Site.organisation_id == organisation.id, Site.id.in_(site_ids)).order_by(Site.id)
    ))


def _check_reference_free(vacancy: Vacancy, organisation: Organisation, reference: str | None) -> None:
    if reference is None:
        return
    others = select(Vacancy.id).where(Vacancy.organisation_id == organisation.id, Vacancy.external_ref == reference)
    if vacancy.id is not None:
        others = others.where(Vacancy.id != vacancy.id)
    if db.session.scalar(others.limit(1)) is not None:
        raise ReferenceInUse(f"Another of your vacancies has the reference {reference}. Enter a different reference")


def _apply_details(vacancy: Vacancy, organisation: Organisation, details: VacancyDetails) -> None:
    # Read first: a query would otherwise flush the half-changed vacancy.
    _check_reference_free(vacancy, organisation, details.external_ref)
    sites = _organisation_sites(organisation, details.site_ids)
    pay = _pay(details)
    vacancy.title = details.title
    vacancy.slug = make_slug(details.title)
    vacancy.role_code = details.role_code
    vacancy.contract_type = details.contract_type
    vacancy.working_time = details.working_time
    vacancy.hours_per_week = details.hours_per_week
    for pattern in OPTIONAL_PATTERNS:
        setattr(vacancy, f"works_{pattern}", pattern in details.patterns)
    vacancy.pay_band_code = details.pay_band_code
    vacancy.pay_min, vacancy.pay_max, vacancy.pay_period = pay
    vacancy.closing_date = details.closing_date
    vacancy.summary = details.summary
    vacancy.description = details.description
    vacancy.requirements = details.requirements
    vacancy.benefits = details.benefits
    for flag in FLAG_LABELS:
        setattr(vacancy, flag, flag in details.flags)
    vacancy.sites = sites
    vacancy.external_ref = details.external_ref
    vacancy.apply_method = details.apply_method
    vacancy.apply_url = details.apply_url if details.apply_method == ApplyMethod.EXTERNAL else None
    through_portal = details.apply_method == ApplyMethod.PORTAL
    vacancy.max_applications = details.max_applications if through_portal else None
    vacancy.anonymised_shortlisting = through_portal and details.anonymised_shortlisting
    vacancy.cv_required = vacancy.cv_required_by_default if details.cv_required is None else details.cv_required


def _pay(details: VacancyDetails) -> tuple[float | None, float | None, str]:
    """The amounts given; a chosen Agenda for Change band fills them when none are given."""
    band = db.session.get(PayBand, details.pay_band_code) if details.pay_band_code else None
    if band is not None and details.pay_min is None and details.pay_max is None:
        return band.annual_min, band.annual_max, "year"
    return details.pay_min, details.pay_max, details.pay_period or "year"


def create_vacancy(organisation: Organisation, details: VacancyDetails) -> Vacancy:
    vacancy = Vacancy(
        organisation_id=organisation.id, sector_code=organisation.sector_code, status=VacancyStatus.DRAFT.value
    )
    _apply_details(vacancy, organisation, details)
    db.session.add(vacancy)
    db.session.flush()
    return vacancy


def check_editable(vacancy: Vacancy) -> None:
    if vacancy.status == VacancyStatus.CLOSED:
        raise VacancyActionRefused("This vacancy has closed, so it cannot be changed. Repost it to advertise the job again.")


def update_vacancy(vacancy: Vacancy, details: VacancyDetails) -> Vacancy:
    check_editable(vacancy)
    _apply_details(vacancy, vacancy.organisation, details)
    db.session.flush()
    return vacancy


def publish(vacancy: Vacancy, today: date) -> Vacancy:
    if vacancy.status != VacancyStatus.DRAFT:
        raise VacancyActionRefused("Only a draft can be published.")
    if vacancy.closing_date < today:
        raise VacancyActionRefused("The closing date has passed. Change the closing date, then publish the vacancy.")
    if not vacancy.sites:
        raise VacancyActionRefused("Choose at least one place where the job is based, then publish the vacancy.")
    vacancy.status = VacancyStatus.PUBLISHED.value
    vacancy.published_at = utcnow()
    db.session.flush()
    return vacancy


def _mark_closed(vacancy: Vacancy) -> None:
    vacancy.status = VacancyStatus.CLOSED.value
    vacancy.closed_at = utcnow()


def close(vacancy: Vacancy) -> Vacancy:
    if vacancy.status != VacancyStatus.PUBLISHED:
        raise VacancyActionRefused("Only a published vacancy can be closed.")
    _mark_closed(vacancy)
    db.session.flush()
    return vacancy


def repost(vacancy: Vacancy) -> Vacancy:
    """A new draft copied from a published or closed vacancy; the original is left as it is."""
    if vacancy.status == VacancyStatus.DRAFT:
        raise VacancyActionRefused("Only a published or closed vacancy can be reposted.")
    copied = {
        column.key: getattr(vacancy, column.key)
        for column in Vacancy.__table__.columns
        if column.key not in NOT_COPIED_ON_REPOST
    }
    copy = Vacancy(
        **copied, status=VacancyStatus.DRAFT.value, reposted_from_id=vacancy.id, sites=list(vacancy.sites)
    )
    db.session.add(copy)
    db.session.flush()
    return copy


def close_expired_vacancies(today: date) -> int:
    expired = db.session.scalars(
        select(Vacancy).where(Vacancy.status == VacancyStatus.PUBLISHED, Vacancy.closing_date < today)
    ).all()
    for vacancy in expired:
        _mark_closed(vacancy)
    db.session.flush()
    return len(expired)


def nearest_site_distance(vacancy: Vacancy, near: str) -> Distance | None:
    """How far the vacancy's nearest site is from a town or postcode the visitor searched from."""
    place = find_place(near)
    if place is None:
        return None
    distances = [
        distance_miles((place.latitude, place.longitude), (site.latitude, site.longitude))
        for site in vacancy.sites
        if site.latitude is not None and site.longitude is not None
    ]
    return Distance(place.name, min(distances)) if distances else None


def similar_vacancies(vacancy: Vacancy, today: date, limit: int = SIMILAR_VACANCIES) -> list[Vacancy]:
    """Live vacancies in the same role family, nearest to this one's first site (else newest) first."""
    origin = next(
        ((site.latitude, site.longitude) for site in vacancy.sites if site.latitude is not None), None
    )
    result = search_vacancies(SearchQuery(
        role_family=[vacancy.role.family_code],
        near=origin,
        sort="distance" if origin else "newest",
        per_page=limit + 1,
        today=today,
    ))
    ids = [hit.id for hit in result.hits if hit.id != vacancy.id]
    rows = {
        row.id: row
        for row in db.session.scalars(
            select(Vacancy).where(Vacancy.id.in_(ids)).options(selectinload(Vacancy.organisation), selectinload(Vacancy.sites))
        )
    }
    # The index can trail the database by a moment, so check each one is still live.
    return [rows[id_] for id_ in ids if id_ in rows and rows[id_].is_live(today)][:limit]
