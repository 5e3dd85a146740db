"""Job search: turns checked parameters into a search, and the hits back into vacancies with labels."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import defer, joinedload, selectinload

from portal.employers.models import Organisation
from portal.extensions import db
from portal.indexing.services import search_vacancies
from portal.jobsearch.labels import Labels, labels
from portal.jobsearch.params import CODE_FILTERS, DEFAULT_RADIUS_MILES, SearchParams
from portal.reference.synonyms import synonyms
from portal.templating import format_money
from portal.vacancies.models import PAY_PERIOD_LABELS, Vacancy
from search import Hit, SearchQuery, SearchResult

# Search parameter -> the search index field it filters and counts.
FACET_FIELDS = {
    "sector": "sector",
    "role_family": "role_family",
    "employer": "employer_id",
    "contract_type": "contract_type",
    "working_pattern": "working_pattern",
    "flags": "flags",
    "pay_band": "pay_band",
}
FACET_TITLES = {
    "sector": "Type of employer",
    "role_family": "Job family",
    "employer": "Employer",
    "contract_type": "Contract type",
    "working_pattern": "Working pattern",
    "flags": "Requirements and support",
    "pay_band": "Pay band (NHS Agenda for Change)",
}
FEED_SIZE = 50
MAX_EMPLOYER_OPTIONS = 20


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    title: str
    options: list[FacetOption]


@dataclass(frozen=True)
class Listing:
    """One vacancy in a list of results, with what a reader needs to choose it."""

    vacancy: Vacancy
    hit: Hit | None
    employer_name: str
    sector: str
    contract_type: str
    pay: str
    towns: list[str]

    @property
    def distance_miles(self) -> float | None:
        return self.hit.distance_miles if self.hit else None


@dataclass(frozen=True)
class SearchPage:
    params: SearchParams
    result: SearchResult
    listings: list[Listing]
    facets: list[Facet]

    @property
    def total(self) -> int:
        return self.result.total

    @property
    def pages(self) -> int:
        return self.result.pages

    @property
    def last_page(self) -> int:
        return max(self.pages, 1)

    @property
    def past_the_end(self) -> bool:
        return self.params.page > self.last_page

    @property
    def pages_message(self) -> str:
        """Like "There are only 3 pages of results", for a page number past the end."""
        if self.last_page == 1:
            return "There is only 1 page of results"
        return f"There are only {self.last_page} pages of results"


def search_query(params: SearchParams, *, facets=(), sort: str | None = None, per_page: int | None = None,
                 page: int | None = None) -> SearchQuery:
    return SearchQuery(
        text=params.q,
        sector=params.sector,
        role_family=params.role_family,
        role=params.role,
        employer_id=params.employer,
        contract_type=params.contract_type,
        working_pattern=params.working_pattern,
        flags=params.flags,
        pay_band=params.pay_band,
        min_pay=params.min_pay,
        posted_within_days=params.posted_within,
        near=params.near,
        radius_miles=params.radius if params.near else None,
        sort=sort or params.applied_sort,
        page=page or params.page,
        per_page=per_page or params.per_page,
        facets=[FACET_FIELDS[name] for name in facets],
        today=date.today(),
        correct_spelling=not params.as_typed,
        synonyms=synonyms(),
    )


def find_jobs(params: SearchParams, *, facets=tuple(FACET_FIELDS)) -> SearchPage:
    result = search_vacancies(search_query(params, facets=facets))
    return SearchPage(params, result, listings_for(result.hits), labelled_facets(params, result, facets))


def newest_jobs(params: SearchParams, limit: int = FEED_SIZE) -> list[Listing]:
    result = search_vacancies(search_query(params, sort="newest", per_page=limit, page=1))
    return listings_for(result.hits)


def listings_for(hits: list[Hit]) -> list[Listing]:
    """The vacancies for these hits, in the same order, read in one query."""
    vacancies = load_vacancies([hit.id for hit in hits])
    known = labels()
    return [listing(vacancies[hit.id], hit, known) for hit in hits if hit.id in vacancies]


def load_vacancies(ids: list[int]) -> dict[int, Vacancy]:
    """Vacancies as lists show them: without the long texts only their own page needs."""
    if not ids:
        return {}
    rows = db.session.scalars(
        select(Vacancy)
        .where(Vacancy.id.in_(ids))
        .options(
            defer(Vacancy.description), defer(Vacancy.requirements), defer(Vacancy.benefits),
            joinedload(Vacancy.organisation, innerjoin=True).defer(Organisation.about),
            joinedload(Vacancy.role, innerjoin=True),
            selectinload(Vacancy.sites),
        )
    )
    return {vacancy.id: vacancy for vacancy in rows}


def listing(vacancy: Vacancy, hit: Hit | None, known: Labels) -> Listing:
    return Listing(
        vacancy=vacancy,
        hit=hit,
        employer_name=vacancy.organisation.name,
        sector=known.sectors.get(vacancy.sector_code, vacancy.sector_code),
        contract_type=known.contract_types.get(vacancy.contract_type, vacancy.contract_type),
        pay=describe_pay(vacancy, known),
        towns=list(dict.fromkeys(site.town for site in vacancy.sites if site.town)),
    )


def describe_pay(vacancy: Vacancy, known: Labels) -> str:
    amounts = [amount for amount in (vacancy.pay_min, vacancy.pay_max) if amount is not None]
    if len(amounts) == 2 and amounts[0] == amounts[1]:
        amounts = amounts[:1]
    period = PAY_PERIOD_LABELS.get(vacancy.pay_period, "")
    money = " to ".join(format_money(amount) for amount in amounts)
    band = known.pay_bands.get(vacancy.pay_band_code) if vacancy.pay_band_code else None
    if money and band:
        return f"{band}: {money} {period}"
    if money:
        return f"{money} {period}"
    return band or "Pay not given"


def labelled_facets(params: SearchParams, result: SearchResult, names) -> list[Facet]:
    """Each facet's values with names and counts: reference lists in their own order, employers busiest first."""
    known = labels()
    option_labels = {
        "sector": known.sectors,
        "role_family": known.role_families,
        "contract_type": known.contract_types,
        "working_pattern": known.working_patterns,
        "flags": known.flags,
        "pay_band": known.pay_bands,
    }
    facets = []
    for name in names:
        counts = {str(value): count for value, count in result.facets.get(FACET_FIELDS[name], {}).items()}
        selected = {str(value) for value in getattr(params, name)}
        if name == "employer":
            busiest = set(list(counts)[:MAX_EMPLOYER_OPTIONS])
            shown = [value for value in counts if value in busiest or value in selected]
            names_for = {str(id_): employer for id_, employer in employer_names(shown).items()}
        else:
            names_for = option_labels[name]
            shown = [value for value in names_for if value in counts]
        options = [FacetOption(value, names_for.get(value, value), counts[value], value in selected) for value in shown]
        facets.append(Facet(name, FACET_TITLES[name], options))
    return facets


def employer_names(ids) -> dict[int, str]:
    ids = [int(id_) for id_ in ids]
    if not ids:
        return {}
    return dict(db.session.execute(select(Organisation.id, Organisation.name).where(Organisation.id.in_(ids))).all())


def live_vacancy(vacancy_id: int) -> Vacancy | None:
    vacancy = db.session.scalar(
        select(Vacancy)
        .where(Vacancy.id == vacancy_id)
        .options(selectinload(Vacancy.organisation), selectinload(Vacancy.sites), selectinload(Vacancy.role))
    )
    return vacancy if vacancy is not None and vacancy.is_live(date.today()) else None


def describe_search(params: SearchParams) -> str:
    """The search in words, like: Jobs matching "nurse" within 10 miles of Loughborough."""
    words = ["Jobs"]
    if params.q:
        words.append(f"matching \u201c{params.q}\u201d")
    if params.place_name:
        words.append(f"within {params.radius} {'mile' if params.radius == 1 else 'miles'} of {params.place_name}")
    return " ".join(words)


def job_counts(params: SearchParams, facets) -> tuple[int, list[Facet]]:
    """How many jobs match, and the facet counts, without reading any vacancy."""
    result = search_vacancies(search_query(params, facets=facets, per_page=1, page=1))
    return result.total, labelled_facets(params, result, facets)


@dataclass(frozen=True)
class AppliedFilter:
    """One filter in force, as a removable tag: its words, and the search without it."""

    label: str
    without: SearchParams
    # The label as it reads inside a sentence ("full time"); names of employers and places keep their capitals.
    in_sentence: str


def _in_sentence(label: str) -> str:
    # "Full time" becomes "full time", but "NHS trust" and "DBS check needed" keep their capitals.
    return label[0].lower() + label[1:] if label[1:2].islower() else label


def applied_filters(params: SearchParams) -> list[AppliedFilter]:
    """Every filter in force, the place first; the sort order is not a filter."""
    place = _place_filter(params)
    return ([place] if place else []) + _chosen_filters(params)


def _place_filter(params: SearchParams) -> AppliedFilter | None:
    if not params.place_name:
        return None
    miles = "mile" if params.radius == 1 else "miles"
    label = f"Within {params.radius} {miles} of {params.place_name}"
    return AppliedFilter(label, replace(without_place(params), page=1), _in_sentence(label))


def without_place(params: SearchParams) -> SearchParams:
    return replace(params, location="", place_name=None, near=None, radius=DEFAULT_RADIUS_MILES,
                   sort=None if params.sort == "distance" else params.sort)


def _chosen_filters(params: SearchParams) -> list[AppliedFilter]:
    known = labels()
    names_for = {name: getattr(known, attribute) for name, attribute in CODE_FILTERS.items()}
    names_for["employer"] = employer_names(params.employer)
    first_page = replace(params, page=1)
    applied = []
    for name in ("sector", "role_family", "role", "pay_band", "employer", "contract_type", "working_pattern", "flags"):
        chosen = getattr(params, name)
        for value in chosen:
            without = replace(first_page, **{name: tuple(other for other in chosen if other != value)})
            # An employer's number may name no employer (a client made it up); the codes were checked on the way in.
            label = names_for[name].get(value) or f"Employer number {value}"
            applied.append(AppliedFilter(label, without, label if name == "employer" else _in_sentence(label)))
    if params.min_pay:
        label = f"Pay at least {format_money(params.min_pay)} a year"
        applied.append(AppliedFilter(label, replace(first_page, min_pay=None), _in_sentence(label)))
    if params.posted_within:
        days = params.posted_within
        label = "Posted in the last 24 hours" if days == 1 else f"Posted in the last {days} days"
        applied.append(AppliedFilter(label, replace(first_page, posted_within=None), _in_sentence(label)))
    return applied


def without_any_filter(params: SearchParams) -> SearchParams:
    """The same keywords and sort order with every filter removed, the place too."""
    return without_place(params.without_filters())


def page_title(params: SearchParams) -> str:
    """The search in a few words, like: Care worker jobs in Leicester, full time (page 2)."""
    what = f"{params.q[0].upper()}{params.q[1:]} jobs" if params.q else "Jobs"
    where = f" in {params.place_name}" if params.place_name else ""
    chosen = "".join(f", {applied.in_sentence}" for applied in _chosen_filters(params))
    return what + where + chosen + (f" (page {params.page})" if params.page > 1 else "")
