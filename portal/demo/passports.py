"""Skills passports for the demo region: one care worker to try every part of it with, and staff
across the region's employers so the workforce team's figures have something to show.

Built from a fixed seed through the passport services, so every record, verification, share and
acceptance has its audit entry and credential exactly as in real use.
"""
from __future__ import annotations

import random
import secrets
from datetime import date, timedelta

from portal.accounts.models import User
from portal.accounts.passwords import hash_password
from portal.accounts.roles import Role
from portal.employers.models import Organisation
from portal.extensions import db
from portal.passport import services, sharing
from portal.passport.models import Method

SEED = 2026
FIRST_NAMES = ("Aisha", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Harpreet", "Isla", "Jack", "Kiran", "Leah",
               "Mo", "Nina", "Olu", "Priya", "Reece", "Sana", "Tom", "Uma", "Vik", "Wendy", "Yusuf", "Zara")
LAST_NAMES = ("Ahmed", "Brown", "Chauhan", "Davies", "Evans", "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis",
              "Mistry", "Nowak", "Owen", "Patel", "Roberts", "Singh", "Taylor", "Walker", "Young")
CORE_SKILLS = (
    ("conflict_resolution", "1"), ("equality_diversity_human_rights", "1"), ("health_safety_welfare", "1"),
    ("fire_safety", "1"), ("infection_prevention_control", "1"), ("moving_handling", "2"),
    ("information_governance", "1"), ("preventing_radicalisation", "1"), ("resuscitation", "2"),
    ("safeguarding_adults", "2"), ("safeguarding_children", "1"),
)
CARE_CERTIFICATE = (
    "cc_01_understand_your_role", "cc_02_personal_development", "cc_03_duty_of_care",
    "cc_04_equality_diversity_inclusion", "cc_05_person_centred", "cc_06_communication", "cc_07_privacy_dignity",
    "cc_08_fluids_nutrition", "cc_09_mental_health_dementia", "cc_10_safeguarding_adults",
    "cc_11_safeguarding_children", "cc_12_basic_life_support", "cc_13_health_safety", "cc_14_handling_information",
    "cc_15_infection_prevention", "cc_16_learning_disability_autism",
)
# The care worker's own records: (competence, level, days ago, verified by their employer).
CARE_WORKER_RECORDS = (
    ("fire_safety", "1", 700, True),             # due for renewal within 60 days
    ("information_governance", "1", 400, True),  # expired
    ("moving_handling", "2", 200, True),
    ("safeguarding_adults", "2", 300, True),
    ("infection_prevention_control", "1", 150, False),
    ("conflict_resolution", "1", 500, False),
    ("equality_diversity_human_rights", "1", 500, True),
    ("health_safety_welfare", "1", 500, True),
    ("dbs_certificate", "enhanced_barred", 420, True),
    ("oliver_mcgowan", "1", 90, False),
)
STAFF_PER_EMPLOYER = 3


def _details(competence: str, level: str | None, completed_on: date, provider: str, method: Method) -> services.RecordDetails:
    return services.RecordDetails(competence_code=competence, level_code=level, completed_on=completed_on,
                                  expires_on=None, provider=provider, method=method.value)


def load_demo_passports(*, care_worker: User, trainer: User, verifier: User, care_employer: Organisation,
                        nhs_employer: Organisation, organisations: list[Organisation], today: date) -> None:
    """The care worker works for ``care_employer`` (whose ``verifier`` verified most of their records
    and whose ``trainer`` signed off their Care Certificate) and has shared their passport with
    ``nhs_employer``; a few staff at every employer."""
    rng = random.Random(SEED)
    services.add_employment(care_worker, services.EmploymentDetails(
        organisation_id=care_employer.id, job_title="Care worker", started_on=today - timedelta(days=800),
        ended_on=None, confirmed=True,
    ))
    for competence, level, days_ago, verified in CARE_WORKER_RECORDS:
        record = services.add_record(care_worker, _details(
            competence, level, today - timedelta(days=days_ago), care_employer.name, Method.FACE_TO_FACE))
        if verified:
            services.verify_record(record, care_employer, verifier)
    for code in CARE_CERTIFICATE:
        services.add_verified_record(care_worker, _details(
            code, None, today - timedelta(days=760), care_employer.name, Method.WORKPLACE), care_employer, trainer)
    sharing.share_with_organisation(care_worker, nhs_employer)

    # Staff accounts cannot be signed in to: they are there for the employers' lists and the figures.
    unusable_password = hash_password(secrets.token_urlsafe(16))
    for number, organisation in enumerate(organisations):
        for index in range(STAFF_PER_EMPLOYER):
            person = _staff_account(rng, f"{number}-{index}", unusable_password)
            _add_staff_passport(rng, person, organisation, organisations, verifier, today)
    db.session.flush()


def _staff_account(rng: random.Random, tag: str, password_hash: str) -> User:
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    person = User(email=f"{name.lower().replace(' ', '.')}.{tag}@staff.example", full_name=name, password_hash=password_hash)
    person.grant(Role.JOB_SEEKER)
    db.session.add(person)
    db.session.flush()
    return person


def _add_staff_passport(rng: random.Random, person: User, organisation: Organisation, organisations: list[Organisation],
                        verifier: User, today: date) -> None:
    services.add_employment(person, services.EmploymentDetails(
        organisation_id=organisation.id, job_title="Staff member", started_on=today - timedelta(days=rng.randint(90, 2000)),
        ended_on=None, confirmed=rng.random() < 0.8,
    ))
    for competence, level in rng.sample(CORE_SKILLS, rng.randint(3, len(CORE_SKILLS))):
        record = services.add_record(person, _details(
            competence, level, today - timedelta(days=rng.randint(10, 900)), organisation.name,
            rng.choice(list(Method))))
        if rng.random() < 0.6:
            services.verify_record(record, organisation, verifier)
    if rng.random() < 0.3:
        new_employer = rng.choice([other for other in organisations if other.id != organisation.id])
        sharing.share_with_organisation(person, new_employer)
        for line in services.passport(person, today).lines:
            if line.record.is_verified and rng.random() < 0.7:
                services.accept_record(line.record, new_employer, verifier)
