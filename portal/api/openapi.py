"""The OpenAPI 3.1 description of the vacancy API, with allowed values read from the reference lists."""
from __future__ import annotations

from portal.jobsearch.labels import Labels
from portal.jobsearch.params import (
    API_PARAMETERS,
    DEFAULT_PER_PAGE,
    DEFAULT_RADIUS_MILES,
    MAX_KEYWORDS_LENGTH,
    MAX_PAY,
    MAX_PER_PAGE,
    MAX_RECORD_ID,
    POSTED_WITHIN_DAYS,
    RADIUS_MILES,
    SORTS,
)
from portal.jobsearch.services import FACET_FIELDS, MAX_EMPLOYER_OPTIONS

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_NUMBER = {"type": ["number", "null"]}


def _codes(values) -> dict:
    return {"type": "array", "items": {"type": "string", "enum": list(values)}}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def query_parameters(known: Labels) -> list[dict]:
    repeated = {"style": "form", "explode": True}
    specs = {
        "q": {
            "description": "Keywords, matched with English stemming (nurses finds nurse) against the title, "
                           "role, summary, employer and description. All words must match; if none match "
                           "together, any word may.",
            "schema": {"type": "string", "maxLength": MAX_KEYWORDS_LENGTH},
        },
        "sector": {"description": "Type of employer. Repeat for any of several.",
                   "schema": _codes(known.sectors), **repeated},
        "role_family": {"description": "Job family. Repeat for any of several.",
                        "schema": _codes(known.role_families), **repeated},
        "role": {"description": "Job role. Repeat for any of several.", "schema": _codes(known.roles), **repeated},
        "employer": {"description": "Employer id. Repeat for any of several.",
                     "schema": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": MAX_RECORD_ID}},
                     **repeated},
        "contract_type": {"description": "Contract type. Repeat for any of several.",
                          "schema": _codes(known.contract_types), **repeated},
        "working_pattern": {"description": "Working pattern. Repeat for any of several.",
                            "schema": _codes(known.working_patterns), **repeated},
        "flags": {"description": "Requirements and support. Repeat to require every one given.",
                  "schema": _codes(known.flags), **repeated},
        "min_pay": {
            "description": "Minimum pay a year in pounds. Hourly pay is counted as a year at the advertised "
                           "hours (37.5 a week when not given). Vacancies without pay are left out.",
            "schema": {"type": "number", "minimum": 0, "maximum": MAX_PAY},
        },
        "posted_within": {"description": "Posted in the last this many days.",
                          "schema": {"type": "integer", "enum": list(POSTED_WITHIN_DAYS)}},
        "location": {
            "description": "A town, postcode or postcode district in the region, like Loughborough or LE11. "
                           "Keeps vacancies within radius miles and gives each its distance.",
            "schema": {"type": "string", "maxLength": 100},
        },
        "radius": {"description": "Miles from location.",
                   "schema": {"type": "integer", "enum": list(RADIUS_MILES), "default": DEFAULT_RADIUS_MILES}},
        "sort": {
            "description": "relevance (the default with keywords), newest (the default without), closing "
                           "(closing soonest first) or distance (needs location).",
            "schema": {"type": "string", "enum": list(SORTS)},
        },
        "page": {"description": "Page of results, from 1.", "schema": {"type": "integer", "minimum": 1, "default": 1}},
        "per_page": {
            "description": "Results a page.",
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE},
        },
    }
    return [{"name": name, "in": "query", "required": False, **specs[name]} for name in API_PARAMETERS]


def _schemas() -> dict:
    coded = {
        "type": ["object", "null"],
        "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
        "required": ["code", "name"],
    }
    vacancy_properties = {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "url": {"type": "string", "format": "uri", "description": "The vacancy's page on this site."},
        "employer": {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
            "required": ["id", "name"],
        },
        "sector": _ref("Coded"),
        "role": {
            "type": "object",
            "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "family": _ref("Coded")},
            "required": ["code", "name", "family"],
        },
        "contract_type": {"type": "string"},
        "working_patterns": {"type": "array", "items": {"type": "string"}},
        "pay": {
            "type": "object",
            "properties": {
                "band": {**_ref("Coded"), "description": "Agenda for Change band, when the role has one."},
                "min": NULLABLE_NUMBER,
                "max": NULLABLE_NUMBER,
                "period": {"type": "string", "enum": ["hour", "year"]},
                "currency": {"type": "string", "const": "GBP"},
            },
            "required": ["band", "min", "max", "period", "currency"],
        },
        "closing_date": {"type": "string", "format": "date"},
        "posted_at": {"type": "string", "format": "date-time"},
        "locations": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "town": {"type": "string"},
                    "postcode": {"type": "string"},
                    "lat": NULLABLE_NUMBER,
                    "lon": NULLABLE_NUMBER,
                },
                "required": ["town", "postcode", "lat", "lon"],
            },
        },
        "distance_miles": {**NULLABLE_NUMBER, "description": "To the nearest site, when searching by location."},
        "summary": {"type": "string"},
        "highlights": {
            "type": ["object", "null"],
            "description": "HTML, escaped, with the words that matched the keywords in <mark> elements.",
            "properties": {"title": {"type": "string"}, "snippet": {"type": "string"}},
            "required": ["title", "snippet"],
        },
    }
    facet_option = {
        "type": "object",
        "properties": {
            "value": {"type": "string", "description": "Pass as the parameter of the same name to filter."},
            "label": {"type": "string"},
            "count": {"type": "integer", "description": "Matching vacancies if this value were chosen."},
            "selected": {"type": "boolean"},
        },
        "required": ["value", "label", "count", "selected"],
    }
    return {
        "Coded": coded,
        "Vacancy": {"type": "object", "properties": vacancy_properties, "required": list(vacancy_properties)},
        "VacancyInFull": {
            "allOf": [
                _ref("Vacancy"),
                {
                    "type": "object",
                    "properties": {
                        "description": {"type": "string", "description": "Markdown."},
                        "requirements": {"type": "string", "description": "Markdown."},
                        "benefits": {"type": "string", "description": "Markdown."},
                        "hours_per_week": NULLABLE_NUMBER,
                        "flags": {"type": "array", "items": {"type": "string"}},
                        "reference": NULLABLE_STRING,
                        "apply": {
                            "type": "object",
                            "properties": {
                                "method": {"type": "string", "enum": ["external", "portal"]},
                                "url": {**NULLABLE_STRING, "description": "The employer's application page."},
                            },
                            "required": ["method", "url"],
                        },
                        "updated_at": {"type": "string", "format": "date-time"},
                    },
                    "required": [
                        "description", "requirements", "benefits", "hours_per_week", "flags", "reference",
                        "apply", "updated_at",
                    ],
                },
            ],
        },
        "FacetOption": facet_option,
        "SearchResults": {
            "type": "object",
            "properties": {
                "results": {"type": "array", "items": _ref("Vacancy")},
                "facets": {
                    "type": "object",
                    "description": "Counts for each filter's values, given the keywords and the other filters. "
                                   f"Employers: the {MAX_EMPLOYER_OPTIONS} with most vacancies, and any chosen.",
                    "properties": {name: {"type": "array", "items": _ref("FacetOption")} for name in FACET_FIELDS},
                },
                "total": {"type": "integer"},
                "page": {"type": "integer"},
                "per_page": {"type": "integer"},
                "pages": {"type": "integer"},
                "sort": {"type": "string", "enum": list(SORTS), "description": "The order actually used."},
                "suggestion": {**NULLABLE_STRING, "description": "Corrected keywords, when a word looks misspelt."},
            },
            "required": ["results", "facets", "total", "page", "per_page", "pages", "sort", "suggestion"],
        },
        "Error": {
            "type": "object",
            "properties": {
                "error": {
                    "type": "object",
                    "properties": {
                        "status": {"type": "integer"},
                        "title": {"type": "string"},
                        "detail": {"type": "string"},
                        "fields": {
                            "type": "object",
                            "description": "For a bad request: each parameter with a bad value, and why.",
                            "additionalProperties": {"type": "string"},
                        },
                    },
                    "required": ["status", "title", "detail"],
                },
            },
            "required": ["error"],
        },
    }


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def openapi_document(known: Labels, server_url: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Vacancy API",
            "version": "1.0.0",
            "description": "Open health and social care vacancies in the region: search them, with the same "
                           "filters as the job search page, or read one in full. No key is needed.",
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/vacancies": {
                "get": {
                    "operationId": "searchVacancies",
                    "summary": "Search open vacancies",
                    "parameters": query_parameters(known),
                    "responses": {
                        "200": {
                            "description": "A page of matching vacancies, best first, with filter counts.",
                            "content": {"application/json": {"schema": _ref("SearchResults")}},
                        },
                        "400": _error("A parameter has a value we cannot use."),
                    },
                },
            },
            "/vacancies/{vacancy_id}": {
                "get": {
                    "operationId": "getVacancy",
                    "summary": "Read one open vacancy in full",
                    "parameters": [
                        {"name": "vacancy_id", "in": "path", "required": True, "schema": {"type": "integer"}},
                    ],
                    "responses": {
                        "200": {
                            "description": "The vacancy.",
                            "content": {"application/json": {"schema": _ref("VacancyInFull")}},
                        },
                        "404": _error("No open vacancy has this id: it may have closed or been removed."),
                    },
                },
            },
        },
        "components": {"schemas": _schemas()},
    }
