from collections.abc import Callable

from flask import flash, redirect, render_template, url_for

from portal.accounts.access import admin_required
from portal.admin import bp, services
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


def _change_status(organisation_id: int, change: Callable[[Organisation], None], done: str) -> Organisation | None:
    """Apply ``change`` and commit; the organisation when it changed, None (with a message) when not allowed."""
    organisation = db.get_or_404(Organisation, organisation_id)
    try:
        change(organisation)
    except services.StatusChangeNotAllowed as problem:
        flash(str(problem), "error")
        return None
    db.session.commit()
    flash(f"{organisation.name} {done}.", "success")
    return organisation


@bp.post("/admin/organisations/<int:organisation_id>/approve")
@admin_required
def approve(organisation_id: int):
    organisation = _change_status(
        organisation_id, services.approve_organisation, "is approved and its recruiters have been emailed"
    )
    if organisation is not None:
        services.notify_approval(organisation)
    return redirect(url_for("admin.dashboard"))


@bp.post("/admin/organisations/<int:organisation_id>/suspend")
@admin_required
def suspend(organisation_id: int):
    _change_status(organisation_id, services.suspend_organisation, "is suspended: its page and vacancies are hidden")
    return redirect(url_for("admin.dashboard"))


@bp.post("/admin/organisations/<int:organisation_id>/reinstate")
@admin_required
def reinstate(organisation_id: int):
    _change_status(organisation_id, services.reinstate_organisation, "is reinstated: its page and vacancies are public again")
    return redirect(url_for("admin.dashboard"))
