"""Demo data for the Leicester, Leicestershire and Rutland region.

``build_demo_region`` returns plain dicts (employers with their sites, and vacancies) built from
the seed files in ``portal/reference/data`` and ``portal/locations/data`` and the fictional
employers in ``portal.demo.employers``. The same seed and ``today`` always give the same output.
"""

from __future__ import annotations

import csv
import math
import random
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from portal.demo import texts
from portal.demo.catalogue import (
    ANNUAL_RANGES,
    APPRENTICE_ROLES,
    DAYTIME_WORDS,
    NIGHTS_ONLY_OK,
    NO_BANK,
    NO_NIGHTS,
    PERMANENT_ONLY,
    ROLES,
    SECTOR_UNITS,
    UNITS,
    VOLUNTEER_ROLES,
)
from portal.demo.employers import EMPLOYERS

PORTAL_DIR = Path(__file__).parent.parent
REFERENCE_DIR = PORTAL_DIR / "reference" / "data"
LOCATIONS_DIR = PORTAL_DIR / "locations" / "data"

NHS_SECTORS = {"acute_trust", "community_trust", "mental_health_trust", "ambulance_trust"}
BANK_SECTORS = NHS_SECTORS | {"residential_care", "nursing_home", "home_care", "supported_living", "hospice_charity"}

# How often each kind of job involves shifts, nights and weekends, and how often it is part time.
PATTERNS = {
    "ward_nursing": (1.0, 0.6, 0.9, 0.25),
    "community_nursing": (0.7, 0.15, 0.6, 0.3),
    "mental_health": (0.8, 0.45, 0.75, 0.2),
    "maternity": (1.0, 0.6, 0.9, 0.3),
    "ward_support": (0.9, 0.45, 0.8, 0.3),
    "therapy": (0.2, 0.0, 0.35, 0.25),
    "therapy_support": (0.3, 0.0, 0.4, 0.3),
    "diagnostics": (0.6, 0.25, 0.5, 0.2),
    "theatres": (0.8, 0.2, 0.4, 0.15),
    "advanced_practice": (0.7, 0.3, 0.6, 0.1),
    "medical": (0.4, 0.25, 0.4, 0.35),
    "ambulance": (1.0, 0.8, 0.95, 0.15),
    "call_handling": (1.0, 0.7, 0.9, 0.25),
    "pharmacy": (0.3, 0.0, 0.4, 0.35),
    "psychology": (0.0, 0.0, 0.0, 0.3),
    "admin": (0.1, 0.0, 0.1, 0.35),
    "apprentice_admin": (0.0, 0.0, 0.0, 0.0),
    "facilities": (0.8, 0.25, 0.7, 0.4),
    "primary_clinical": (0.0, 0.0, 0.0, 0.4),
    "reception": (0.2, 0.0, 0.0, 0.6),
    "care_home": (0.9, 0.3, 0.85, 0.4),
    "care_home_nursing": (1.0, 0.5, 0.85, 0.3),
    "home_care": (0.5, 0.0, 0.9, 0.55),
    "supported_living": (0.9, 0.35, 0.85, 0.35),
    "management": (0.0, 0.0, 0.1, 0.05),
    "social_work": (0.0, 0.0, 0.05, 0.2),
    "reablement": (0.6, 0.0, 0.8, 0.4),
    "personal_assistant": (0.3, 0.1, 0.5, 0.85),
    "apprentice_clinical": (0.7, 0.3, 0.6, 0.0),
    "apprentice_care": (0.8, 0.0, 0.7, 0.1),
    "apprentice_pharmacy": (0.0, 0.0, 0.3, 0.0),
    "apprentice_social_work": (0.0, 0.0, 0.0, 0.0),
    "volunteering": (0.0, 0.0, 0.3, 1.0),
}

HOURS = {
    "nhs": ([37.5], [15.0, 18.75, 22.5, 30.0]),
    "hospice": ([37.5], [15.0, 22.5, 30.0]),
    "care": ([36.0, 37.5, 40.0, 42.0, 48.0], [12.0, 16.0, 20.0, 24.0, 30.0]),
    "home_care": ([35.0, 37.5, 40.0], [10.0, 15.0, 20.0, 25.0, 30.0]),
    "gp": ([37.5], [16.0, 20.0, 24.0, 30.0]),
    "gp_sessions": ([37.5], [16.67, 25.0, 29.17, 33.33]),
    "council": ([37.0], [18.5, 22.2, 29.6]),
    "pharmacy": ([37.5, 40.0], [12.0, 16.0, 20.0, 24.0]),
    "volunteer": ([], [3.0, 4.0, 6.0, 8.0]),
}

NEWLY_QUALIFIED_ROLES = {
    "registered_nurse_adult", "mental_health_nurse", "learning_disability_nurse", "childrens_nurse",
    "community_staff_nurse", "midwife", "physiotherapist", "occupational_therapist", "diagnostic_radiographer",
    "speech_language_therapist", "dietitian", "podiatrist", "operating_department_practitioner",
    "biomedical_scientist", "paramedic", "pharmacist",
}

APPRENTICESHIP_MONTHS = {
    "apprentice_nursing_associate": 24, "nurse_degree_apprentice": 24, "occupational_therapy_apprentice": 48,
    "business_admin_apprentice": 18, "apprentice_healthcare_support_worker": 13,
    "pharmacy_services_apprentice": 12, "adult_care_apprentice": 12, "lead_adult_care_apprentice": 18,
    "social_work_apprentice": 36,
}

# Site choice: roles tied to sites whose name contains a word, or kept away from them.
SITE_ONLY = {
    "emergency_medical_advisor": "Operations Centre",
    "charity_shop_assistant": "Shop",
    "reablement_worker": "Reablement",
}
SITE_NEVER = {
    "ambulance_trust": "Operations Centre",
    "hospice_charity": "Shop",
    "local_authority": "Reablement",
}
SITE_HINTS = ("Shop", "In-patient", "Day Hospice", "Glenfield", "Operations Centre", "Community Hospital")

MANAGEMENT_CONTACTS = {
    "primary_care": ["Senior Partner", "Lead GP Partner"],
    "residential_care": ["Owner", "Operations Director"],
    "nursing_home": ["Operations Director", "Managing Director"],
    "home_care": ["Managing Director", "Director"],
    "supported_living": ["Chief Executive", "Head of Operations"],
}

PA_BENEFITS = [
    "Paid holiday of 5.6 weeks a year (pro rata)",
    "Workplace pension through your employer",
    "Free training through the council's PA support service",
    "Employer's liability insurance arranged by your employer",
    "Flexible hours agreed with the person you support",
]


# ---------------------------------------------------------------------------
# Seed files

def _read_csv(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=None)
def load_places() -> dict[str, tuple[float, float]]:
    """Gazetteer: place name -> (lat, lon)."""
    return {row["name"]: (float(row["lat"]), float(row["lon"])) for row in _read_csv(LOCATIONS_DIR / "places.csv")}


@lru_cache(maxsize=None)
def load_roles() -> dict[str, dict]:
    return {row["role_code"]: row for row in _read_csv(REFERENCE_DIR / "roles.csv")}


@lru_cache(maxsize=None)
def load_pay_bands() -> dict[str, tuple[float, float]]:
    return {row["code"]: (float(row["annual_min"]), float(row["annual_max"]))
            for row in _read_csv(REFERENCE_DIR / "pay_bands.csv")}


# ---------------------------------------------------------------------------
# Small helpers

def _article(noun: str) -> str:
    first = noun.split()[0]
    if first.isupper() and first[0] in "AEFHILMNORSX":
        return f"an {noun}"
    return f"{'an' if noun[0].lower() in 'aeiou' else 'a'} {noun}"


def _distance(town_a: str, town_b: str) -> float:
    places = load_places()
    (lat1, lon1), (lat2, lon2) = places[town_a], places[town_b]
    return math.hypot(lat1 - lat2, (lon1 - lon2) * math.cos(math.radians(lat1)))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _money(value: float, period: str) -> str:
    if period == "hour":
        return f"\u00a3{value:,.2f}"
    return f"\u00a3{value:,.0f}"


def _share(total: int, weights: list[int]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` (largest remainder)."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    counts = [math.floor(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (exact[i] - counts[i], weights[i]), reverse=True)
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _role_sequence(rng: random.Random, weights: dict[str, int], count: int) -> list[str]:
    """Every role once (most frequent first) while there is room, then weighted draws."""
    codes = sorted(weights, key=lambda c: (-weights[c], c))
    if count <= len(codes):
        return codes[:count]
    extra = rng.choices(codes, weights=[weights[c] for c in codes], k=count - len(codes))
    return codes + extra


def _unit_key(info: dict, sector: str) -> str | None:
    units = info.get("units", {})
    if units is None:
        return None
    if sector in units:
        return units[sector]
    return SECTOR_UNITS.get(sector)


def _profile_key(info: dict, sector: str) -> str:
    profile = info["profile"]
    if profile == "care_home" and sector == "home_care":
        return "home_care"
    if profile == "care_home" and sector == "supported_living":
        return "supported_living"
    return profile


# ---------------------------------------------------------------------------
# Employers

def _employer_dict(emp: dict, places: dict) -> dict:
    sites = []
    for site in emp["sites"]:
        lat, lon = places[site["town"]]
        dlat, dlon = site.get("offset", (0.0, 0.0))
        sites.append({
            "name": site["name"],
            "town": site["town"],
            "postcode": site["postcode"],
            "lat": round(lat + dlat, 4),
            "lon": round(lon + dlon, 4),
        })
    return {
        "key": emp["key"],
        "name": emp["name"],
        "sector": emp["sector"],
        "website": emp["website"],
        "about": emp["about"],
        "sites": sites,
    }


# ---------------------------------------------------------------------------
# Vacancies

class _VacancyBuilder:
    def __init__(self, rng: random.Random, today: date):
        self.rng = rng
        self.today = today
        self.roles = load_roles()
        self.bands = load_pay_bands()
        self.counters: dict[str, int] = {}

    # -- pieces ---------------------------------------------------------

    def _contract(self, role_code: str, sector: str, info: dict) -> str:
        if role_code in APPRENTICE_ROLES:
            return "apprenticeship"
        if role_code in VOLUNTEER_ROLES:
            return "volunteer"
        if role_code in PERMANENT_ONLY or info["profile"] in ("management", "personal_assistant"):
            return "permanent"
        options = [("permanent", 72), ("fixed_term", 10)]
        if (sector in BANK_SECTORS and role_code not in NO_BANK
                and info["profile"] not in ("psychology", "medical", "social_work")):
            options.append(("bank", 18))
        return self.rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]

    def _candidate_sites(self, emp: dict, role_code: str, template: str, unit_short: str | None) -> list[int]:
        names = [s["name"] for s in emp["sites"]]
        idx = list(range(len(names)))
        only = SITE_ONLY.get(role_code)
        if only and any(only in n for n in names):
            idx = [i for i in idx if only in names[i]]
        else:
            never = SITE_NEVER.get(emp["sector"])
            if never and not (role_code == "volunteer" and "Shop" in template):
                kept = [i for i in idx if never not in names[i]]
                idx = kept or idx
        context = template + " " + (unit_short or "")
        for hint in SITE_HINTS:
            if hint in context:
                hinted = [i for i in idx if hint in names[i]]
                if hinted:
                    idx = hinted
        if emp["sector"] == "hospice_charity" and role_code != "volunteer" and "Shop" not in context:
            idx = [i for i in idx if "Day Hospice" not in names[i]] or idx
        if emp["sector"] == "acute_trust" and unit_short and (
            "Coronary" in unit_short or "Cardiac" in unit_short or "Respiratory" in unit_short
        ):
            idx = [i for i in idx if "Glenfield" in names[i]] or idx
        return idx

    def _title_template(self, info: dict, sector: str, has_unit: bool) -> str:
        templates = info.get("titles_by_sector", {}).get(sector) or info["titles"]
        usable = [t for t in templates if has_unit or "{unit}" not in t]
        return self.rng.choice(usable or [info["titles"][-1].replace(" - {unit}", "")])

    def _patterns(self, role_code: str, sector: str, profile: str, title: str, contract: str,
                  unit_short: str | None) -> tuple[list[str], bool]:
        p_shift, p_night, p_weekend, p_part = ROLES[role_code].get("patterns") or PATTERNS[profile]
        if sector == "primary_care":
            p_night, p_weekend = 0.0, 0.05
        if role_code in NO_NIGHTS:
            p_night = 0.0
        rng = self.rng
        shifts = rng.random() < p_shift
        nights = rng.random() < p_night
        weekends = rng.random() < p_weekend
        part = rng.random() < p_part
        lowered = title.lower()
        nights_only = False
        if "night" in lowered or "sleep-in" in lowered:
            nights, shifts, nights_only = True, True, "night" in lowered
        context = f"{title} {unit_short or ''}"
        if any(word in context for word in DAYTIME_WORDS):
            nights = False
        if "weekend" in lowered or "saturday" in lowered:
            weekends, part = True, True
        if "part time" in lowered:
            part = True
        if contract == "bank":
            part = True
        if contract == "volunteer":
            part, nights, shifts = True, False, False
        if nights:
            shifts = True
        patterns = ["part_time" if part else "full_time"]
        for name, on in (("shifts", shifts), ("nights", nights), ("weekends", weekends)):
            if on:
                patterns.append(name)
        return patterns, nights_only

    def _hours(self, emp: dict, role_code: str, contract: str, part: bool) -> float:
        kind = emp["benefits"]
        if contract == "volunteer":
            kind = "volunteer"
        elif role_code in ("salaried_gp", "gp_partner"):
            kind = "gp_sessions"
        elif kind == "council" and role_code == "personal_assistant":
            kind = "care"
        elif kind not in HOURS:
            kind = "nhs"
        full, partial = HOURS[kind]
        if contract == "bank":
            return self.rng.choice([11.5, 12.0, 15.0] if kind in ("nhs", "hospice") else [8.0, 12.0, 16.0])
        if part or not full:
            return self.rng.choice(partial)
        return self.rng.choice(full)

    def _pay(self, role_code: str) -> tuple[str | None, float, float, str]:
        role = self.roles[role_code]
        rng = self.rng
        kind = role["pay_kind"]
        if kind == "band":
            band = role["typical_band"]
            low, high = self.bands[band]
            return band, low, high, "year"
        if kind == "hourly":
            low, high = float(role["hourly_min"]), float(role["hourly_max"])
            if high <= low:
                return None, low, high, "hour"
            if rng.random() < 0.3:
                start = low
            else:
                start = min(high, math.ceil((low + (high - low) * rng.random() * 0.7) * 20) / 20)
            if rng.random() < 0.45:
                end = start
            else:
                end = min(high, math.floor((start + (high - start) * (0.3 + 0.7 * rng.random())) * 20) / 20)
                end = max(end, start)
            return None, round(start, 2), round(end, 2), "hour"
        low, high = ANNUAL_RANGES[role_code]
        if rng.random() < 0.35:
            return None, float(low), float(high), "year"
        start = math.ceil((low + (high - low) * 0.5 * rng.random()) / 500) * 500
        end = math.floor((start + (high - start) * (0.3 + 0.7 * rng.random())) / 500) * 500
        start = max(start, low)
        end = min(max(end, start), high)
        return None, float(start), float(end), "year"

    def _dates(self, emp: dict) -> tuple[int, int, str]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.06:
            posted = rng.randint(15, 40)
            closes = rng.randint(max(-10, 7 - posted), -1)
            return posted, closes, "closed"
        if roll < 0.10:
            return rng.randint(0, 3), rng.randint(14, 45), "draft"
        posted = rng.randint(0, 40)
        if emp["sector"] in NHS_SECTORS:
            closes = rng.randint(max(2, 14 - posted), max(3, 35 - posted)) if posted < 33 else rng.randint(2, 10)
        else:
            closes = int(rng.triangular(3, 60, 21))
        return posted, min(closes, 60), "published"

    def _reference(self, emp: dict, role_code: str, posted: int) -> tuple[str, str, str | None]:
        key = emp["key"]
        start = self.counters.get(key)
        if start is None:
            start = self.rng.randint(120, 4800)
        self.counters[key] = start + self.rng.randint(1, 37)
        number = self.counters[key]
        year = (self.today - timedelta(days=posted)).year % 100
        if emp["apply"] == "nhs_jobs":
            ref = f"{emp['nhs_org']}-{emp['ref_prefix']}-{number:04d}"
            url = f"https://www.jobs.nhs.uk/candidate/jobadvert/C9{emp['nhs_org']}-{year:02d}-{number:04d}"
            return ref, "external", url
        if emp["apply"] == "own_site" and role_code not in ("personal_assistant", "volunteer"):
            ref = f"{emp['ref_prefix']}-{year:02d}-{number:04d}"
            return ref, "external", f"{emp['careers_url']}/{ref.lower()}"
        if role_code == "personal_assistant":
            return f"PA-{number:04d}", "portal", None
        if role_code == "volunteer":
            return f"{emp['ref_prefix']}-VOL-{number:04d}", "portal", None
        return f"{emp['ref_prefix']}-{number:04d}", "portal", None

    @staticmethod
    def _contact_roles(sector: str, profile: str) -> list[str]:
        if profile == "management" and sector in MANAGEMENT_CONTACTS:
            return MANAGEMENT_CONTACTS[sector]
        if profile == "medical" and sector == "primary_care":
            return ["Lead Partner", "Senior Partner", "Practice Manager"]
        return texts.CONTACT_ROLES.get(profile) or ["Recruitment Team"]

    def _contact(self, emp: dict, profile: str) -> dict:
        rng = self.rng
        first = rng.choice(texts.CONTACT_FIRST)
        last = rng.choice(texts.CONTACT_LAST)
        domain = emp["website"].split("//", 1)[1].removeprefix("www.").removeprefix("jobs.")
        return {
            "contact_name": f"{first} {last}",
            "contact_role": rng.choice(self._contact_roles(emp["sector"], profile)),
            "phone": f"0116 496 0{rng.randint(0, 999):03d}",
            "email": f"{first}.{last}@{domain}".lower(),
        }

    # -- texts -------------------------------------------------------------

    def _pattern_sentence(self, patterns: list[str], hours: float, contract: str, nights_only: bool,
                          role_code: str, profile: str) -> str:
        rng = self.rng
        hours_text = f"{hours:g}"
        if contract == "bank":
            return rng.choice([
                "This is a bank post: you choose the shifts you want to work, with pay every week and no set hours.",
                "Bank work lets you pick shifts that fit around your life. We ask for at least one shift a month, "
                "and you're paid weekly.",
            ])
        if contract == "volunteer":
            return (f"Most volunteers in this role give around {hours_text} hours a week, "
                    "on a regular day that suits them.")
        kind = "full-time" if "full_time" in patterns else "part-time"
        sentence = f"This is a {kind} post of {hours_text} hours a week"
        extras = []
        if nights_only:
            extras.append("working night shifts only")
        elif profile == "medical" and "nights" in patterns:
            extras.append("with a share of the on-call rota")
        elif "nights" in patterns:
            extras.append("working a rota of days and nights")
        elif "shifts" in patterns:
            extras.append(rng.choice(["working early, late and long day shifts", "working a mix of shifts on a rota"]))
        if "weekends" in patterns:
            extras.append(rng.choice([
                "including weekends", "with one weekend in two", "including some weekends and bank holidays",
            ]))
        if not extras:
            extras.append(rng.choice([
                "Monday to Friday", "during the working week, with some flexibility on start and finish times",
            ]))
        sentence += ", " + " ".join(extras) + "."
        if contract == "fixed_term":
            sentence += " " + rng.choice([
                "It is a fixed-term post for 12 months.",
                "It is a fixed-term post to cover maternity leave, for up to 12 months.",
                "It is a fixed-term post for 9 months, with a good chance of becoming permanent.",
            ])
        if contract == "apprenticeship":
            months = APPRENTICESHIP_MONTHS.get(role_code, 18)
            sentence += f" The apprenticeship lasts about {months} months, including your end-point assessment."
        return sentence

    @staticmethod
    def _fits(text: str, role_code: str, flags: dict) -> bool:
        low = text.lower()
        if ("no experience" in low or "no previous experience" in low) and not flags["no_experience"]:
            return False
        if ("newly qualified" in low or "preceptorship" in low) and role_code not in NEWLY_QUALIFIED_ROLES:
            return False
        return True

    def _summary(self, fields: dict, profile: dict, flags: dict, patterns: list[str], role_code: str,
                 pay: tuple) -> str:
        rng = self.rng
        templates = texts.SUMMARIES_PA if role_code == "personal_assistant" else texts.SUMMARIES
        first = rng.choice(templates).format(**fields)
        hooks = []
        for hook in profile["hooks"]:
            low = hook.lower()
            if not self._fits(hook, role_code, flags):
                continue
            if ("monday to friday" in low or "daytime" in low) and ("weekends" in patterns or "shifts" in patterns):
                continue
            if "mileage" in low and not flags["driving_licence"]:
                continue
            hooks.append(hook)
        band, low_pay, high_pay, period = pay
        if low_pay > 0:
            unit = "an hour" if period == "hour" else "a year"
            money = _money(low_pay, period)
            if high_pay != low_pay:
                money += f" to {_money(high_pay, period)}"
            prefix = f"{band.replace('band_', 'Band ')}, " if band else ""
            pro_rata = " (pro rata)" if period == "year" and "part_time" in patterns else ""
            hooks.append(f"{prefix}{money} {unit}{pro_rata}.")
        if not hooks:
            return first
        return f"{first} {rng.choice(hooks)}"

    def _description(self, emp: dict, fields: dict, profile_key: str, role_code: str, unit: tuple | None,
                     pattern_sentence: str, contact: dict, contract: str) -> str:
        rng = self.rng
        profile = texts.PROFILES[profile_key]
        parts = []
        if contract == "volunteer":
            parts.append(rng.choice(texts.OPENINGS_VOLUNTEER).format(**fields))
        elif role_code == "personal_assistant":
            parts.append(rng.choice(texts.OPENINGS_PA).format(**fields))
        elif unit:
            parts.append(rng.choice(texts.OPENINGS_UNIT).format(**fields))
        else:
            parts.append(rng.choice(texts.OPENINGS_SITE).format(**fields))
        parts.append("## " + rng.choice(texts.HEADINGS_ROLE))
        paragraphs = [p for p in profile["about"] if self._fits(p, role_code, fields["_flags"])]
        picked = sorted(rng.sample(range(len(paragraphs)), k=min(len(paragraphs), rng.choice([1, 2, 2]))))
        parts.extend(paragraphs[i].format(**fields) for i in picked)
        parts.append(pattern_sentence)
        parts.append("## " + rng.choice(texts.HEADINGS_DUTIES).format(**fields))
        duties = list(texts.ROLE_DUTIES.get(role_code, []))
        general = [d for d in profile["duties"] if d not in duties]
        duties += rng.sample(general, k=min(len(general), rng.randint(3, 5)))
        parts.append("\n".join(f"- {d}" for d in duties))
        parts.append("## " + rng.choice(texts.HEADINGS_US).format(**fields))
        parts.append(emp["about"])
        if contract == "volunteer":
            closing = rng.choice(texts.CLOSINGS_VOLUNTEER).format(**contact)
        else:
            closing = rng.choice(texts.CLOSINGS).format(**contact)
            if rng.random() < 0.6:
                closing += " " + rng.choice(texts.CLOSINGS_EXTRA)
        parts.append(closing)
        return "\n\n".join(parts)

    def _requirements(self, info: dict, profile: dict, flags: dict, title: str, contract: str) -> str:
        rng = self.rng
        essential = []
        if info.get("reg"):
            essential.append(texts.REGISTRATION[info["reg"]])
        essential += rng.sample(profile["essential"], k=min(len(profile["essential"]), rng.randint(2, 3)))
        if flags["no_experience"]:
            essential.append(rng.choice([
                "No previous experience needed - we'll give you full training",
                "A positive attitude matters more than experience: full training is provided",
            ]))
        if flags["driving_licence"] and info["profile"] != "ambulance":
            essential.append(rng.choice(texts.DRIVING_LINES))
        elif "(Walker)" in title:
            essential.append(texts.WALKER_LINE)
        if flags["dbs_check"]:
            kind = "enhanced" if info["profile"] not in ("admin", "pharmacy", "facilities", "reception") else "standard"
            if contract == "volunteer" and "Shop" in title:
                kind = "standard"
            essential.append(texts.DBS_LINES[kind])
        if flags["visa_sponsorship"]:
            lines = texts.VISA_LINES_CARE if info["profile"] in ("care_home",) else texts.VISA_LINES
            essential.append(rng.choice(lines))
        elif contract not in ("volunteer",) and rng.random() < 0.25:
            essential.append(texts.RIGHT_TO_WORK)
        desirable = rng.sample(profile["desirable"], k=min(len(profile["desirable"]), rng.randint(1, 2)))
        lines = ["**Essential**", "", *[f"- {e}" for e in essential], "", "**Desirable**", "",
                 *[f"- {d}" for d in desirable]]
        if flags["school_leavers"]:
            lines += ["", "School and college leavers are welcome to apply."]
        return "\n".join(lines)

    def _benefits(self, emp: dict, role_code: str, band: str | None, patterns: list[str], contract: str,
                  flags: dict) -> str:
        rng = self.rng
        kind = emp["benefits"]
        if contract == "volunteer":
            chosen = rng.sample(texts.BENEFITS["volunteer"], k=4)
            return "\n".join(f"- {b}" for b in chosen)
        if role_code == "personal_assistant":
            return "\n".join(f"- {b}" for b in rng.sample(PA_BENEFITS, k=4))
        unsocial = any(p in patterns for p in ("shifts", "nights", "weekends"))
        if kind == "nhs":
            pool = texts.BENEFITS["nhs"]
            chosen = [pool[0], pool[1]] + rng.sample(pool[2:], k=rng.randint(3, 5))
            if unsocial:
                chosen.insert(2, texts.BENEFITS["nhs_unsocial"])
            if band == "band_5" and role_code in NEWLY_QUALIFIED_ROLES:
                chosen.append(texts.BENEFITS["nhs_preceptorship"])
        elif kind == "home_care" and self.roles[role_code]["pay_kind"] == "hourly":
            pool = texts.BENEFITS["home_care"]
            chosen = [pool[0]]
            if flags["driving_licence"]:
                chosen.append(pool[1])
            chosen += rng.sample(pool[2:], k=rng.randint(4, 6))
        elif kind in ("care", "home_care"):
            pool = texts.BENEFITS["care"]
            if self.roles[role_code]["pay_kind"] != "hourly":
                pool = [b for b in pool if "Care Certificate" not in b and "Paid breaks" not in b]
            chosen = rng.sample(pool, k=rng.randint(5, 7))
            if self.roles[role_code]["pay_kind"] == "hourly":
                if "weekends" in patterns:
                    chosen.insert(0, texts.BENEFITS["care_unsocial"][0])
                if "nights" in patterns:
                    chosen.insert(1, texts.BENEFITS["care_unsocial"][1])
        else:
            pool = list(texts.BENEFITS[kind])
            if kind == "gp" and role_code not in ("salaried_gp", "gp_partner"):
                pool = [b for b in pool if "Indemnity" not in b]
            if kind == "gp" and ("weekends" in patterns or "shifts" in patterns):
                pool = [b for b in pool if "Monday to Friday" not in b]
            chosen = [pool[0]] + rng.sample(pool[1:], k=min(len(pool) - 1, rng.randint(3, 5)))
        if contract == "apprenticeship":
            chosen = texts.BENEFITS["apprentice"][:2] + chosen
        if (kind in ("care", "home_care") and flags["driving_licence"]
                and not any("Mileage" in b for b in chosen)):
            chosen.append("Mileage paid for business travel")
        seen = []
        for b in chosen:
            if b not in seen:
                seen.append(b)
        return "\n".join(f"- {b}" for b in seen)

    # -- the vacancy ---------------------------------------------------------

    def build(self, emp: dict, role_code: str) -> dict:
        rng = self.rng
        sector = emp["sector"]
        info = ROLES[role_code]
        profile_key = _profile_key(info, sector)
        profile = texts.PROFILES[profile_key]
        contract = self._contract(role_code, sector, info)

        unit_key = _unit_key(info, sector)
        template = self._title_template(info, sector, unit_key is not None)
        unit = None
        if "{unit}" in template and unit_key:
            unit = rng.choice(UNITS[unit_key])

        candidates = self._candidate_sites(emp, role_code, template, unit[0] if unit else None)
        site_index = rng.choice(candidates)
        town = emp["sites"][site_index]["town"]
        if "{town}" in template or (unit and "{town}" in unit[0]):
            if emp.get("areas") and rng.random() < 0.8:
                town = rng.choice(emp["areas"])
                site_index = min(candidates, key=lambda i: _distance(emp["sites"][i]["town"], town))
        site = emp["sites"][site_index]
        fmt = {"site": site["name"], "town": town}
        unit_short = unit[0].format(**fmt) if unit else None
        unit_phrase = unit[1].format(**fmt) if unit else None
        title = template.format(unit=unit_short or "", **fmt)

        patterns, nights_only = self._patterns(role_code, sector, profile_key, title, contract, unit_short)
        part = "part_time" in patterns

        # Title variations
        lowered = title.lower()
        if contract == "bank":
            title = "Bank " + title
        elif contract == "fixed_term" and rng.random() < 0.6:
            if "(" in title:
                title += rng.choice([" - Fixed Term", " - Maternity Cover"])
            else:
                title += rng.choice([" (Fixed Term, 12 Months)", " (Maternity Cover)", " (Fixed Term)"])
        elif ("nights" in patterns and "night" not in lowered and rng.random() < 0.2
              and role_code in NIGHTS_ONLY_OK):
            title += " - Nights"
            nights_only = True
        elif part and "part time" not in lowered and contract == "permanent" and rng.random() < 0.3:
            title += " - Part Time" if "(" in title else " (Part Time)"

        hours = self._hours(emp, role_code, contract, part)
        pay = self._pay(role_code)
        band, pay_min, pay_max, period = pay

        drive_p = info.get("drive", 0.0)
        driving = rng.random() < drive_p
        if "driver" in title.lower():
            driving = True
        if "(Walker)" in title:
            driving = False
        school = info.get("school", contract == "apprenticeship")
        flags = {
            "dbs_check": bool(info.get("dbs", True)) and not (
                contract == "volunteer" and any(w in title for w in ("Gardener",))
            ),
            "driving_licence": driving,
            "visa_sponsorship": contract in ("permanent", "fixed_term") and rng.random() < info.get("visa", 0.0),
            "school_leavers": bool(school) and contract != "bank" and not driving,
            "no_experience": bool(info.get("noexp", False) or (contract == "apprenticeship" and school)),
        }

        posted, closes, status = self._dates(emp)
        ref, apply_method, apply_url = self._reference(emp, role_code, posted)

        site_indexes = [site_index]
        others = [i for i in candidates if i != site_index]
        if others and (
            (contract == "bank" and rng.random() < 0.5)
            or sector == "primary_care" and emp["key"].endswith("pcn")
            or (role_code == "community_pharmacist" and "Relief" in title)
            or (role_code == "volunteer" and "Driver" in title)
        ):
            site_indexes += others

        noun = info["noun"]
        if unit_short:
            team = unit_short
            if not team.startswith(("Ward ", "Children's Ward")):
                team = f"the {team}" if team.endswith(("Team", "Service")) else f"the {team} team"
            team_or_site = team if site["name"] in unit_short else f"{team} at {site['name']}"
        elif sector == "home_care" or profile_key == "reablement":
            team_or_site = f"our team in {town}"
        else:
            team_or_site = f"the team at {site['name']}"
        fields = {
            "noun": noun, "a_noun": _article(noun), "employer": emp["name"], "site": site["name"], "town": town,
            "site_town": site["town"],
            "unit": unit_short or "", "Unit_phrase": _cap(unit_phrase or ""), "unit_phrase": unit_phrase or "",
            "team_or_site": team_or_site, "hours": f"{hours:g}", "_flags": flags,
        }
        contact = self._contact(emp, profile_key)
        pattern_sentence = self._pattern_sentence(patterns, hours, contract, nights_only, role_code, profile_key)

        return {
            "employer_key": emp["key"],
            "site_indexes": site_indexes,
            "title": title,
            "role_code": role_code,
            "contract_type": contract,
            "working_patterns": patterns,
            "hours_per_week": float(hours),
            "pay_band": band,
            "pay_min": float(pay_min),
            "pay_max": float(pay_max),
            "pay_period": period,
            "posted_days_ago": posted,
            "closes_in_days": closes,
            "status": status,
            "summary": self._summary(fields, profile, flags, patterns, role_code, pay),
            "description": self._description(emp, fields, profile_key, role_code, unit and (unit_short, unit_phrase),
                                             pattern_sentence, contact, contract),
            "requirements": self._requirements(info, profile, flags, title, contract),
            "benefits": self._benefits(emp, role_code, band, patterns, contract, flags),
            "flags": flags,
            "external_ref": ref,
            "apply_method": apply_method,
            "apply_url": apply_url,
        }


def build_demo_region(seed: int = 20261124, vacancy_count: int = 340, today: date | None = None) -> dict:
    """Employers, sites and vacancies for the demo region, as plain dicts.

    ``vacancies[i]["employer_key"]`` names an employer and ``site_indexes`` index that employer's
    ``sites``. ``posted_days_ago`` and ``closes_in_days`` are relative to ``today``, which only
    otherwise affects the year inside advert references.
    """
    today = today or date.today()
    rng = random.Random(seed)
    places = load_places()
    employers = [_employer_dict(emp, places) for emp in EMPLOYERS]

    builder = _VacancyBuilder(rng, today)
    counts = _share(max(0, vacancy_count), [emp["share"] for emp in EMPLOYERS])
    vacancies = []
    for emp, count in zip(EMPLOYERS, counts):
        for role_code in _role_sequence(rng, emp["roles"], count):
            vacancies.append(builder.build(emp, role_code))
    rng.shuffle(vacancies)
    return {"employers": employers, "vacancies": vacancies, "users": []}
