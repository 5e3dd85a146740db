"""Sharing by consent: with one organisation, or by a link that expires, and who may see a passport.

An organisation sees a passport while the holder lists a current, confirmed job with it ("employer"
access: it may verify and add records) or while a live share names it or was opened through a link by
one of its people ("shared" access: it may accept records). Anything else sees nothing: the views
answer 404. Every look by someone other than the holder is logged for the holder to see.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from portal.accounts.models import User
from portal.employers.models import Organisation, OrganisationStatus
from portal.extensions import db
from portal.passport.models import PassportShare, PassportView, ShareEndReason, ShareKind
from portal.passport.services import audit, is_confirmed_employer, vouches_for_self
from portal.time import utcnow

DEFAULT_LINK_DAYS = 30
MAX_LINK_DAYS = 365


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def share_with_organisation(holder: User, organisation: Organisation, application_id: int | None = None,
                            keep_after_application: bool = False) -> PassportShare:
    """Share with the organisation until revoked, or, when made with an application, until the
    application ends unless ``keep_after_application``. An existing live share is kept, not repeated."""
    now = utcnow()
    existing = live_organisation_share(organisation.id, holder.id, now)
    if existing is not None:
        return existing
    share = PassportShare(
        holder_id=holder.id, kind=ShareKind.ORGANISATION.value, organisation_id=organisation.id,
        application_id=application_id, label=organisation.name,
        keep_after_application=keep_after_application if application_id else False,
    )
    db.session.add(share)
    db.session.flush()
    how = " when applying for a job" if application_id else ""
    audit(holder.id, "share_created", f"Shared with {organisation.name}{how}", actor=holder,
          organisation_id=organisation.id)
    return share


def create_link(holder: User, label: str, days: int = DEFAULT_LINK_DAYS) -> tuple[PassportShare, str]:
    """A new share link and its token (shown once: only its hash is kept)."""
    token = secrets.token_urlsafe(24)
    share = PassportShare(
        holder_id=holder.id, kind=ShareKind.LINK.value, token_hash=_hash(token), label=label,
        expires_at=utcnow() + timedelta(days=days),
    )
    db.session.add(share)
    db.session.flush()
    audit(holder.id, "share_created", f"Share link ‘{label}’ created, expiring {share.expires_at:%d %B %Y}",
          actor=holder)
    return share, token


def shares(holder_id: int) -> list[PassportShare]:
    return list(db.session.scalars(
        select(PassportShare).where(PassportShare.holder_id == holder_id)
        .order_by(PassportShare.created_at.desc(), PassportShare.id.desc())
    ))


def get_share(share_id: int, holder_id: int) -> PassportShare | None:
    return db.session.scalar(select(PassportShare).where(PassportShare.id == share_id, PassportShare.holder_id == holder_id))


def revoke_share(share: PassportShare, holder: User) -> bool:
    """False when it had already been revoked."""
    if share.revoked_at is not None:
        return False
    share.revoked_at = utcnow()
    share.end_reason = ShareEndReason.STOPPED_BY_HOLDER.value
    db.session.flush()
    audit(holder.id, "share_revoked", f"Stopped sharing with {share.label}", actor=holder,
          organisation_id=share.organisation_id)
    return True


def keep_after_application(share: PassportShare, holder: User, keep: bool) -> bool:
    """The holder's choice for a live share made with an application; False when nothing changed."""
    if share.application_id is None or share.revoked_at is not None or share.keep_after_application == keep:
        return False
    share.keep_after_application = keep
    db.session.flush()
    detail = (f"Sharing with {share.label} will continue after your application ends" if keep
              else f"Sharing with {share.label} will end when your application ends")
    audit(holder.id, "share_changed", detail, actor=holder, organisation_id=share.organisation_id)
    return True


def end_application_shares(application_id: int, reason: ShareEndReason) -> None:
    """End the live shares made with the application, except those the holder chose to keep; call
    it before the application row goes, in the same transaction, while the link is still there."""
    now = utcnow()
    for share in db.session.scalars(select(PassportShare).where(
        PassportShare.application_id == application_id, PassportShare.revoked_at.is_(None),
    )):
        if share.keep_after_application:
            audit(share.holder_id, "share_kept", f"Still sharing with {share.label} after {reason.because}, as you chose",
                  organisation_id=share.organisation_id)
            continue
        share.revoked_at = now
        share.end_reason = reason.value
        audit(share.holder_id, "share_ended", f"Sharing with {share.label} ended because {reason.because}",
              organisation_id=share.organisation_id)
    db.session.flush()


def share_for_token(token: str, now: datetime) -> PassportShare | None:
    """The live link share for ``token``, or None (unknown, expired or revoked alike)."""
    share = db.session.scalar(select(PassportShare).where(
        PassportShare.token_hash == _hash(token), PassportShare.kind == ShareKind.LINK.value
    ))
    return share if share is not None and share.is_live(now) else None


def live_organisation_share(organisation_id: int, holder_id: int, now: datetime) -> PassportShare | None:
    candidates = db.session.scalars(select(PassportShare).where(
        PassportShare.holder_id == holder_id, PassportShare.organisation_id == organisation_id,
        PassportShare.revoked_at.is_(None),
    ))
    return next((share for share in candidates if share.is_live(now) and not share.hides_identity), None)


def shared_with(organisation_id: int, now: datetime) -> list[PassportShare]:
    """The live shares naming the organisation, newest first."""
    candidates = db.session.scalars(select(PassportShare).where(
        PassportShare.organisation_id == organisation_id, PassportShare.revoked_at.is_(None),
    ).order_by(PassportShare.created_at.desc()))
    return [share for share in candidates if share.is_live(now) and not share.hides_identity]


@dataclass(frozen=True)
class Access:
    """Why an organisation's member may see a passport now, and what they may do with it."""

    # The holder works there and allows it: the organisation may verify and add records, not only accept.
    employer: bool
    share: PassportShare | None
    # The member looking is the holder: they see their passport as their employer does, and vouch for none of it.
    own: bool = False

    @property
    def may_verify(self) -> bool:
        return self.employer and not self.own

    @property
    def may_accept(self) -> bool:
        return not self.own


def organisation_access(organisation: Organisation, holder_id: int, now: datetime, viewer: User) -> Access | None:
    """None unless the (approved) organisation employs the holder, with their confirmation, or holds
    a live share from them."""
    if organisation.status != OrganisationStatus.APPROVED:
        return None
    employer = is_confirmed_employer(organisation.id, holder_id)
    share = live_organisation_share(organisation.id, holder_id, now)
    if not employer and share is None:
        return None
    return Access(employer=employer, share=share, own=vouches_for_self(holder_id, viewer.id))


def log_view(holder_id: int, viewer: User | None, organisation_id: int | None, share: PassportShare | None,
             what: str = "passport") -> None:
    db.session.add(PassportView(
        holder_id=holder_id, viewer_id=viewer.id if viewer is not None else None,
        organisation_id=organisation_id, share_id=share.id if share is not None else None, what=what,
    ))
    db.session.flush()


def views_of(holder_id: int) -> list[PassportView]:
    return list(db.session.scalars(
        select(PassportView).where(PassportView.holder_id == holder_id)
        .order_by(PassportView.viewed_at.desc(), PassportView.id.desc())
    ))


@dataclass
class ViewsOnOneDay:
    """The same person's (or link's) looks of one kind on one day, as the holder reads them."""

    latest: PassportView
    times: int


def views_by_day(holder_id: int) -> list[ViewsOnOneDay]:
    """Views grouped by who, what and day, newest first: an employer working through a passport
    looks many times in a few minutes, and the holder wants to know who and when, not every click."""
    grouped: dict[tuple, ViewsOnOneDay] = {}
    for view in views_of(holder_id):
        key = (view.viewer_id, view.organisation_id, view.share_id, view.what, view.viewed_at.date())
        if key in grouped:
            grouped[key].times += 1
        else:
            grouped[key] = ViewsOnOneDay(latest=view, times=1)
    return list(grouped.values())
