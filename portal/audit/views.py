from flask import render_template, request, url_for

from portal.accounts.access import admin_required
from portal.admin.services import all_organisations
from portal.audit import bp, services
from portal.audit.forms import AuditFilterForm


@bp.get("/admin/audit")
@admin_required
def trail():
    form = AuditFilterForm(request.args, organisations=all_organisations())
    page = min(max(request.args.get("page", 1, type=int), 1), services.MAX_PAGE)
    events = services.events_page(form.filters(), page) if form.validate() else None

    def page_link(number: int) -> str:
        return url_for(".trail", **{**request.args.to_dict(), "page": number})

    return render_template("audit/trail.html", form=form, events=events, page_link=page_link)
