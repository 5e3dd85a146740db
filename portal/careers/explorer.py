"""The role explorer's pages, read from the published content and live from the portal: open vacancies,
apprenticeships, pay seen in adverts and what the skills passport expects for a role."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select

from portal.careers.content import ENTRY_BUCKETS, RoleContent
from portal.careers.services import CareersContent
from portal.extensions import db
from portal.indexing.services import search_vacancies
from portal.jobsearch.params import SearchParams
from portal.jobsearch.services import Listing, listings_for, search_query
from portal.locations.services import find_place
from portal.passport.catalogue import role_requirements
from portal.reference.models import JobRole, PayBand, Sector
from portal.templating import format_money
from portal.vacancies.models import PAY_PERIOD_LABELS, ContractType, Vacancy

MAX_COMPARED = 3
NEAREST_SHOWN = 3
NEAR_RADIUS_MILES = 20
PAY_SCALE = "the NHS pay scale, called Agenda for Change"


@dataclass(frozen=True)
class RoleCard:
    code: str
    name: str
    summary: str

    @property
    def letter(self) -> str:
        return self.name[:1].upper()


def role_cards(content: CareersContent, *, interest: str = "", sector: str = "", entry: str = "") -> list[RoleCard]:
    """Every role with a page, A to Z, narrowed by interest area, sector and way in."""
    cards = []
    for job_role in _job_roles():
        role = content.roles.get(job_role.code)
        if interest and (role is None or interest not in role.interests):
            continue
        if sector and (role is None or sector not in role.sectors):
            continue
        if entry and (role is None or entry not in role.entry_buckets):
            continue
        cards.append(RoleCard(job_role.code, job_role.name, role.summary if role else ""))
    return sorted(cards, key=lambda card: card.name.lower())


def _job_roles() -> list[JobRole]:
    return list(db.session.scalars(select(JobRole)))


def sector_names() -> dict[str, str]:
    return dict(db.session.execute(select(Sector.code, Sector.name).order_by(Sector.position)).all())


def entry_bucket_labels() -> dict[str, str]:
    return {bucket: label for bucket, (label, _kinds) in ENTRY_BUCKETS.items()}


@dataclass(frozen=True)
class Pay:
    """Pay in words, and what it is based on."""

    amount: str
    basis: str
    low: float | None = None
    high: float | None = None
    unit: str = "YEAR"


def role_pay(job_role: JobRole, role: RoleContent | None) -> Pay:
    if job_role.pay_kind == "band" and job_role.typical_band:
        band = db.session.get(PayBand, job_role.typical_band)
        if band:
            return Pay(
                f"{_range(band.annual_min, band.annual_max)} a year",
                f"{band.name} of {PAY_SCALE}, which sets pay for most NHS jobs. Employers outside the NHS "
                "set their own pay.",
                band.annual_min, band.annual_max, "YEAR",
            )
    period = "hour" if job_role.pay_kind == "hourly" else "year"
    seen = _advertised_pay(job_role.code, period)
    if seen:
        count, low, high = seen
        adverts = "advert" if count == 1 else "adverts"
        return Pay(f"{_range(low, high)} {PAY_PERIOD_LABELS[period]}",
                   f"The range in the {count} open {adverts} for this role on this site now.",
                   low, high, period.upper())
    if job_role.pay_kind == "hourly" and job_role.hourly_max:
        return Pay(f"{_range(job_role.hourly_min, job_role.hourly_max)} an hour",
                   "Typical pay for this role in the region. No adverts for it are open on this site now.",
                   job_role.hourly_min, job_role.hourly_max, "HOUR")
    return Pay("Pay varies by employer", (role.pay_note if role else "") or "Adverts on this site show the pay.")


def _range(low: float | None, high: float | None) -> str:
    if low is None or high is None or low == high:
        return format_money(low if low is not None else high)
    return f"{format_money(low)} to {format_money(high)}"


def _advertised_pay(code: str, period: str) -> tuple[int, float, float] | None:
    count, low, high = db.session.execute(
        select(func.count(), func.min(func.coalesce(Vacancy.pay_min, Vacancy.pay_max)),
               func.max(func.coalesce(Vacancy.pay_max, Vacancy.pay_min)))
        .where(Vacancy.role_code == code, Vacancy.pay_period == period, Vacancy.is_live(date.today()),
               func.coalesce(Vacancy.pay_min, Vacancy.pay_max) > 0)
    ).one()
    return (count, low, high) if count else None


@dataclass(frozen=True)
class LiveVacancies:
    """Open vacancies for a role: how many, the nearest few (or newest) and the search that lists them."""

    total: int
    shown: list[Listing]
    search_args: dict
    place_name: str | None = None
    place_unknown: str = ""


def live_vacancies(codes: tuple[str, ...], place: str = "", *, apprenticeships: bool = False,
                   shown: int = NEAREST_SHOWN) -> LiveVacancies:
    params = SearchParams(role=codes, contract_type=(ContractType.APPRENTICESHIP.value,) if apprenticeships else ())
    found = find_place(place) if place else None
    if found:
        params = replace(params, location=place, place_name=found.name, near=(found.latitude, found.longitude),
                         radius=NEAR_RADIUS_MILES)
    result = search_vacancies(search_query(params, sort="distance" if found else "newest", per_page=max(shown, 1)))
    return LiveVacancies(
        total=result.total,
        shown=listings_for(result.hits[:shown]),
        search_args=params.query_args(),
        place_name=found.name if found else None,
        place_unknown=place if place and not found else "",
    )


def apprenticeship_roles(content: CareersContent, code: str) -> tuple[str, ...]:
    """The role itself and the apprentice roles that lead into it: where apprenticeships into it are advertised."""
    leading_in = {
        other for other, role in content.roles.items()
        if code in role.leads_to and role.apprenticeship_routes and "apprentice" in other
    }
    leading_in |= {
        step.from_role for pathway in content.pathways.values() for step in pathway.steps
        if step.to_role == code and "apprentice" in step.from_role
    }
    return (code, *sorted(leading_in))


@dataclass(frozen=True)
class Requirement:
    title: str
    level: str


def passport_requirements(code: str) -> list[Requirement]:
    return [
        Requirement(requirement.competence.title,
                    level.label if (level := requirement.competence.level(requirement.level_code)) else "")
        for requirement in role_requirements(code)
    ]


@dataclass(frozen=True)
class ComparedRole:
    job_role: JobRole
    role: RoleContent | None
    pay: Pay
    open_vacancies: int
    leads_to: list[JobRole]
    settings: tuple[str, ...]


def compared_roles(content: CareersContent, codes: list[str]) -> list[ComparedRole]:
    job_roles = {role.code: role for role in _job_roles()}
    counts = open_vacancy_counts()
    compared = []
    for code in dict.fromkeys(codes):
        job_role = job_roles.get(code)
        if job_role is None:
            continue
        role = content.roles.get(code)
        compared.append(ComparedRole(
            job_role=job_role, role=role, pay=role_pay(job_role, role), open_vacancies=counts.get(code, 0),
            leads_to=[job_roles[next_code] for next_code in (role.leads_to if role else ()) if next_code in job_roles],
            settings=role.settings if role else (),
        ))
    return compared


def open_vacancy_counts() -> dict[str, int]:
    return dict(db.session.execute(
        select(Vacancy.role_code, func.count()).where(Vacancy.is_live(date.today())).group_by(Vacancy.role_code)
    ).all())


@dataclass(frozen=True)
class NeededRole:
    code: str
    name: str
    open_vacancies: int
    longest_open_days: int


def roles_we_need_most(limit: int = 6) -> list[NeededRole]:
    """The roles with the most open vacancies, then the longest open, from live adverts."""
    today = date.today()
    rows = db.session.execute(
        select(JobRole.code, JobRole.name, func.count(Vacancy.id), func.min(Vacancy.published_at))
        .join(Vacancy, Vacancy.role_code == JobRole.code)
        .where(Vacancy.is_live(today), Vacancy.contract_type != ContractType.VOLUNTEER.value)
        .group_by(JobRole.code, JobRole.name)
        .order_by(func.count(Vacancy.id).desc(), func.min(Vacancy.published_at), JobRole.name)
        .limit(limit)
    ).all()
    return [
        NeededRole(code, name, count, (today - first.date()).days if first else 0)
        for code, name, count, first in rows
    ]

