"""The OpenAPI 3.1 description of the vacancy API, with allowed values read from the reference lists."""
from __future__ import annotations

from portal.integrations.feed import FEED_PAGE_SIZE, MAX_FILTER_VALUES, NOT_IN_FEED
from portal.integrations.services import InputField, VacancyChoices, allowed_values, input_fields
from portal.jobsearch.labels import Labels
from portal.jobsearch.params import (
    API_PARAMETERS,
    DEFAULT_PER_PAGE,
    DEFAULT_RADIUS_MILES,
    MAX_KEYWORDS_LENGTH,
    MAX_LOCATION_LENGTH,
    MAX_PAY,
    MAX_PER_PAGE,
    MAX_RECORD_ID,
    POSTED_WITHIN_DAYS,
    RADIUS_MILES,
    SORTS,
)
from portal.jobsearch.services import FACET_FIELDS, MAX_EMPLOYER_OPTIONS
from portal.passport.credentials import Outcome
from portal.vacancies.models import VacancyStatus

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_NUMBER = {"type": ["number", "null"]}
# Something other than spaces: a blank box is an empty one.
NOT_BLANK = {"minLength": 1, "pattern": "\\S"}
# Keywords are searched for their words, so they need a letter or a number.
WORD = "[^\\W_]"
PAGE = {"type": "integer", "minimum": 1, "maximum": MAX_RECORD_ID, "default": 1}


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
                           "together, any word may. Vacancies with the words in their title or role come "
                           "before, and instead of, those that only mention them. A pay band in the words "
                           "(band 5, AfC band 8a) is read as the pay_band filter (see applied_band); when "
                           "the words find nothing and a spelling correction does, its results are returned "
                           "(see corrected_query).",
            "schema": {"type": "string", "minLength": 1, "maxLength": MAX_KEYWORDS_LENGTH, "pattern": WORD},
        },
        "as_typed": {"description": "1 to search q exactly as typed: no pay band read from it, no spelling "
                                    "corrected.",
                     "schema": {"type": "integer", "enum": [0, 1], "default": 0}},
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
        "pay_band": {"description": "NHS Agenda for Change pay band. Repeat for any of several.",
                     "schema": _codes(known.pay_bands), **repeated},
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
            "schema": {"type": "string", **NOT_BLANK, "maxLength": MAX_LOCATION_LENGTH},
        },
        "radius": {"description": "Miles from location.",
                   "schema": {"type": "integer", "enum": list(RADIUS_MILES), "default": DEFAULT_RADIUS_MILES}},
        "sort": {
            "description": "relevance (the default with keywords), newest (the default without), closing "
                           "(closing soonest first) or distance (needs location).",
            "schema": {"type": "string", "enum": list(SORTS)},
        },
        "page": {"description": "Page of results, from 1 to the last.", "schema": PAGE},
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
                "corrected_query": {
                    **NULLABLE_STRING,
                    "description": "When q found nothing: the corrected keywords whose results these are.",
                },
                "applied_band": {
                    **NULLABLE_STRING,
                    "description": "The pay band code read from q and applied as the pay_band filter.",
                },
            },
            "required": [
                "results", "facets", "total", "page", "per_page", "pages", "sort", "suggestion",
                "corrected_query", "applied_band",
            ],
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


# The employer API and the partner feed

INPUT_TYPES = {
    "text": {"type": ["string"]},
    "choice": {"type": ["string"]},
    "number": {"type": ["number", "string"]},
    "boolean": {"type": ["boolean"]},
    "date": {"type": ["string"], "examples": ["2026-07-31"]},
    "list": {"type": ["array", "string", "integer"], "items": {"type": ["string", "integer"]}},
}
BAD_PARAMETER = "A parameter has a value we cannot use: an empty one, one given twice or one we do not know."
EMPLOYER_SECURITY = [{"employerToken": []}]


def _input_property(field: InputField, allowed: dict[str, list[tuple[str, str]]], required: bool) -> dict:
    """The field as the form checks it: a required field cannot be null or blank, and the form's
    lengths and ranges are the limits."""
    schema = {**INPUT_TYPES[field.kind], "description": f"{field.label}. {field.help}".strip()}
    values = [value for value, _label in allowed.get(field.name, [])]
    if values and field.kind == "choice":
        schema["enum"] = values
    elif values and field.kind == "list":
        schema["items"] = {"type": "string", "enum": values}
    if field.max_length is not None:
        schema["maxLength"] = field.max_length
    if field.minimum is not None:
        schema["minimum"] = field.minimum
    if field.maximum is not None:
        schema["maximum"] = field.maximum
    if required:
        if field.kind in ("text", "date", "list"):
            schema.update(NOT_BLANK)
        if field.kind == "list":
            schema["minItems"] = 1
        return schema
    schema["type"] = [*schema["type"], "null"]
    if "enum" in schema:
        schema["enum"] = [*schema["enum"], None]
    return schema


def _integration_schemas(schemas: dict) -> dict:
    fields = input_fields()
    # The reference may be left out of a PUT, which has it in the address; a POST requires it.
    required = [field.name for field in fields if field.required and field.name != "external_ref"]
    allowed = allowed_values(VacancyChoices.for_organisation(None))
    timestamp = {"type": ["string", "null"], "format": "date-time"}
    feed_properties = {
        name: schema for name, schema in schemas["Vacancy"]["properties"].items() if name not in NOT_IN_FEED
    }
    feed_properties.update({
        "employer": {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "slug": {"type": "string"}},
            "required": ["id", "name", "slug"],
        },
        "reference": {**NULLABLE_STRING, "description": "The employer's own reference."},
        "apply_url": {
            "type": "string",
            "format": "uri",
            "description": "Where to apply: the employer's application page, or the application form on this "
                           "site when people apply through it.",
        },
    })
    return {
        "VacancyInput": {
            "type": "object",
            "description": "A vacancy as an employer's system sends it, checked like the recruiter's web form, "
                           "for a draft as for a published vacancy. Lists can also be sent as a single value; "
                           "for an optional field, null or a missing field means empty. Updating replaces every "
                           "field, so send them all each time. Some rules join fields, and a vacancy that breaks "
                           "one is refused with 400: the pay (or a band, or a volunteer contract), the pay period "
                           "with amounts, apply_url when people apply elsewhere, sites of your own organisation, "
                           "and a closing date from today to a year ahead.",
            "properties": {field.name: _input_property(field, allowed, required=field.name in required)
                           for field in fields},
            "required": required,
            "additionalProperties": False,
        },
        "EmployerVacancy": {
            "allOf": [
                _ref("VacancyInFull"),
                {
                    "type": "object",
                    "properties": {
                        "external_ref": NULLABLE_STRING,
                        "status": {"type": "string", "enum": [str(status) for status in VacancyStatus]},
                        "sites": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
                                "required": ["id", "name"],
                            },
                        },
                        "published_at": timestamp,
                        "closed_at": timestamp,
                    },
                    "required": ["external_ref", "status", "sites", "published_at", "closed_at"],
                },
            ],
        },
        "EmployerVacancyList": {
            "type": "object",
            "properties": {
                "results": {"type": "array", "items": _ref("EmployerVacancy")},
                "total": {"type": "integer"},
                "page": {"type": "integer"},
                "per_page": {"type": "integer"},
                "pages": {"type": "integer"},
            },
            "required": ["results", "total", "page", "per_page", "pages"],
        },
        "FeedVacancy": {"type": "object", "properties": feed_properties, "required": list(feed_properties)},
        "FeedPage": {
            "type": "object",
            "properties": {
                "vacancies": {"type": "array", "items": _ref("FeedVacancy")},
                "total": {"type": "integer"},
                "page": {"type": "integer"},
                "per_page": {"type": "integer", "const": FEED_PAGE_SIZE},
                "next": {"type": ["string", "null"], "format": "uri", "description": "The next page, if any."},
            },
            "required": ["vacancies", "total", "page", "per_page", "next"],
        },
    }


def _employer_paths() -> dict:
    reference_length = next(field.max_length for field in input_fields() if field.name == "external_ref")
    reference = {
        "name": "external_ref",
        "in": "path",
        "required": True,
        "description": "Your own reference for the vacancy, on one line.",
        "schema": {"type": "string", **NOT_BLANK, "maxLength": reference_length, "pattern": "^[^/\\n][^\\n]*$"},
    }
    denied = {
        "401": _error("No API token, or one that is not valid or has been revoked."),
        "429": _error("Too many requests with this token, or too many with a token that is not valid from your "
                      "address; wait a minute."),
    }
    bad_body = {
        "400": _error("Some fields have values we cannot use: fields has a message for each, in the words of "
                      "the recruiter's web form."),
        "409": _error("The vacancy's status does not allow this, like changing a closed vacancy."),
        "413": _error("The body is too large."),
        "415": _error("The body is not JSON."),
    }
    one = {"description": "The vacancy.", "content": {"application/json": {"schema": _ref("EmployerVacancy")}}}
    created = {
        "description": "The vacancy was created.",
        "headers": {"Location": {"description": "The vacancy's address.", "schema": {"type": "string"}}},
        "content": {"application/json": {"schema": _ref("EmployerVacancy")}},
    }
    missing = _error("Your organisation has no vacancy with this reference.")

    def body(schema: dict) -> dict:
        return {"required": True, "content": {"application/json": {"schema": schema}}}

    def status_change(operation_id: str, summary: str) -> dict:
        return {"parameters": [reference], "post": {
            "operationId": operation_id, "summary": summary, "security": EMPLOYER_SECURITY,
            "responses": {"200": one, "404": missing, "409": _error("The vacancy's status does not allow this."),
                          **denied},
        }}

    return {
        "/employer/vacancies": {
            "get": {
                "operationId": "listEmployerVacancies",
                "summary": "Your organisation's vacancies, in any status, most recently changed first",
                "security": EMPLOYER_SECURITY,
                "parameters": [
                    {"name": "status", "in": "query", "required": False,
                     "schema": {"type": "string", "enum": [str(status) for status in VacancyStatus]}},
                    {"name": "page", "in": "query", "required": False, "schema": PAGE},
                ],
                "responses": {
                    "200": {"description": "A page of vacancies.",
                            "content": {"application/json": {"schema": _ref("EmployerVacancyList")}}},
                    "400": _error(BAD_PARAMETER),
                    **denied,
                },
            },
            "post": {
                "operationId": "saveEmployerVacancy",
                "summary": "Create a vacancy, or update your vacancy with the same external_ref",
                "description": "Sending the same vacancy again changes nothing more, so a request can safely be "
                               "repeated. A new vacancy is a draft unless status is published.",
                "security": EMPLOYER_SECURITY,
                "requestBody": body({"allOf": [
                    _ref("VacancyInput"),
                    {"required": ["external_ref"], "properties": {"external_ref": {"type": "string", **NOT_BLANK}}},
                ]}),
                "responses": {"200": {**one, "description": "Your vacancy with this reference, updated."},
                              "201": created, **bad_body, **denied},
            },
        },
        "/employer/vacancies/{external_ref}": {
            "parameters": [reference],
            "get": {
                "operationId": "getEmployerVacancy",
                "summary": "Read one of your vacancies",
                "security": EMPLOYER_SECURITY,
                "responses": {"200": one, "404": missing, **denied},
            },
            "put": {
                "operationId": "putEmployerVacancy",
                "summary": "Create the vacancy with this reference, or replace it",
                "security": EMPLOYER_SECURITY,
                "requestBody": body(_ref("VacancyInput")),
                "responses": {"200": {**one, "description": "The vacancy, replaced."}, "201": created,
                              "404": _error("The address names no reference: one on a line of its own, not "
                                            "starting with /."),
                              **bad_body, **denied},
            },
        },
        "/employer/vacancies/{external_ref}/publish": status_change(
            "publishEmployerVacancy", "Publish a draft, with the same checks as the web page"
        ),
        "/employer/vacancies/{external_ref}/close": status_change("closeEmployerVacancy", "Close a published vacancy"),
    }


def _feed_paths(known: Labels, site_url: str) -> dict:
    parameters = [
        {"name": "employer", "in": "query", "required": False, "style": "form", "explode": True,
         "description": "Employer id or slug. Repeat for any of several.",
         "schema": {"type": "array", "items": {"type": "string", **NOT_BLANK}, "maxItems": MAX_FILTER_VALUES}},
        {"name": "sector", "in": "query", "required": False, "style": "form", "explode": True,
         "description": "Type of employer. Repeat for any of several.",
         "schema": {**_codes(known.sectors), "maxItems": MAX_FILTER_VALUES}},
        {"name": "page", "in": "query", "required": False, "schema": PAGE},
    ]

    def feed(operation_id: str, media_type: str, schema: dict, summary: str) -> dict:
        return {"servers": [{"url": site_url}], "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": parameters,
            "responses": {
                "200": {"description": f"Live vacancies, newest first, {FEED_PAGE_SIZE} a page.",
                        "content": {media_type: {"schema": schema}}},
                "400": {"description": BAD_PARAMETER,
                        "content": {media_type: {"schema": _ref("Error") if media_type == "application/json"
                                                 else {"type": "string"}}}},
            },
        }}

    return {
        "/feeds/vacancies.json": feed("vacancyFeed", "application/json", _ref("FeedPage"), "Partner feed of live vacancies"),
        "/feeds/vacancies.xml": feed(
            "vacancyFeedXml", "application/xml", {"type": "string"},
            "The partner feed as XML: a vacancy_feed element with the JSON feed's fields as elements",
        ),
    }


# Skills passport credentials

def _credential_schemas() -> dict:
    nullable_date = {"type": ["string", "null"], "format": "date"}
    summary = {
        "holder_name": {"type": "string"},
        "achievement": {"type": "string", "description": "The training, check or registration, with its level."},
        "achievement_type": {"type": "string", "description": "The Open Badges achievement type, like License."},
        "level": NULLABLE_STRING,
        "completed_on": nullable_date,
        "verified_by": {**NULLABLE_STRING, "description": "The employer that verified the record."},
        "evidence": {"type": "array", "items": {"type": "string"}},
        "issuer": {"type": "string"},
        "issued_on": {"type": "string", "format": "date"},
        "expires_on": {**nullable_date, "description": "Null when it does not expire."},
    }
    return {
        "CredentialSummary": {"type": "object", "properties": summary, "required": list(summary)},
        "CredentialCheck": {
            "type": "object",
            "properties": {
                "status": {
                    "type": "string",
                    "enum": [str(outcome) for outcome in Outcome if outcome != Outcome.MALFORMED],
                    "description": "valid; expired; revoked (the record was superseded, deleted or its "
                                   "verification withdrawn); tampered (the signature does not match this "
                                   "portal's key, or the credential was not issued here).",
                },
                "credential_id": {**NULLABLE_STRING, "description": "Null when tampered."},
                "reason": {"type": "string", "description": "The outcome in words."},
                "revoked_at": {"type": ["string", "null"], "format": "date-time"},
                "credential": {
                    "oneOf": [_ref("CredentialSummary"), {"type": "null"}],
                    "description": "What the signed credential says; null when tampered.",
                },
            },
            "required": ["status", "credential_id", "reason", "revoked_at", "credential"],
        },
        "CredentialStatus": {
            "type": "object",
            "description": "The 1EdTech revocation status of one credential, as its credentialStatus points to.",
            "properties": {
                "id": {"type": "string", "description": "urn:uuid: and the credential's id."},
                "status": {"type": "string", "enum": ["active", "revoked"]},
                "revoked_at": {"type": ["string", "null"], "format": "date-time"},
                "reason": NULLABLE_STRING,
            },
            "required": ["id", "status", "revoked_at", "reason"],
        },
    }


def _public_limit() -> dict:
    return {"429": _error("Too many requests from your address. The X-RateLimit-Limit, X-RateLimit-Remaining and "
                          "X-RateLimit-Reset headers of every answer say how many are allowed and when the count "
                          "starts again.")}


def _credential_paths() -> dict:
    return {
        "/credentials/verify": {
            "post": {
                "operationId": "verifyCredential",
                "summary": "Check a skills passport credential: valid, expired, revoked or tampered",
                "description": "The credential is the signed VC-JWT (Open Badges 3.0) that a holder downloads "
                               "for a verified record. No key is needed.",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object",
                    "properties": {"credential": {"type": "string", "description": "The .jwt file's text."}},
                    "required": ["credential"],
                }}}},
                "responses": {
                    "200": {"description": "The outcome, with what the credential says.",
                            "content": {"application/json": {"schema": _ref("CredentialCheck")}}},
                    "400": _error("No credential was sent, or what was sent is not a credential at all."),
                    **_public_limit(),
                },
            },
        },
        "/credentials/{credential_id}/status": {
            "get": {
                "operationId": "getCredentialStatus",
                "summary": "Whether a credential has been revoked",
                "parameters": [{"name": "credential_id", "in": "path", "required": True,
                                "schema": {"type": "string", "format": "uuid"}}],
                "responses": {
                    "200": {"description": "The credential's status.",
                            "content": {"application/json": {"schema": _ref("CredentialStatus")}}},
                    "404": _error("No credential has this id."),
                    **_public_limit(),
                },
            },
        },
    }


def openapi_document(known: Labels, server_url: str, site_url: str) -> dict:
    schemas = _schemas()
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Vacancy API",
            "version": "1.0.0",
            "description": "Open health and social care vacancies in the region: search them, with the same "
                           "filters as the job search page, or read one in full. No key is needed. "
                           "Employers write their own vacancies with an API token that their recruiters "
                           "create; partners can take every live vacancy from the feed. Anyone can check "
                           "a skills passport credential.",
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
                        "400": _error("A parameter has a value we cannot use: an empty one, one given twice or "
                                      "one we do not know; keywords without a letter or a number; a location "
                                      "we cannot find; sort by distance without a location; or a page after "
                                      "the last."),
                        **_public_limit(),
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
                        **_public_limit(),
                    },
                },
            },
            **_employer_paths(),
            **_feed_paths(known, site_url),
            **_credential_paths(),
        },
        "components": {
            "schemas": {**schemas, **_integration_schemas(schemas), **_credential_schemas()},
            "securitySchemes": {
                "employerToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API token created by one of the organisation's recruiters. It reaches "
                                   "that organisation's vacancies only.",
                },
            },
        },
    }
