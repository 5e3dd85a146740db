from collections.abc import Callable

from flask import flash, redirect, render_template, request, url_for

from portal.accounts.access import admin_required
from portal.admin import bp, services
from portal.admin.forms import ReviewForm
from portal.audit.services import organisation_reviews
from portal.confirmation import confirmation_page
from portal.employers.models import Organisation
from portal.extensions import db


@bp.get("/admin")
@admin_required
def dashboard():
    return render_template(
        "admin/dashboard.html",
        pending=services.pending_organisations(),
        organisations=services.all_organisations(),
    )


# What each change does, said before the administrator makes it.
STATUS_CHANGES = {
    "approve": ("Approve", False, [
        "Its page and published vacancies become public, and its recruiters are emailed to say so.",
    ]),
    "suspend": ("Suspend", True, [
        "Its page and vacancies are hidden from job seekers at once, and its recruiters can no longer manage "
        "vacancies, applicants or staff passports.",
        "Nothing is deleted: reinstating it makes everything public again.",
    ]),
    "reinstate": ("Reinstate", False, [
        "Its page and published vacancies are public again, and its recruiters can work as before.",
    ]),
}


def _render_organisation(organisation: Organisation, form: ReviewForm | None = None, status: int = 200):
    return render_template(
        "admin/organisation.html",
        organisation=organisation,
        reviews=organisation_reviews(organisation.id),
        form=form or ReviewForm(formdata=None, came_from="organisation"),
        status_changes=STATUS_CHANGES,
    ), status


@bp.get("/admin/organisations/<int:organisation_id>")
@admin_required
def organisation(organisation_id: int):
    return _render_organisation(db.get_or_404(Organisation, organisation_id))


@bp.get("/admin/organisations/<int:organisation_id>/<any(approve, suspend, reinstate):action>")
@admin_required
def confirm_status_change(organisation_id: int, action: str):
    organisation = db.get_or_404(Organisation, organisation_id)
    label, warning, consequences = STATUS_CHANGES[action]
    came_from = "organisation" if request.args.get("came_from") == "organisation" else "dashboard"
    return confirmation_page(
        f"{label} {organisation.name}?",
        consequences,
        f"{label} {organisation.name}",
        url_for(".organisation", organisation_id=organisation.id) if came_from == "organisation" else url_for(".dashboard"),
        warning=warning,
        template="admin/confirm_status_change.html",
        form=ReviewForm(formdata=None, came_from=came_from),
    )


def _change_status(organisation_id: int, change: Callable[..., None], done: str):
    """Apply ``change`` with the form's note and commit, then go back where the admin came from; a
    note that cannot be kept shows the organisation's page again with the message and the note."""
    organisation = db.get_or_404(Organisation, organisation_id)
    form = ReviewForm()
    if not form.validate():
        return _render_organisation(organisation, form, 400)
    back = redirect(url_for(".organisation", organisation_id=organisation.id) if form.came_from.data == "organisation"
                    else url_for(".dashboard"))
    try:
        change(organisation, form.note.data or "")
    except services.StatusChangeNotAllowed as problem:
        flash(str(problem), "error")
        return back
    db.session.commit()
    flash(f"{organisation.name} {done}.", "success")
    return back


@bp.post("/admin/organisations/<int:organisation_id>/approve")
@admin_required
def approve(organisation_id: int):
    return _change_status(organisation_id, services.approve_organisation, "is approved and its recruiters have been emailed")


@bp.post("/admin/organisations/<int:organisation_id>/suspend")
@admin_required
def suspend(organisation_id: int):
    return _change_status(organisation_id, services.suspend_organisation, "is suspended: its page and vacancies are hidden")


@bp.post("/admin/organisations/<int:organisation_id>/reinstate")
@admin_required
def reinstate(organisation_id: int):
    return _change_status(organisation_id, services.reinstate_organisation, "is reinstated: its page and vacancies are public again")
