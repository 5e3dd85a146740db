"""Loads the demo region (generated from a fixed seed) into the database."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from slugify import slugify
from sqlalchemy import func, select

from portal.accounts.models import User
from portal.accounts.passwords import hash_password
from portal.accounts.roles import Role
from portal.demo.generator import build_demo_region
from portal.demo.passports import load_demo_passports
from portal.employers.models import Organisation, OrganisationStatus, Site
from portal.extensions import db
from portal.passport.models import TrainingRecord
from portal.reference.models import PayBand
from portal.vacancies.models import Vacancy

DEMO_ACCOUNTS = (
    # (email, name, password, role, index of the employer they recruit for)
    ("admin@proudtocare.example", "Morgan Ellis (workforce team)", "demo-admin-2026", Role.ADMIN, None),
    ("recruiter@soarvalley.example", "Jordan Patel", "demo-recruiter-2026", Role.RECRUITER, "nhs"),
    ("manager@homecare.example", "Chris Walker", "demo-carehome-2026", Role.RECRUITER, "care"),
    ("seeker@example.org", "Amira Hussain", "demo-seeker-2026", Role.JOB_SEEKER, None),
    # A care worker whose skills passport has verified, due and expired records, shared with the NHS trust.
    ("carer@example.org", "Bethany Clarke", "demo-carer-2026", Role.JOB_SEEKER, None),
    ("trainer@homecare.example", "Lou Marsh", "demo-trainer-2026", Role.TRAINER, "care"),
)


def is_empty() -> bool:
    return not db.session.scalar(select(func.count()).select_from(Organisation))


def _pick_recruiting_employers(organisations: list[Organisation]) -> dict[str, Organisation]:
    nhs = next(o for o in organisations if o.sector_code == "acute_trust")
    care = next(o for o in organisations if o.sector_code == "home_care")
    return {"nhs": nhs, "care": care}


def _unique_slug(name: str, taken: set[str]) -> str:
    base = slugify(name)[:160]
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def add_employers(employers: list[dict]) -> dict[str, Organisation]:
    """Approved organisations with their sites for the generator's employers, keyed by employer key."""
    slugs: set[str] = set()
    organisations: dict[str, Organisation] = {}
    for employer in employers:
        organisation = Organisation(
            name=employer["name"],
            slug=_unique_slug(employer["name"], slugs),
            sector_code=employer["sector"],
            website=employer.get("website"),
            about=employer.get("about", ""),
            status=OrganisationStatus.APPROVED.value,
            sites=[
                Site(name=s["name"], town=s["town"], postcode=s["postcode"], latitude=s["lat"], longitude=s["lon"])
                for s in employer["sites"]
            ],
        )
        db.session.add(organisation)
        organisations[employer["key"]] = organisation
    db.session.flush()
    return organisations


def pay_band_codes() -> set[str]:
    return {band.code for band in db.session.scalars(select(PayBand))}


def vacancy_columns(advert: dict, sector_code: str, today: date, pay_bands: set[str]) -> dict:
    """A generated advert as ``Vacancy`` column values, without its organisation and sites."""
    published = advert["status"] != "draft"
    posted = datetime.combine(today - timedelta(days=advert["posted_days_ago"]), time(9, 0))
    patterns = set(advert["working_patterns"])
    return {
        "slug": slugify(advert["title"])[:110],
        "title": advert["title"],
        "role_code": advert["role_code"],
        "sector_code": sector_code,
        "contract_type": advert["contract_type"],
        "working_time": "full_time" if "full_time" in patterns else "part_time",
        "hours_per_week": advert["hours_per_week"],
        "works_shifts": "shifts" in patterns,
        "works_nights": "nights" in patterns,
        "works_weekends": "weekends" in patterns,
        "pay_band_code": advert["pay_band"] if advert["pay_band"] in pay_bands else None,
        "pay_min": advert["pay_min"],
        "pay_max": advert["pay_max"],
        "pay_period": advert["pay_period"],
        "closing_date": today + timedelta(days=advert["closes_in_days"]),
        "summary": advert["summary"],
        "description": advert["description"],
        "requirements": advert["requirements"],
        "benefits": advert["benefits"],
        "external_ref": advert["external_ref"],
        "apply_method": advert["apply_method"],
        "apply_url": advert.get("apply_url"),
        "status": advert["status"],
        "created_at": posted,
        "published_at": posted if published else None,
        "closed_at": datetime.combine(today, time(0, 0)) if advert["status"] == "closed" else None,
        **{flag: bool(value) for flag, value in advert["flags"].items()},
    }


def load_demo_region(today: date | None = None) -> dict[str, int]:
    today = today or date.today()
    region = build_demo_region(today=today)
    bands = pay_band_codes()
    organisations = add_employers(region["employers"])
    for advert in region["vacancies"]:
        organisation = organisations[advert["employer_key"]]
        db.session.add(Vacancy(
            organisation=organisation,
            sites=[organisation.sites[i] for i in advert["site_indexes"]],
            **vacancy_columns(advert, organisation.sector_code, today, bands),
        ))

    recruiting = _pick_recruiting_employers(list(organisations.values()))
    accounts: dict[str, User] = {}
    for email, name, password, role, employer in DEMO_ACCOUNTS:
        user = User(email=email, full_name=name, password_hash=hash_password(password))
        user.grant(role)
        if employer:
            user.organisation = recruiting[employer]
        db.session.add(user)
        accounts[email] = user
    db.session.flush()
    load_demo_passports(
        care_worker=accounts["carer@example.org"], trainer=accounts["trainer@homecare.example"],
        verifier=accounts["manager@homecare.example"], care_employer=recruiting["care"], nhs_employer=recruiting["nhs"],
        organisations=list(organisations.values()), today=today,
    )
    return {
        "employers": len(organisations), "vacancies": len(region["vacancies"]), "accounts": len(DEMO_ACCOUNTS),
        "skills passports": db.session.scalar(select(func.count(func.distinct(TrainingRecord.holder_id)))),
    }


def demo_account_lines() -> list[str]:
    recruiting = {
        user.email: user.organisation.name
        for user in db.session.scalars(select(User).where(User.email.in_([a[0] for a in DEMO_ACCOUNTS])))
        if user.organisation
    }
    lines = []
    for email, name, password, role, _employer in DEMO_ACCOUNTS:
        where = f" at {recruiting[email]}" if email in recruiting else ""
        lines.append(f"  {role.label + where:<60} {email:<32} password: {password}")
    return lines
