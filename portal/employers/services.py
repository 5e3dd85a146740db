"""Employers: registering an organisation with its sites and logo, the public directory, and inviting colleagues."""
from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app, url_for
from slugify import slugify
from werkzeug.datastructures import FileStorage
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import selectinload

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.accounts.services import normalise_email
from portal.audit.services import organisation_scoped
from portal.employers.models import Invitation, Organisation, OrganisationStatus, Site
from portal.extensions import db
from portal.locations.services import find_place
from portal.mail import send_email
from portal.refusals import Conflict, Forbidden, Refused
from portal.reference.models import Sector
from portal.storage import Shown, StoredFile, check_image_upload, delete_file, register_public_images, save_image
from portal.time import utcnow
from portal.vacancies.models import Vacancy, vacancy_sites

FULL_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
# Paths under /employers/ that a slug must not shadow.
RESERVED_SLUGS = {"register"}
MAX_LOGO_BYTES = 1024 * 1024
LOGO_PURPOSE = "logo"


class SiteInUse(Conflict):
    field = "remove"

    def __init__(self, site: Site, vacancy_count: int):
        vacancies = "1 vacancy" if vacancy_count == 1 else f"{vacancy_count} vacancies"
        super().__init__(f"{site.name} is the place of work for {vacancies}. Move them to another site first.")
        self.site = site
        self.vacancy_count = vacancy_count


class AlreadyMember(Conflict):
    field = "email"

    def __init__(self, email: str):
        super().__init__(f"{email} is already a recruiter for your organisation")


class InvitationUnusable(Refused):
    """The link cannot be used by anyone: ``reason`` is ``not_found``, ``used`` or ``expired``."""

    message = "This invitation link cannot be used. Ask for a new invitation."

    def __init__(self, reason: str):
        super().__init__()
        self.reason = reason


class InvitationForSomeoneElse(Forbidden):
    message = "This invitation was sent to another email address."


class InAnotherOrganisation(Conflict):
    message = "Your account belongs to another organisation, so it cannot join this one."


class OrganisationSuspended(Forbidden):
    """Nobody joins a suspended organisation; the invitation works again once it is reinstated."""

    message = "This organisation is suspended, so nobody can join it until it is reinstated."


@dataclass
class SiteDetails:
    name: str
    town: str
    postcode: str
    site_id: int | None = None
    remove: bool = False


@dataclass
class OrganisationDetails:
    name: str
    sector_code: str
    website: str | None
    about: str
    sites: list[SiteDetails]


@dataclass
class DirectoryEntry:
    organisation: Organisation
    live_vacancies: int


def sectors() -> list[Sector]:
    return list(db.session.scalars(select(Sector).order_by(Sector.position, Sector.name)))


def normalise_postcode(text: str) -> str | None:
    """``le11 1aa`` becomes ``LE11 1AA``; None when it is not a full UK postcode."""
    match = FULL_POSTCODE.match(re.sub(r"\s+", "", text or "").upper())
    return f"{match.group(1)} {match.group(2)}" if match else None


def unique_slug(name: str) -> str:
    base = slugify(name, max_length=170, word_boundary=True) or "organisation"
    taken = set(db.session.scalars(
        select(Organisation.slug).where(or_(Organisation.slug == base, Organisation.slug.like(f"{base}-%")))
    )) | RESERVED_SLUGS
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _place_site(site: Site) -> None:
    """Coordinates from the postcode district, else the town; none when the gazetteer knows neither."""
    place = find_place(site.postcode) or find_place(site.town)
    site.latitude, site.longitude = (place.latitude, place.longitude) if place else (None, None)


def _fill_site(site: Site, details: SiteDetails) -> None:
    site.name, site.town = details.name, details.town
    site.postcode = normalise_postcode(details.postcode) or details.postcode
    _place_site(site)


def _new_site(details: SiteDetails) -> Site:
    site = Site()
    _fill_site(site, details)
    return site


# Logos

def check_logo(upload: FileStorage) -> None:
    """UploadRejected, with a message for the form, unless the upload would be stored as a logo."""
    check_image_upload(upload, max_bytes=MAX_LOGO_BYTES, called="logo")


def _store_logo(organisation: Organisation, upload: FileStorage) -> None:
    """The new logo in the storage layer; the one it replaces is deleted, its object once this commits."""
    replaced = organisation.logo
    organisation.logo = save_image(upload, owner_id=None, purpose=LOGO_PURPOSE, max_bytes=MAX_LOGO_BYTES, called="logo")
    if replaced is not None:
        delete_file(replaced)


def logo_shown(stored: StoredFile, user) -> Shown | None:
    """Who may see a logo: anyone when its organisation is approved; else its own people and admins."""
    organisation = db.session.scalar(select(Organisation).where(Organisation.logo_id == stored.id))
    if organisation is None or not can_view(organisation, user):
        return None
    return Shown.TO_EVERYONE if organisation.is_approved else Shown.TO_THIS_VIEWER


register_public_images(LOGO_PURPOSE, logo_shown)


# Registering and editing

def register_organisation(user: User, details: OrganisationDetails, logo: FileStorage | None = None) -> Organisation:
    """A new organisation waiting for approval, with ``user`` as its first recruiter. Raises UploadRejected
    when the logo cannot be stored."""
    organisation = Organisation(
        name=details.name,
        slug=unique_slug(details.name),
        sector_code=details.sector_code,
        website=details.website,
        about=details.about,
        status=OrganisationStatus.PENDING.value,
        sites=[_new_site(site) for site in details.sites if not site.remove],
    )
    db.session.add(organisation)
    user.organisation = organisation
    user.grant(Role.RECRUITER)
    if logo is not None:
        _store_logo(organisation, logo)
    db.session.flush()
    return organisation


def _vacancies_using(site: Site) -> int:
    return db.session.scalar(
        select(func.count()).select_from(vacancy_sites).where(vacancy_sites.c.site_id == site.id)
    )


def update_organisation(
    organisation: Organisation, details: OrganisationDetails, logo: FileStorage | None = None, remove_logo: bool = False,
) -> None:
    """Change the details and sites (never the status), and the logo when a new one is given (or remove it).
    Raises UploadRejected when the logo cannot be stored."""
    existing = {site.id: site for site in organisation.sites}
    for row in details.sites:
        if row.remove and row.site_id in existing:
            in_use = _vacancies_using(existing[row.site_id])
            if in_use:
                raise SiteInUse(existing[row.site_id], in_use)
    organisation.name = details.name
    organisation.sector_code = details.sector_code
    organisation.website = details.website
    organisation.about = details.about
    for row in details.sites:
        site = existing.get(row.site_id)
        if site is None:
            if not row.remove:
                organisation.sites.append(_new_site(row))
        elif row.remove:
            organisation.sites.remove(site)
        else:
            _fill_site(site, row)
    if logo is not None:
        _store_logo(organisation, logo)
    elif remove_logo and organisation.logo is not None:
        removed, organisation.logo = organisation.logo, None
        delete_file(removed)
    db.session.flush()


# Public pages

def can_view(organisation: Organisation, user) -> bool:
    """Approved organisations are public; their own recruiters and admins may preview the others."""
    if organisation.is_approved:
        return True
    return bool(user.is_authenticated and (user.is_admin or user.organisation_id == organisation.id))


def organisation_by_slug(slug: str) -> Organisation | None:
    return db.session.scalar(
        select(Organisation).where(Organisation.slug == slug).options(selectinload(Organisation.sites))
    )


def live_vacancies(organisation: Organisation, today: date) -> list[Vacancy]:
    return list(db.session.scalars(
        select(Vacancy)
        .where(Vacancy.organisation_id == organisation.id, Vacancy.is_open(today))
        .order_by(Vacancy.closing_date, Vacancy.title)
    ))


def directory(today: date, sector_code: str | None = None) -> list[tuple[Sector, list[DirectoryEntry]]]:
    """Approved organisations with their live vacancy counts, grouped by sector in the sectors' order."""
    query = (
        select(Organisation, func.count(Vacancy.id))
        .outerjoin(Vacancy, and_(Vacancy.organisation_id == Organisation.id, Vacancy.is_open(today)))
        .where(Organisation.status == OrganisationStatus.APPROVED)
        .group_by(Organisation.id)
        .order_by(Organisation.name)
        .options(selectinload(Organisation.sites))
    )
    if sector_code:
        query = query.where(Organisation.sector_code == sector_code)
    by_sector: dict[str, list[DirectoryEntry]] = {}
    for organisation, count in db.session.execute(query):
        by_sector.setdefault(organisation.sector_code, []).append(DirectoryEntry(organisation, count))
    return [(sector, by_sector[sector.code]) for sector in sectors() if sector.code in by_sector]


# Inviting colleagues

def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_invitations(organisation: Organisation) -> list[Invitation]:
    return list(db.session.scalars(
        select(Invitation)
        .where(Invitation.organisation_id == organisation.id, Invitation.accepted_at.is_(None))
        .order_by(Invitation.created_at.desc(), Invitation.id.desc())
    ))


def recruiters_of(organisation: Organisation) -> list[User]:
    return [member for member in organisation.members if member.has_role(Role.RECRUITER)]


def colleagues_of(organisation: Organisation) -> list[User]:
    """Recruiters and trainers, by name."""
    return sorted(
        (member for member in organisation.members if member.roles & set(INVITABLE_ROLES)),
        key=lambda member: member.full_name,
    )


# The roles a colleague can be invited to, as the team page offers them.
INVITABLE_ROLES = {
    Role.RECRUITER: "Recruiter: posts and manages vacancies and applicants, and sees staff passports",
    Role.TRAINER: "Trainer: sees staff passports, verifies their training records and adds training you deliver",
}


def invite_colleague(organisation: Organisation, email: str, invited_by: User, role: Role = Role.RECRUITER) -> tuple[Invitation, str]:
    """A new invitation and its token, which exists only in the email; an older one to the same address is replaced."""
    if any(normalise_email(member.email) == normalise_email(email) for member in organisation.members):
        raise AlreadyMember(email)
    email = normalise_email(email)
    for earlier in open_invitations(organisation):
        if earlier.email == email:
            db.session.delete(earlier)
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        organisation=organisation,
        email=email,
        role=role.value,
        token_hash=_hash_token(token),
        invited_by_id=invited_by.id,
        expires_at=utcnow() + timedelta(days=current_app.config["INVITATION_MAX_AGE_DAYS"]),
    )
    db.session.add(invitation)
    db.session.flush()
    return invitation, token


def send_invitation(invitation: Invitation, token: str, invited_by: User) -> None:
    organisation = invitation.organisation
    send_email(
        invitation.email,
        f"Join {organisation.name} on {current_app.config['SITE_NAME']}",
        "invitation",
        organisation=organisation,
        invited_by=invited_by,
        role_label=Role(invitation.role).label,
        link=url_for("employers.invitation", token=token, _external=True),
        expires_at=invitation.expires_at,
    )


def usable_invitation(token: str) -> Invitation:
    invitation = db.session.scalar(select(Invitation).where(Invitation.token_hash == _hash_token(token)))
    if invitation is None:
        raise InvitationUnusable("not_found")
    if invitation.accepted_at is not None:
        raise InvitationUnusable("used")
    if invitation.expires_at <= utcnow():
        raise InvitationUnusable("expired")
    return invitation


def check_can_accept(invitation: Invitation, user: User) -> None:
    if not invitation.organisation.may_act:
        raise OrganisationSuspended()
    if normalise_email(user.email) != invitation.email:
        raise InvitationForSomeoneElse()
    if user.organisation_id not in (None, invitation.organisation_id):
        raise InAnotherOrganisation()


def accept_invitation(invitation: Invitation, user: User) -> None:
    check_can_accept(invitation, user)
    user.organisation_id = invitation.organisation_id
    user.grant(Role(invitation.role))
    invitation.accepted_at = utcnow()
    db.session.flush()


def invitation_of(organisation: Organisation, invitation_id: int) -> Invitation | None:
    return organisation_scoped(select(Invitation).where(Invitation.id == invitation_id), Invitation.organisation_id, organisation.id)


def revoke_invitation(invitation: Invitation) -> None:
    db.session.delete(invitation)
    db.session.flush()
