"""Employer integrations: API tokens, and vacancies sent by an employer's own system or in a CSV file.

Vacancies sent either way are checked by the recruiter's web form (``VacancyForm``) and saved by the
vacancy services, so they meet the same rules and get the same messages. What is added here is only
what a form post does not need: turning JSON values or CSV cells into form data, matching a vacancy by
the employer's own reference, and the status an employer asks for.
"""
from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from werkzeug.datastructures import MultiDict
from wtforms import BooleanField, FloatField, RadioField, SelectField, SelectMultipleField
from wtforms.validators import Length, NumberRange

from portal.accounts.models import User
from portal.audit.services import organisation_scoped
from portal.employers.models import Organisation, Site
from portal.extensions import db
from portal.forms import DateInputField
from portal.integrations.models import ApiToken
from portal.reference.models import JobRole, PayBand
from portal.refusals import Conflict
from portal.time import utcnow
from portal.vacancies import services as vacancies
from portal.vacancies.forms import VacancyForm
from portal.vacancies.models import Vacancy, VacancyStatus
from portal.vacancies.services import VacancyActionRefused

TOKEN_PREFIX = "ptc_"
# Enough of the token to tell tokens apart on the tokens page, far too little to guess the rest.
SHOWN_PREFIX_LENGTH = 12
MAX_ACTIVE_TOKENS = 25
# A token in steady use is written to at most once a minute.
LAST_USED_PRECISION = timedelta(minutes=1)

# The form's field names, as employers' systems and CSV files name them where they differ.
INPUT_NAMES = {"site_ids": "sites"}
SAVE_STATUSES = (VacancyStatus.DRAFT.value, VacancyStatus.PUBLISHED.value)
TRUE_WORDS = {"true", "yes", "y", "1"}
FALSE_WORDS = {"false", "no", "n", "0", ""}
ISO_DATE = re.compile("([0-9]+)-([0-9]{1,2})-([0-9]{1,2})")
UK_DATE = re.compile("([0-9]{1,2})/([0-9]{1,2})/([0-9]+)")

# Where the form's label reads oddly on its own.
LABELS = {"pay_period": "Hourly rate or yearly salary"}
HELP = {
    "external_ref": "Like your NHS Jobs or Trac reference. Sending the same reference again updates that vacancy.",
    "role_code": "The closest type of role. Job seekers filter by it.",
    "hours_per_week": "A number, like 37.5.",
    "patterns": "Any of these, as well as full or part time.",
    "pay_band_code": "For NHS roles. With no amounts, the band's full range is shown.",
    "pay_min": "In pounds, like 12.60 an hour or 24937 a year. Needed unless there is a band or the "
               "role is volunteering.",
    "pay_max": "In pounds. Leave empty for a single amount.",
    "pay_period": "Needed when there are amounts.",
    "closing_date": "Written 2026-07-31 or 31/07/2026; today or later, within a year.",
    "summary": "One or two sentences, up to 300 characters. Shown in search results.",
    "description": "You can use Markdown: ## for a heading, - for a bullet point.",
    "flags": "Any that apply.",
    "sites": "The names (or ids) of your organisation's sites.",
    "cv_required": "yes or no. Left empty: yes, unless the job is flagged school_leavers or no_experience.",
    "apply_url": "Needed when people apply on your website or another jobs site. Starts with https://",
    "status": "draft keeps a new vacancy hidden; published publishes it. Left empty, a new vacancy is a "
              "draft and an existing one keeps its status. A published vacancy cannot go back to draft.",
}
STATUS_CHOICES = [("draft", "Draft"), ("published", "Published")]
CANNOT_UNPUBLISH = ("This vacancy is published, so it cannot go back to draft. Close it instead, or leave the "
                    "status empty to keep it published.")

Result = TypeVar("Result")


class TooManyTokens(Conflict):
    field = "name"

    def __init__(self):
        super().__init__(
            f"Your organisation has {MAX_ACTIVE_TOKENS} tokens in use. Revoke one you no longer need first"
        )


# API tokens

def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def organisation_tokens(organisation_id: int) -> list[ApiToken]:
    """Tokens in use first, newest first; revoked ones after them."""
    return list(db.session.scalars(
        select(ApiToken)
        .where(ApiToken.organisation_id == organisation_id)
        .order_by(ApiToken.revoked_at.is_not(None), ApiToken.created_at.desc(), ApiToken.id.desc())
    ))


def token_of(organisation_id: int, token_id: int) -> ApiToken | None:
    return organisation_scoped(select(ApiToken).where(ApiToken.id == token_id), ApiToken.organisation_id, organisation_id)


def create_token(organisation: Organisation, name: str, created_by: User) -> tuple[ApiToken, str]:
    """A new token and the token itself, which is never stored: only its hash is."""
    active = db.session.scalar(
        select(func.count(ApiToken.id))
        .where(ApiToken.organisation_id == organisation.id, ApiToken.revoked_at.is_(None))
    )
    if active >= MAX_ACTIVE_TOKENS:
        raise TooManyTokens
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    api_token = ApiToken(
        organisation_id=organisation.id,
        name=name.strip(),
        token_hash=_hash_token(token),
        prefix=token[:SHOWN_PREFIX_LENGTH],
        created_by_id=created_by.id,
    )
    db.session.add(api_token)
    db.session.flush()
    return api_token, token


def revoke_token(api_token: ApiToken) -> None:
    if api_token.revoked_at is None:
        api_token.revoked_at = utcnow()
        db.session.flush()


def authenticate(authorization: str | None) -> ApiToken | None:
    """The token in use given an ``Authorization: Bearer <token>`` header, noting when it was used."""
    scheme, _, credentials = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip():
        return None
    api_token = db.session.scalar(
        select(ApiToken).where(ApiToken.token_hash == _hash_token(credentials.strip()), ApiToken.revoked_at.is_(None))
    )
    if api_token is None:
        return None
    now = utcnow()
    if api_token.last_used_at is None or now - api_token.last_used_at >= LAST_USED_PRECISION:
        api_token.last_used_at = now
        db.session.flush()
    return api_token


# Vacancy input: JSON values or CSV cells, checked by the web form

@dataclass(frozen=True)
class InputField:
    name: str
    form_field: str | None
    kind: str  # text, number, choice, list, boolean or date
    required: bool
    label: str
    help: str
    # The form's Length and NumberRange limits, so the API document states the same ones.
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None


@dataclass
class VacancyChoices:
    """What the form offers an organisation: the roles, the pay bands and its own sites."""

    roles: list[JobRole]
    bands: list[PayBand]
    sites: list[Site]

    @classmethod
    def for_organisation(cls, organisation: Organisation | None) -> VacancyChoices:
        return cls(vacancies.job_roles(), vacancies.pay_bands(), list(organisation.sites) if organisation else [])

    def form(self, formdata: MultiDict | None = None) -> VacancyForm:
        form = VacancyForm(formdata=formdata, meta={"csrf": False})
        form.offer_choices(self.roles, self.bands, self.sites)
        return form

    @cached_property
    def fields(self) -> list[InputField]:
        return input_fields()


def _kind(field) -> str:
    if isinstance(field, DateInputField):
        return "date"
    if isinstance(field, SelectMultipleField):
        return "list"
    if isinstance(field, BooleanField):
        return "boolean"
    if isinstance(field, SelectField | RadioField):
        return "choice"
    if isinstance(field, FloatField):
        return "number"
    return "text"


def _is_required(field) -> bool:
    if any(getattr(validator, "field_flags", {}).get("required") for validator in field.validators):
        return True
    return isinstance(field, RadioField) and field.validate_choice


def _limits(field) -> dict[str, float | None]:
    limits = {"max_length": None, "minimum": None, "maximum": None}
    for validator in field.validators:
        if isinstance(validator, Length) and validator.max >= 0:
            limits["max_length"] = validator.max
        elif isinstance(validator, NumberRange):
            limits["minimum"], limits["maximum"] = validator.min, validator.max
    return limits


def input_fields() -> list[InputField]:
    """Every field an employer can send, read from the web form, with the employer's reference first
    (required: it matches the vacancy next time) and the status last."""
    fields = []
    for field in VacancyForm(formdata=None, meta={"csrf": False}):
        name = INPUT_NAMES.get(field.name, field.name)
        label = LABELS.get(name, field.label.text.removesuffix(" (optional)"))
        fields.append(InputField(
            name, field.name, _kind(field), name == "external_ref" or _is_required(field), label, HELP.get(name, ""),
            **_limits(field),
        ))
    fields.sort(key=lambda field: field.name != "external_ref")
    fields.append(InputField("status", None, "choice", False, "Status", HELP["status"]))
    return fields


def allowed_values(choices: VacancyChoices) -> dict[str, list[tuple[str, str]]]:
    """Each coded field's accepted values and their names, as the form offers them."""
    form = choices.form()
    allowed = {"status": STATUS_CHOICES}
    for field in form:
        if _kind(field) in ("choice", "list"):
            allowed[INPUT_NAMES.get(field.name, field.name)] = [
                (str(choice.value), choice.label) for choice in field.iter_choices() if choice.value != ""
            ]
    return allowed


@dataclass
class CheckedVacancy:
    reference: str | None
    status: str | None
    details: vacancies.VacancyDetails | None
    errors: dict[str, str]


def _text(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise ValueError


def _boolean(value) -> bool:
    if isinstance(value, bool):
        return value
    word = _text(value).strip().lower()
    if word in TRUE_WORDS | FALSE_WORDS:
        return word in TRUE_WORDS
    raise ValueError


def _date_parts(text: str) -> dict[str, str]:
    text = text.strip()
    if match := ISO_DATE.fullmatch(text):
        year, month, day = match.groups()
    elif match := UK_DATE.fullmatch(text):
        day, month, year = match.groups()
    else:
        raise ValueError
    return {"day": day, "month": month, "year": year}


def _site_value(value: str, sites: list[Site]) -> str:
    """A site id as the form expects it, from an id or a site's name; anything else is left for the
    form to refuse."""
    text = value.strip()
    if text.isdigit():
        return text
    wanted = text.casefold()
    for matches in (
        [site for site in sites if site.label.casefold() == wanted],
        [site for site in sites if site.name.casefold() == wanted],
    ):
        if len(matches) == 1:
            return str(matches[0].id)
    return text


TYPE_PROBLEMS = {
    "text": "Must be text",
    "choice": "Must be text",
    "number": "Must be a number",
    "boolean": "Must be true or false",
    "date": "{label} must be a date, written 2026-07-31 or 31/07/2026",
    "list": "Must be a list of values, or a single value",
}


def _form_data(values: Mapping[str, object], fields: list[InputField], sites: list[Site]):
    """The values as the web form's post would carry them, and the values that could not be."""
    data = MultiDict()
    problems = {}
    for field in fields:
        value = values.get(field.name)
        if field.form_field is None:
            continue
        if value is None:
            # As a browser sends an empty box or an unchosen select.
            if field.kind in ("text", "number", "choice"):
                data[field.form_field] = ""
            continue
        try:
            if field.kind == "list":
                items = [_text(item) for item in (value if isinstance(value, list) else [value])]
                if field.name == "sites":
                    items = [_site_value(item, sites) for item in items]
                data.setlist(field.form_field, items)
            elif field.kind == "boolean":
                if _boolean(value):
                    data[field.form_field] = "y"
            elif field.kind == "date":
                if _text(value).strip():
                    for part, number in _date_parts(_text(value)).items():
                        data[f"{field.form_field}-{part}"] = number
            else:
                data[field.form_field] = _text(value)
        except ValueError:
            problems[field.name] = TYPE_PROBLEMS[field.kind].format(label=field.label)
    return data, problems


def check_vacancy(values: Mapping[str, object], choices: VacancyChoices, missing_reference: str) -> CheckedVacancy:
    """Check values sent for a vacancy with the web form. Errors are keyed by the names employers send."""
    fields = choices.fields
    known = {field.name for field in fields}
    formdata, problems = _form_data(values, fields, choices.sites)
    form = choices.form(formdata)
    form.validate()
    errors = {INPUT_NAMES.get(name, name): messages[0] for name, messages in form.errors.items() if messages}
    errors.update(problems)
    reference = (form.external_ref.data or "").strip() or None
    if reference is None and "external_ref" not in errors:
        errors["external_ref"] = missing_reference
    status = values.get("status")
    status = status.strip().lower() if isinstance(status, str) else status
    if status not in (None, "", *SAVE_STATUSES):
        errors["status"] = "Status must be draft or published"
    for name in values:
        if name not in known:
            errors[name] = "We do not know this field. Check its name against the documentation"
    order = [field.name for field in fields]
    errors = dict(sorted(errors.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)))
    return CheckedVacancy(reference, status or None, None if errors else form.details(), errors)


# Saving vacancies matched by the employer's reference

@dataclass
class SavedVacancy:
    vacancy: Vacancy
    created: bool


def vacancy_by_reference(organisation_id: int, reference: str) -> Vacancy | None:
    return db.session.scalar(
        select(Vacancy).where(Vacancy.organisation_id == organisation_id, Vacancy.external_ref == reference.strip())
    )


def organisation_vacancies(organisation_id: int, status: str | None, page: int, per_page: int) -> tuple[list[Vacancy], int]:
    """A page of the organisation's vacancies, most recently changed first, and how many there are."""
    conditions = [Vacancy.organisation_id == organisation_id]
    if status:
        conditions.append(Vacancy.status == status)
    total = db.session.scalar(select(func.count(Vacancy.id)).where(*conditions))
    rows = db.session.scalars(
        select(Vacancy).where(*conditions)
        .order_by(Vacancy.updated_at.desc(), Vacancy.id.desc())
        .offset((page - 1) * per_page).limit(per_page)
        .options(selectinload(Vacancy.organisation), selectinload(Vacancy.sites), selectinload(Vacancy.role))
    )
    return list(rows), total


def vacancies_by_reference(organisation_id: int, references) -> dict[str, Vacancy]:
    references = [reference for reference in references if reference]
    if not references:
        return {}
    return {
        vacancy.external_ref: vacancy
        for vacancy in db.session.scalars(
            select(Vacancy).where(Vacancy.organisation_id == organisation_id, Vacancy.external_ref.in_(references))
        )
    }


def check_can_save(checked: CheckedVacancy, existing: Vacancy | None) -> None:
    """Refuse before anything changes, so a refused vacancy is left exactly as it was."""
    if existing is None:
        return
    vacancies.check_editable(existing)
    if checked.status == VacancyStatus.DRAFT and existing.status == VacancyStatus.PUBLISHED:
        raise VacancyActionRefused(CANNOT_UNPUBLISH)


def save_vacancy(organisation: Organisation, checked: CheckedVacancy, today: date) -> SavedVacancy:
    """Create the vacancy with this reference, or update the organisation's vacancy that has it."""
    existing = vacancy_by_reference(organisation.id, checked.reference)
    check_can_save(checked, existing)
    if existing is None:
        vacancy = vacancies.create_vacancy(organisation, checked.details)
    else:
        vacancy = vacancies.update_vacancy(existing, checked.details)
    if checked.status == VacancyStatus.PUBLISHED and vacancy.status == VacancyStatus.DRAFT:
        vacancies.publish(vacancy, today)
    return SavedVacancy(vacancy, created=existing is None)


def publish_vacancy(vacancy: Vacancy, today: date) -> Vacancy:
    """Publish a draft; asking again for a published vacancy changes nothing."""
    if vacancy.status == VacancyStatus.PUBLISHED:
        return vacancy
    return vacancies.publish(vacancy, today)


def close_vacancy(vacancy: Vacancy) -> Vacancy:
    """Close a published vacancy; asking again for a closed one changes nothing."""
    if vacancy.status == VacancyStatus.CLOSED:
        return vacancy
    return vacancies.close(vacancy)


def commit_retrying_once(save: Callable[[], Result]) -> Result:
    """Run ``save`` and commit. Two requests creating the same reference at once both find no vacancy
    and both insert; the database's unique reference refuses the second (or it sees the first's
    vacancy just in time), which then runs again and finds that vacancy to update."""
    try:
        result = save()
        db.session.commit()
    except (IntegrityError, vacancies.ReferenceInUse):
        db.session.rollback()
        result = save()
        db.session.commit()
    return result
