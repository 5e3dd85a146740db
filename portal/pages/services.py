"""What the home page counts, the cookies the site sets and what the sitemap lists."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from portal.careers.services import published_content
from portal.employers.models import Organisation, OrganisationStatus
from portal.extensions import db
from portal.jobsearch.params import SearchParams
from portal.jobsearch.services import Facet, job_counts
from portal.reference.models import JobRole
from portal.vacancies.models import ContractType, Vacancy

# The sitemap protocol allows at most this many addresses in one file.
SITEMAP_LIMIT = 50_000


@dataclass(frozen=True)
class HomeFigures:
    live_jobs: int
    sectors: Facet
    role_families: Facet
    school_leaver_jobs: int
    apprenticeships: int


def home_figures() -> HomeFigures:
    total, facets = job_counts(SearchParams(), ("sector", "role_family", "contract_type", "flags"))
    by_name = {facet.name: facet for facet in facets}

    def count(facet: str, value: str) -> int:
        return next((option.count for option in by_name[facet].options if option.value == value), 0)

    return HomeFigures(
        live_jobs=total,
        sectors=by_name["sector"],
        role_families=by_name["role_family"],
        school_leaver_jobs=count("flags", "school_leavers"),
        apprenticeships=count("contract_type", ContractType.APPRENTICESHIP),
    )


@dataclass(frozen=True)
class Cookie:
    name: str
    purpose: str
    expires: str


def cookies_set(config: Mapping) -> list[Cookie]:
    """Every cookie the site sets. There is one: the session, which holds the sign-in token, the form
    protection (CSRF) token and one-off messages. No analytics or advertising cookies are set."""
    return [
        Cookie(
            name=config["SESSION_COOKIE_NAME"],
            purpose="Keeps you signed in as you move between pages, protects the forms you send from being "
                    "forged by another website, and carries messages such as \u201cYour application has been "
                    "sent\u201d to the next page.",
            expires=f"When you close your browser. A sign-in also ends after "
                    f"{config['SESSION_IDLE_MINUTES_SEEKER']} minutes without use "
                    f"({config['SESSION_IDLE_MINUTES_STAFF']} minutes for employers' and administrators' "
                    f"accounts), and after {config['SESSION_ABSOLUTE_HOURS']} hours at most.",
        ),
    ]


@dataclass(frozen=True)
class SitemapEntry:
    endpoint: str
    values: dict
    lastmod: date | None = None


def _live_vacancies():
    return select(Vacancy).where(Vacancy.is_live(date.today()))


def _approved_organisations():
    return select(Organisation).where(Organisation.status == OrganisationStatus.APPROVED)


def _count(query) -> int:
    return db.session.scalar(select(func.count()).select_from(query.subquery()))


CAREERS_PAGES = ("careers.hub", "careers.roles", "careers.pathways", "careers.quiz_start")
INFORMATION_PAGES = ("pages.help", "pages.contact", "pages.accessibility", "pages.cookies", "pages.terms",
                     "pages.api_docs")
FIXED_PAGES = (
    SitemapEntry("pages.home", {}),
    SitemapEntry("jobsearch.search", {}),
    *(SitemapEntry(endpoint, {}) for endpoint in INFORMATION_PAGES),
)


def _fixed_pages(offset: int, limit: int) -> list[SitemapEntry]:
    return list(FIXED_PAGES[offset:offset + limit])


def _employer_pages(offset: int, limit: int) -> list[SitemapEntry]:
    slugs = db.session.scalars(
        _approved_organisations().with_only_columns(Organisation.slug)
        .order_by(Organisation.id).offset(offset).limit(limit)
    )
    return [SitemapEntry("employers.detail", {"slug": slug}) for slug in slugs]


def _vacancy_pages(offset: int, limit: int) -> list[SitemapEntry]:
    rows = db.session.execute(
        _live_vacancies().with_only_columns(Vacancy.id, Vacancy.slug, Vacancy.updated_at)
        .order_by(Vacancy.id).offset(offset).limit(limit)
    )
    return [
        SitemapEntry("vacancies.detail", {"vacancy_id": id_, "slug": slug}, updated.date())
        for id_, slug, updated in rows
    ]


def _careers_pages() -> list[SitemapEntry]:
    """The careers hub and lists, then a page for every role and every published pathway."""
    content = published_content()
    return [
        *(SitemapEntry(endpoint, {}) for endpoint in CAREERS_PAGES),
        *(SitemapEntry("careers.role", {"code": code}) for code in db.session.scalars(select(JobRole.code).order_by(JobRole.code))),
        *(SitemapEntry("careers.pathway", {"slug": slug}) for slug in content.pathways),
    ]


# Each group of pages: how many there are, and how to read a slice of them.
SITEMAP_GROUPS = (
    (lambda: len(FIXED_PAGES), _fixed_pages),
    (lambda: len(_careers_pages()), lambda offset, limit: _careers_pages()[offset:offset + limit]),
    (lambda: _count(_approved_organisations()), _employer_pages),
    (lambda: _count(_live_vacancies()), _vacancy_pages),
)


def sitemap_part_count() -> int:
    size = sum(count() for count, _ in SITEMAP_GROUPS)
    return max(1, -(-size // SITEMAP_LIMIT))


def sitemap_entries(part: int = 1) -> list[SitemapEntry]:
    """The addresses in one sitemap file: the fixed pages, then employers, then live vacancies."""
    skip, room = (part - 1) * SITEMAP_LIMIT, SITEMAP_LIMIT
    entries: list[SitemapEntry] = []
    for count, read in SITEMAP_GROUPS:
        if skip:
            size = count()
            if skip >= size:
                skip -= size
                continue
        batch = read(skip, room)
        entries += batch
        room -= len(batch)
        skip = 0
        if not room:
            break
    return entries
