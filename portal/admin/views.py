from collections.abc import Callable

from flask import flash, redirect, render_template, url_for

from portal.accounts.access import admin_required
from portal.admin import bp, services
from portal.admin.forms import ReviewForm
from portal.audit.services import organisation_reviews
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


def _render_organisation(organisation: Organisation, form: ReviewForm | None = None, status: int = 200):
    return render_template(
        "admin/organisation.html",
        organisation=organisation,
        reviews=organisation_reviews(organisation.id),
        form=form or ReviewForm(formdata=None, came_from="organisation"),
    ), status


@bp.get("/admin/organisations/<int:organisation_id>")
@admin_required
def organisation(organisation_id: int):
    return _render_organisation(db.get_or_404(Organisation, organisation_id))


def _change_status(organisation_id: int, change: Callable[..., None], done: str):
    """Apply ``change`` with the form's note and commit, then go back where the admin came from; a
    note that cannot be kept shows the organisation's page again with the message and the note."""
    organisation = db.get_or_404(Organisation, organisation_id)
    form = ReviewForm()
    if not form.validate():
        return None, _render_organisation(organisation, form, 400)
    back = redirect(url_for(".organisation", organisation_id=organisation.id) if form.came_from.data == "organisation"
                    else url_for(".dashboard"))
    try:
        change(organisation, form.note.data or "")
    except services.StatusChangeNotAllowed as problem:
        flash(str(problem), "error")
        return None, back
    db.session.commit()
    flash(f"{organisation.name} {done}.", "success")
    return organisation, back


@bp.post("/admin/organisations/<int:organisation_id>/approve")
@admin_required
def approve(organisation_id: int):
    organisation, response = _change_status(
        organisation_id, services.approve_organisation, "is approved and its recruiters have been emailed"
    )
    if organisation is not None:
        services.notify_approval(organisation)
    return response


@bp.post("/admin/organisations/<int:organisation_id>/suspend")
@admin_required
def suspend(organisation_id: int):
    return _change_status(organisation_id, services.suspend_organisation, "is suspended: its page and vacancies are hidden")[1]


@bp.post("/admin/organisations/<int:organisation_id>/reinstate")
@admin_required
def reinstate(organisation_id: int):
    return _change_status(organisation_id, services.reinstate_organisation, "is reinstated: its page and vacancies are public again")[1]
