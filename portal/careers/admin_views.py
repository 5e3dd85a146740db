"""The workforce team edit the careers content: drafts, preview, publishing, history and restoring.

Every change goes through ``portal.careers.services``, which checks the text whole and refuses a save over
a newer version; a refused change re-shows the person's text exactly as sent, and changes nothing.
"""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from portal.accounts.access import admin_required
from portal.careers import bp, services
from portal.careers.content import (
    ENTRY_KINDS, ROLE_SECTIONS, STEP_KINDS, WORKS_WITH, ContentInvalid, ContentKind,
)
from portal.careers.forms import OUT_OF_DATE, ContentForm, NewPathwayForm
from portal.careers.models import CareerDocument, CareerRevision
from portal.confirmation import confirmation_page
from portal.extensions import db
from portal.lookups import found_or_404
from portal.refusals import Conflict, Refused
from portal.templating import format_date, format_uk_time
from portal.reference.models import JobRole, RoleFamily, Sector

KIND = "<any(role, pathway, quiz, interests):kind>"
ACTIONS = ("preview", "draft", "publish")

# A new pathway starts from a text that is already valid, so the editor changes it rather than guessing.
PATHWAY_SKELETON = '''+++
title = "From care worker to senior care worker"
summary = "Start in a care home with no qualifications and become a senior care worker."
sectors = ["residential_care"]

[[steps]]
from = "new_to_care_worker"
to = "care_worker"
kind = "experience"
what = "Finish the Care Certificate in your first weeks and learn the job alongside experienced staff."
time = "About 3 months"

[[steps]]
from = "care_worker"
to = "senior_care_worker"
kind = "qualification"
what = "Gain experience and a Level 3 Diploma in Adult Care."
time = "1 to 2 years"
+++
Write a short introduction here: who this pathway is for and what it leads to, in 40 to 150 words.
'''


# Lists and names --------------------------------------------------------------------------------------

def _names() -> dict[str, dict[str, str]]:
    """Codes shown as the names people know them by: roles, sectors and interest areas."""
    return {
        "roles": dict(db.session.execute(select(JobRole.code, JobRole.name)).all()),
        "sectors": dict(db.session.execute(select(Sector.code, Sector.name).order_by(Sector.position)).all()),
        "interests": {interest.code: interest.name for interest in services.published_content().interests},
    }


def _title(document: CareerDocument, names: dict[str, dict[str, str]]) -> str:
    if document.kind is ContentKind.ROLE:
        return names["roles"].get(document.key, document.key)
    if document.kind is ContentKind.PATHWAY:
        pathway = services.published_content().pathways.get(document.key)
        return pathway.title if pathway else document.key
    return {ContentKind.QUIZ: "The careers quiz", ContentKind.INTERESTS: "Interest areas"}[document.kind]


def _latest_revisions() -> dict[tuple[ContentKind, str], CareerRevision]:
    """Each document's newest revision: who changed it last, and when."""
    newest = select(func.max(CareerRevision.id)).group_by(CareerRevision.kind, CareerRevision.key)
    revisions = db.session.scalars(
        select(CareerRevision).where(CareerRevision.id.in_(newest)).options(joinedload(CareerRevision.author))
    )
    return {(revision.kind, revision.key): revision for revision in revisions}


@bp.get("/admin/careers")
@admin_required
def admin_content():
    names = _names()
    documents = {(document.kind, document.key): document for document in services.documents()}
    families = []
    for family in db.session.scalars(select(RoleFamily).order_by(RoleFamily.position, RoleFamily.name)):
        roles = [(role, documents.get((ContentKind.ROLE, role.code))) for role in family.roles]
        if roles:
            families.append((family, roles))
    pathways = sorted(
        (document for (kind, _key), document in documents.items() if kind is ContentKind.PATHWAY),
        key=lambda document: _title(document, names).lower(),
    )
    return render_template(
        "careers/admin/index.html",
        families=families,
        pathways=[(document, _title(document, names)) for document in pathways],
        quiz=documents.get((ContentKind.QUIZ, "quiz")),
        interests=documents.get((ContentKind.INTERESTS, "interests")),
        latest=_latest_revisions(),
    )


# Editing ------------------------------------------------------------------------------------------

def _document_or_404(kind: str, key: str) -> CareerDocument:
    return found_or_404(services.find_document(ContentKind(kind), key))


def _editor(document: CareerDocument | None, form: ContentForm, *, preview=None, status: int = 200):
    names = _names()
    kind = document.kind if document else ContentKind.PATHWAY
    return render_template(
        "careers/admin/edit.html",
        document=document,
        kind=kind,
        title=_title(document, names) if document else "New pathway",
        form=form,
        preview=preview,
        names=names,
        # What the help beside the text lists: the headings and codes a text may use.
        sections=ROLE_SECTIONS,
        entry_kinds=ENTRY_KINDS,
        step_kinds=STEP_KINDS,
        works_with=WORKS_WITH,
    ), status


def _problems(refusal: Refused) -> list[str]:
    return list(refusal.problems) if isinstance(refusal, ContentInvalid) else [str(refusal)]


def _refused(document: CareerDocument | None, form: ContentForm, refusal: Refused):
    """The form again with the person's text as sent and every reason beside it; nothing is kept."""
    db.session.rollback()
    form.text.errors = list(form.text.errors or []) + _problems(refusal)
    return _editor(document, form, status=refusal.status)


def _submit(kind: ContentKind, key: str, document: CareerDocument | None, form: ContentForm):
    """Preview, save as a draft or publish what the form holds."""
    action = request.form.get("action")
    if action not in ACTIONS:
        # Pressing Enter in the note sends no button: show the preview, which changes nothing.
        action = "preview"
    if not form.validate():
        return _editor(document, form, status=400)
    if action == "preview":
        try:
            parsed = services.parse(kind, key, form.text.data)
        except ContentInvalid as invalid:
            return _refused(document, form, invalid)
        return _editor(document, form, preview=parsed)
    try:
        services.save(kind, key, form.text.data, current_user, publish=action == "publish",
                      version=form.version_number(), note=form.note.data or "")
        db.session.commit()
    except Refused as refusal:
        return _refused(document, form, refusal)
    flash("Published: the public pages show it now." if action == "publish"
          else "Saved as a draft. The public pages have not changed: publish the draft when it is ready.", "success")
    return redirect(url_for(".admin_edit", kind=kind.value, key=key), 303)


@bp.route(f"/admin/careers/{KIND}/<key>", methods=["GET", "POST"])
@admin_required
def admin_edit(kind: str, key: str):
    document = _document_or_404(kind, key)
    if request.method == "GET":
        form = ContentForm(formdata=None, text=services.editing_text(document), version=str(document.version))
        return _editor(document, form)
    return _submit(document.kind, document.key, document, ContentForm())


@bp.route("/admin/careers/pathways/new", methods=["GET", "POST"])
@admin_required
def admin_new_pathway():
    if request.method == "GET":
        return _editor(None, NewPathwayForm(formdata=None, text=PATHWAY_SKELETON))
    form = NewPathwayForm()
    if form.validate() and services.find_document(ContentKind.PATHWAY, form.slug.data):
        form.slug.errors.append("A pathway already has this address: choose another")
        return _editor(None, form, status=409)
    try:
        return _submit(ContentKind.PATHWAY, form.slug.data or "", None, form)
    except IntegrityError:
        # Another editor made a pathway with the same address since the check above.
        db.session.rollback()
        form.slug.errors.append("A pathway already has this address: choose another")
        return _editor(None, form, status=409)


def _posted_version() -> int:
    value = request.form.get("version", "").strip()
    if not value.isdigit() or len(value) >= 10:
        raise Conflict(OUT_OF_DATE)
    return int(value)


def _refused_on_page(document: CareerDocument, refusal: Refused):
    """A button refused (publish or discard the draft): the edit page as it now stands, with the reasons."""
    db.session.rollback()
    form = ContentForm(formdata=None, text=services.editing_text(document), version=str(document.version))
    form.text.errors = _problems(refusal)
    return _editor(document, form, status=refusal.status)


@bp.post(f"/admin/careers/{KIND}/<key>/publish-draft")
@admin_required
def admin_publish_draft(kind: str, key: str):
    document = _document_or_404(kind, key)
    try:
        services.publish_draft(document, current_user, _posted_version())
        db.session.commit()
    except Refused as refusal:
        return _refused_on_page(document, refusal)
    flash("The draft is published: the public pages show it now.", "success")
    return redirect(url_for(".admin_edit", kind=kind, key=key), 303)


@bp.route(f"/admin/careers/{KIND}/<key>/discard-draft", methods=["GET", "POST"])
@admin_required
def admin_discard_draft(kind: str, key: str):
    document = _document_or_404(kind, key)
    title = _title(document, _names())
    edit_page = url_for(".admin_edit", kind=kind, key=key)
    if request.method == "GET":
        if document.draft is None:
            flash("There is no draft waiting to discard.", "info")
            return redirect(edit_page, 303)
        return confirmation_page(
            f"Discard the draft of {title}?",
            ["The draft's text is kept in the history, so it can be restored later.",
             "The published page does not change."],
            "Discard the draft",
            edit_page,
            template="careers/admin/confirm_discard.html",
            version=document.version,
        )
    try:
        services.discard_draft(document, current_user, _posted_version())
        db.session.commit()
    except Refused as refusal:
        return _refused_on_page(document, refusal)
    flash("The draft is discarded. Its text is still in the history.", "success")
    return redirect(edit_page, 303)


# History -------------------------------------------------------------------------------------------

def _revision_or_404(document: CareerDocument, revision_id: int) -> CareerRevision:
    """One of this document's revisions; another document's is a 404 like one that does not exist."""
    revision = db.session.get(CareerRevision, revision_id)
    mine = revision is not None and (revision.kind, revision.key) == (document.kind, document.key)
    return found_or_404(revision if mine else None)


@bp.get(f"/admin/careers/{KIND}/<key>/history")
@admin_required
def admin_history(kind: str, key: str):
    document = _document_or_404(kind, key)
    return render_template("careers/admin/history.html", document=document, title=_title(document, _names()),
                           revisions=services.history(document))


def _revision_page(document: CareerDocument, revision: CareerRevision, problems=(), status: int = 200):
    return render_template("careers/admin/revision.html", document=document, revision=revision,
                           title=_title(document, _names()), problems=problems), status


@bp.get(f"/admin/careers/{KIND}/<key>/history/<int:revision_id>")
@admin_required
def admin_revision(kind: str, key: str, revision_id: int):
    document = _document_or_404(kind, key)
    return _revision_page(document, _revision_or_404(document, revision_id))


@bp.post(f"/admin/careers/{KIND}/<key>/history/<int:revision_id>/restore")
@admin_required
def admin_restore(kind: str, key: str, revision_id: int):
    document = _document_or_404(kind, key)
    revision = _revision_or_404(document, revision_id)
    try:
        services.restore(document, revision.id, current_user, _posted_version())
        db.session.commit()
    except Refused as refusal:
        db.session.rollback()
        return _revision_page(document, revision, _problems(refusal), refusal.status)
    when = f"{format_date(revision.created_at)}, {format_uk_time(revision.created_at)}"
    flash(f"The version of {when} is now the draft. Check it, then publish it.", "success")
    return redirect(url_for(".admin_edit", kind=kind, key=key), 303)
