"""schema.org Occupation markup for a role page, with the pay estimate, so search engines can show it."""
from __future__ import annotations

from portal.careers.content import RoleContent
from portal.careers.explorer import Pay
from portal.reference.models import JobRole


def occupation(job_role: JobRole, role: RoleContent | None, pay: Pay, url: str, region: str) -> dict:
    markup = {
        "@context": "https://schema.org/",
        "@type": "Occupation",
        "name": job_role.name,
        "url": url,
        "occupationalCategory": job_role.family.name,
        "occupationLocation": [{"@type": "AdministrativeArea", "name": region}],
    }
    if role:
        markup["description"] = role.summary
        markup["educationRequirements"] = [route.title for route in role.entry_routes]
        if role.hours:
            markup["workHours"] = role.hours
    if pay.low is not None and pay.high is not None and pay.high > 0:
        markup["estimatedSalary"] = {
            "@type": "MonetaryAmount",
            "currency": "GBP",
            "value": {"@type": "QuantitativeValue", "minValue": pay.low, "maxValue": pay.high, "unitText": pay.unit},
        }
    return markup
