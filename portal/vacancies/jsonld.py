"""schema.org JobPosting markup for a live vacancy, so search engines can list it as a job."""
from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from markupsafe import Markup

from portal.markdown import render_markdown
from portal.vacancies.models import ApplyMethod, ContractType, Vacancy

LOCAL_TIME = ZoneInfo("Europe/London")
UNIT_TEXT = {"hour": "HOUR", "year": "YEAR"}
EMPLOYMENT_TYPE_FOR_CONTRACT = {
    ContractType.FIXED_TERM: "TEMPORARY",
    ContractType.BANK: "PER_DIEM",
    ContractType.APPRENTICESHIP: "INTERN",
}


def employment_types(vacancy: Vacancy) -> list[str]:
    if vacancy.contract_type == ContractType.VOLUNTEER:
        return ["VOLUNTEER"]
    types = ["PART_TIME" if vacancy.working_time == "part_time" else "FULL_TIME"]
    extra = EMPLOYMENT_TYPE_FOR_CONTRACT.get(vacancy.contract_type)
    return types + [extra] if extra else types


def description_html(vacancy: Vacancy) -> str:
    parts = [f"<p>{Markup.escape(vacancy.summary)}</p>", render_markdown(vacancy.description)]
    for heading, text in (("What you need", vacancy.requirements), ("What we offer", vacancy.benefits)):
        if text.strip():
            parts += [f"<h2>{heading}</h2>", render_markdown(text)]
    return "\n".join(str(part) for part in parts)


def _salary(vacancy: Vacancy) -> dict | None:
    amounts = {"minValue": vacancy.pay_min, "maxValue": vacancy.pay_max}
    if vacancy.pay_min is None or vacancy.pay_max is None or vacancy.pay_min == vacancy.pay_max:
        amounts = {"value": vacancy.pay_min if vacancy.pay_min is not None else vacancy.pay_max}
        if amounts["value"] is None:
            return None
    return {
        "@type": "MonetaryAmount",
        "currency": "GBP",
        "value": {"@type": "QuantitativeValue", **amounts, "unitText": UNIT_TEXT[vacancy.pay_period]},
    }


def _place(site) -> dict:
    place = {
        "@type": "Place",
        "name": site.name,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": site.town,
            "postalCode": site.postcode,
            "addressCountry": "GB",
        },
    }
    if site.latitude is not None and site.longitude is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": site.latitude, "longitude": site.longitude}
    return place


def job_posting(vacancy: Vacancy, url: str, logo_url: str | None = None) -> dict:
    organisation = vacancy.organisation
    hiring_organisation = {"@type": "Organization", "name": organisation.name}
    if organisation.website:
        hiring_organisation["sameAs"] = organisation.website
    if logo_url:
        hiring_organisation["logo"] = logo_url
    posted = vacancy.published_at or vacancy.created_at
    posting = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": vacancy.title,
        "description": description_html(vacancy),
        "datePosted": posted.date().isoformat(),
        "validThrough": datetime.combine(vacancy.closing_date, time(23, 59, 59), LOCAL_TIME).isoformat(),
        "hiringOrganization": hiring_organisation,
        "jobLocation": [_place(site) for site in vacancy.sites],
        "employmentType": employment_types(vacancy),
        "identifier": {
            "@type": "PropertyValue",
            "name": organisation.name,
            "value": vacancy.external_ref or str(vacancy.id),
        },
        "url": url,
        # The job page's "Apply" button leads to the portal's own form; otherwise people apply elsewhere.
        "directApply": vacancy.apply_method == ApplyMethod.PORTAL,
    }
    salary = _salary(vacancy)
    if salary:
        posting["baseSalary"] = salary
    return posting
