"""Vacancies and search results as the JSON API returns them."""
from __future__ import annotations

from datetime import UTC, datetime

from flask import url_for

from portal.jobsearch.labels import Labels
from portal.jobsearch.services import Facet, Listing, SearchPage
from portal.vacancies.models import Vacancy


def _timestamp(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z")


def _coded(code: str | None, names: dict[str, str]) -> dict | None:
    return {"code": code, "name": names.get(code, code)} if code else None


def vacancy_summary(vacancy: Vacancy, known: Labels, listing: Listing | None = None) -> dict:
    hit = listing.hit if listing else None
    return {
        "id": vacancy.id,
        "title": vacancy.title,
        "url": url_for("vacancies.detail", vacancy_id=vacancy.id, slug=vacancy.slug, _external=True),
        "employer": {"id": vacancy.organisation_id, "name": vacancy.organisation.name},
        "sector": _coded(vacancy.sector_code, known.sectors),
        "role": {
            "code": vacancy.role_code,
            "name": vacancy.role.name,
            "family": _coded(vacancy.role.family_code, known.role_families),
        },
        "contract_type": vacancy.contract_type,
        "working_patterns": vacancy.working_patterns,
        "pay": {
            "band": _coded(vacancy.pay_band_code, known.pay_bands),
            "min": vacancy.pay_min,
            "max": vacancy.pay_max,
            "period": vacancy.pay_period,
            "currency": "GBP",
        },
        "closing_date": vacancy.closing_date.isoformat(),
        "posted_at": _timestamp(vacancy.published_at or vacancy.created_at),
        "locations": [
            {"town": site.town, "postcode": site.postcode, "lat": site.latitude, "lon": site.longitude}
            for site in vacancy.sites
        ],
        "distance_miles": hit.distance_miles if hit else None,
        "summary": vacancy.summary,
        "highlights": {"title": hit.title_html, "snippet": hit.snippet_html} if hit else None,
    }


def vacancy_in_full(vacancy: Vacancy, known: Labels) -> dict:
    return {
        **vacancy_summary(vacancy, known),
        "description": vacancy.description,
        "requirements": vacancy.requirements,
        "benefits": vacancy.benefits,
        "hours_per_week": vacancy.hours_per_week,
        "flags": vacancy.flags,
        "reference": vacancy.external_ref,
        "apply": {"method": vacancy.apply_method, "url": vacancy.apply_url},
        "updated_at": _timestamp(vacancy.updated_at),
    }


def facets_json(facets: list[Facet]) -> dict:
    return {
        facet.name: [
            {"value": option.value, "label": option.label, "count": option.count, "selected": option.selected}
            for option in facet.options
        ]
        for facet in facets
    }


def search_page_json(found: SearchPage, known: Labels) -> dict:
    return {
        "results": [vacancy_summary(listing.vacancy, known, listing) for listing in found.listings],
        "facets": facets_json(found.facets),
        "total": found.total,
        "page": found.params.page,
        "per_page": found.params.per_page,
        "pages": found.pages,
        "sort": found.result.sort,
        "suggestion": found.result.suggestion,
        "corrected_query": found.result.corrected_text,
        "applied_band": found.params.band_read or None,
    }


def employer_vacancy(vacancy: Vacancy, known: Labels) -> dict:
    """A vacancy as its own employer sees it through the API, in any status."""
    return {
        **vacancy_in_full(vacancy, known),
        "external_ref": vacancy.external_ref,
        "status": vacancy.status,
        "sites": [{"id": site.id, "name": site.name} for site in vacancy.sites],
        "published_at": _timestamp(vacancy.published_at),
        "closed_at": _timestamp(vacancy.closed_at),
    }
