"""The partner feed: live vacancies, newest first, a page at a time, as JSON or as XML."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from datetime import date

from flask import url_for
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload
from werkzeug.datastructures import MultiDict

from portal.api.representations import vacancy_summary
from portal.config import MAX_RECORD_ID
from portal.employers.models import Organisation, OrganisationStatus
from portal.extensions import db
from portal.jobsearch.labels import Labels
from portal.query_parameters import unexpected_parameters
from portal.text import clean_text
from portal.vacancies.models import ApplyMethod, Vacancy

FEED_PAGE_SIZE = 200
MAX_FILTER_VALUES = 50
FEED_PARAMETERS = ("employer", "sector", "page")
# Search-page fields that mean nothing in a feed.
NOT_IN_FEED = ("distance_miles", "highlights")
XML_ITEM_NAMES = {"vacancies": "vacancy", "locations": "location", "working_patterns": "working_pattern"}
RECORD_ID = re.compile("[0-9]{1,10}")


@dataclass
class FeedParams:
    employer_ids: list[int]
    sectors: list[str]
    page: int


@dataclass
class FeedPage:
    vacancies: list[Vacancy]
    total: int
    page: int

    @property
    def has_next(self) -> bool:
        return self.page * FEED_PAGE_SIZE < self.total


def _record_id(text: str) -> int | None:
    return int(text) if RECORD_ID.fullmatch(text) and 0 < int(text) <= MAX_RECORD_ID else None


def _employer_ids(values: list[str]) -> tuple[list[int], list[str]]:
    """Approved employers' ids from their ids or slugs, and the values that name none."""
    ids = [id_ for id_ in map(_record_id, values) if id_]
    slugs = [value for value in values if not RECORD_ID.fullmatch(value)]
    found = db.session.execute(
        select(Organisation.id, Organisation.slug).where(
            Organisation.status == OrganisationStatus.APPROVED,
            or_(Organisation.id.in_(ids), Organisation.slug.in_(slugs)),
        )
    ).all()
    known = {str(id_) for id_, _ in found} | {slug for _, slug in found}
    return [id_ for id_, _ in found], [value for value in values if value not in known]


def parse_feed_args(args: MultiDict, known: Labels) -> tuple[FeedParams, dict[str, str]]:
    problems = unexpected_parameters(args, FEED_PARAMETERS, repeatable=("employer", "sector"))
    employers = [value.strip() for value in args.getlist("employer") if value.strip()]
    sectors = [value.strip() for value in args.getlist("sector") if value.strip()]
    employer_ids: list[int] = []
    if len(employers) > MAX_FILTER_VALUES or len(sectors) > MAX_FILTER_VALUES:
        problems["employer" if len(employers) > MAX_FILTER_VALUES else "sector"] = (
            f"Give at most {MAX_FILTER_VALUES} values"
        )
    else:
        employer_ids, unknown = _employer_ids(employers)
        if unknown:
            problems["employer"] = f"No employer has the id or name {unknown[0]}. Use an employer's id or slug"
        unknown_sectors = [code for code in sectors if code not in known.sectors]
        if unknown_sectors:
            problems["sector"] = f"{unknown_sectors[0]} is not a sector code. Use one of: {', '.join(known.sectors)}"
    page = _record_id(args.get("page", "1").strip()) or 0
    if page < 1:
        problems["page"] = "Page must be a whole number from 1"
    return FeedParams(employer_ids, sectors, max(page, 1)), problems


def feed_page(params: FeedParams) -> FeedPage:
    conditions = [Vacancy.is_live(date.today())]
    if params.employer_ids:
        conditions.append(Vacancy.organisation_id.in_(params.employer_ids))
    if params.sectors:
        conditions.append(Vacancy.sector_code.in_(params.sectors))
    live = select(Vacancy).where(*conditions)
    total = db.session.scalar(select(func.count()).select_from(live.subquery()))
    vacancies = db.session.scalars(
        live.order_by(func.coalesce(Vacancy.published_at, Vacancy.created_at).desc(), Vacancy.id.desc())
        .offset((params.page - 1) * FEED_PAGE_SIZE)
        .limit(FEED_PAGE_SIZE)
        .options(selectinload(Vacancy.organisation), selectinload(Vacancy.sites), selectinload(Vacancy.role))
    ).all()
    return FeedPage(list(vacancies), total, params.page)


def feed_item(vacancy: Vacancy, known: Labels) -> dict:
    item = {key: value for key, value in vacancy_summary(vacancy, known).items() if key not in NOT_IN_FEED}
    item["employer"]["slug"] = vacancy.organisation.slug
    item["reference"] = vacancy.external_ref
    item["apply_url"] = (
        vacancy.apply_url if vacancy.apply_method == ApplyMethod.EXTERNAL
        else url_for("applications.apply", vacancy_id=vacancy.id, _external=True)
    )
    return item


def feed_json(found: FeedPage, known: Labels, next_url: str | None) -> dict:
    return {
        "vacancies": [feed_item(vacancy, known) for vacancy in found.vacancies],
        "total": found.total,
        "page": found.page,
        "per_page": FEED_PAGE_SIZE,
        "next": next_url,
    }


def _xml_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_text(str(value))


def _add_xml(parent: ElementTree.Element, name: str, value) -> None:
    if value is None:
        return
    element = ElementTree.SubElement(parent, name)
    if isinstance(value, dict):
        for key, child in value.items():
            _add_xml(element, key, child)
    elif isinstance(value, list):
        for child in value:
            _add_xml(element, XML_ITEM_NAMES.get(name, "item"), child)
    else:
        element.text = _xml_text(value)


def to_xml(document: dict, root_name: str) -> bytes:
    """A JSON-like document as XML: objects become elements, lists repeat a singular element, nulls
    are left out. ElementTree escapes the text."""
    root = ElementTree.Element(root_name)
    for key, value in document.items():
        _add_xml(root, key, value)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
