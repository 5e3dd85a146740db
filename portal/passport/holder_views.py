"""The holder's own passport: records, employments, sharing, who viewed it and its history."""
from __future__ import annotations

from datetime import date

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from portal.confirmation import confirmation_page
from portal.extensions import db
from portal.lookups import found_or_404
from portal.passport import bp, catalogue, credentials, services, sharing
from portal.passport.forms import (
    ChooseCompetenceForm,
    EmploymentForm,
    RecordForm,
    ShareLinkForm,
    ShareWithOrganisationForm,
)
from portal.passport.pages import evidence_rules, pdf_response, role_check, save_record_form
from portal.passport.pdf import passport_pdf
from portal.storage import download_response
from portal.time import utcnow


@bp.app_context_processor
def passport_role_check():
    """Lets a vacancy page offer to check the visitor's passport against the vacancy's role."""
    return {"role_has_requirements": catalogue.role_has_requirements}


@bp.get("/passport")
@login_required
def mine():
    passport = services.passport(current_user, date.today())
    return render_template(
        "passport/mine.html",
        passport=passport,
        **role_check(passport, request.args.get("role")),
        employments=services.employments(current_user.id),
        live_shares=[share for share in sharing.shares(current_user.id) if share.is_live(utcnow())],
    )


@bp.get("/passport/pdf")
@login_required
def pdf():
    document = passport_pdf(services.passport(current_user, date.today()), current_app.config["SITE_NAME"], None)
    return pdf_response(document, f"skills-passport-{date.today().isoformat()}.pdf")


# Records

@bp.get("/passport/records/new")
@login_required
def choose_competence():
    groups = catalogue.competences_by_category()
    form = ChooseCompetenceForm(request.args, groups=groups)
    if request.args and form.validate():
        return redirect(url_for(".add_record", competence_code=form.competence.data))
    return render_template("passport/choose_competence.html", form=form, groups=groups)


@bp.route("/passport/records/new/<competence_code>", methods=["GET", "POST"])
@login_required
def add_record(competence_code: str):
    competence = found_or_404(catalogue.active_competence(competence_code))
    form = RecordForm(competence=competence)
    if form.validate_on_submit():
        record = save_record_form(form, lambda: services.add_record(current_user, form.details()))
        if record is not None:
            flash(f"{record.title} has been added to your passport.", "success")
            return redirect(url_for(".mine"))
    return render_template("passport/record_form.html", form=form, competence=competence, record=None,
                           evidence_rules=evidence_rules())


@bp.get("/passport/records/<int:record_id>")
@login_required
def record(record_id: int):
    record = found_or_404(services.get_holder_record(record_id, current_user.id))
    return render_template(
        "passport/record.html", record=record, line=services.record_line(record, date.today()),
        credential=services.live_credential(record) if record.is_verified else None,
    )


@bp.route("/passport/records/<int:record_id>/edit", methods=["GET", "POST"])
@login_required
def edit_record(record_id: int):
    record = found_or_404(services.get_holder_record(record_id, current_user.id))
    if record.is_verified:
        flash("This record has been verified, so it cannot be changed. If you have done the training again, add a newer record.", "info")
        return redirect(url_for(".record", record_id=record.id))
    form = RecordForm(competence=record.competence) if request.method == "POST" else RecordForm.for_record(record)
    if form.validate_on_submit():
        if save_record_form(form, lambda: services.update_record(record, current_user, form.details())):
            flash("Your record has been updated.", "success")
            return redirect(url_for(".record", record_id=record.id))
    return render_template("passport/record_form.html", form=form, competence=record.competence, record=record,
                           evidence_rules=evidence_rules())


@bp.get("/passport/records/<int:record_id>/delete")
@login_required
def confirm_delete_record(record_id: int):
    record = found_or_404(services.get_holder_record(record_id, current_user.id))
    return confirmation_page(
        f"Are you sure you want to remove {record.title} from your passport?",
        ["The record and its evidence file are deleted. Employers you share your passport with will no longer see it."],
        "Remove this record",
        url_for(".record", record_id=record.id),
    )


@bp.post("/passport/records/<int:record_id>/delete")
@login_required
def delete_record(record_id: int):
    record = found_or_404(services.get_holder_record(record_id, current_user.id))
    title = record.title
    services.delete_record(record, current_user)
    db.session.commit()
    flash(f"{title} has been removed from your passport.", "success")
    return redirect(url_for(".mine"))


@bp.get("/passport/records/<int:record_id>/evidence/remove")
@login_required
def confirm_remove_evidence(record_id: int):
    record = found_or_404(services.get_holder_record(record_id, current_user.id))
    return confirmation_page(
        f"Are you sure you want to remove the evidence file from {record.title}?",
        ["The file is deleted. The record stays in your passport without it; you can add a new file later."],
        "Remove the evidence file",
        url_for(".record", record_id=record.id),
    )


@bp.post("/passport/records/<int:record_id>/evidence/remove")
@login_required
def remove_evidence(record_id: int):
    record = found_or_404(services.get_holder_record(record_id, current_user.id))
    try:
        services.remove_evidence(record, current_user)
    except services.RecordLocked as refusal:
        flash(str(refusal), "error")
    else:
        db.session.commit()
        flash("The evidence has been removed.", "success")
    return redirect(url_for(".record", record_id=record.id))


@bp.get("/passport/records/<int:record_id>/evidence")
@login_required
def evidence(record_id: int):
    record = found_or_404(services.get_holder_record(record_id, current_user.id))
    if record.evidence is None:
        abort(404)
    return download_response(record.evidence)


@bp.get("/passport/records/<int:record_id>/credential")
@login_required
def credential(record_id: int):
    record = found_or_404(services.get_holder_record(record_id, current_user.id))
    live = found_or_404(services.live_credential(record))
    return credentials.credential_download_response(live)


# Employments

def _employment_form_page(form: EmploymentForm, employment=None):
    return render_template("passport/employment_form.html", form=form, employment=employment)


@bp.route("/passport/employments/new", methods=["GET", "POST"])
@login_required
def add_employment():
    form = EmploymentForm(organisations=services.organisations_to_choose())
    if form.validate_on_submit():
        employment = services.add_employment(current_user, form.details())
        db.session.commit()
        flash(f"Your job at {employment.organisation.name} has been added.", "success")
        return redirect(url_for(".mine", _anchor="employments"))
    return _employment_form_page(form)


@bp.route("/passport/employments/<int:employment_id>/edit", methods=["GET", "POST"])
@login_required
def edit_employment(employment_id: int):
    employment = found_or_404(services.get_employment(employment_id, current_user.id))
    organisations = services.organisations_to_choose()
    if employment.organisation not in organisations:
        organisations.append(employment.organisation)
    form = (EmploymentForm(organisations=organisations) if request.method == "POST"
            else EmploymentForm.for_employment(employment, organisations))
    if form.validate_on_submit():
        services.update_employment(employment, current_user, form.details())
        db.session.commit()
        flash("Your job has been updated.", "success")
        return redirect(url_for(".mine", _anchor="employments"))
    return _employment_form_page(form, employment)


@bp.get("/passport/employments/<int:employment_id>/delete")
@login_required
def confirm_delete_employment(employment_id: int):
    employment = found_or_404(services.get_employment(employment_id, current_user.id))
    return confirmation_page(
        f"Are you sure you want to remove your job at {employment.organisation.name}?",
        [f"{employment.organisation.name} will no longer see your passport as one of its staff."],
        "Remove this job",
        url_for(".mine", _anchor="employments"),
    )


@bp.post("/passport/employments/<int:employment_id>/delete")
@login_required
def delete_employment(employment_id: int):
    employment = found_or_404(services.get_employment(employment_id, current_user.id))
    services.delete_employment(employment, current_user)
    db.session.commit()
    flash("The job has been removed.", "success")
    return redirect(url_for(".mine", _anchor="employments"))


# Sharing

def _sharing_page(organisation_form=None, link_form=None, new_link=None):
    return render_template(
        "passport/sharing.html",
        organisation_form=organisation_form or ShareWithOrganisationForm(organisations=services.organisations_to_choose()),
        link_form=link_form or ShareLinkForm(),
        shares=sharing.shares(current_user.id),
        views=sharing.views_by_day(current_user.id),
        now=utcnow(),
        new_link=new_link,
    )


@bp.get("/passport/sharing")
@login_required
def sharing_page():
    return _sharing_page()


@bp.post("/passport/sharing/organisation")
@login_required
def share_with_organisation():
    organisations = services.organisations_to_choose()
    form = ShareWithOrganisationForm(organisations=organisations)
    if not form.validate_on_submit():
        return _sharing_page(organisation_form=form)
    organisation = next(org for org in organisations if org.id == form.organisation_id.data)
    sharing.share_with_organisation(current_user, organisation)
    db.session.commit()
    flash(f"Your passport is shared with {organisation.name} until you stop sharing it.", "success")
    return redirect(url_for(".sharing_page"))


@bp.post("/passport/sharing/link")
@login_required
def create_link():
    form = ShareLinkForm()
    if not form.validate_on_submit():
        return _sharing_page(link_form=form)
    share, token = sharing.create_link(current_user, form.label.data, form.days.data)
    db.session.commit()
    flash("Your share link is ready. Copy it now: for your security we cannot show it again.", "success")
    return _sharing_page(new_link={"share": share, "url": url_for(".shared", token=token, _external=True)})


@bp.get("/passport/sharing/<int:share_id>/revoke")
@login_required
def confirm_revoke_share(share_id: int):
    share = found_or_404(sharing.get_share(share_id, current_user.id))
    return confirmation_page(
        f"Are you sure you want to stop sharing your passport with {share.label}?",
        ["They will no longer be able to see your passport. To share it again you make a new share."],
        "Stop sharing",
        url_for(".sharing_page"),
    )


@bp.post("/passport/sharing/<int:share_id>/revoke")
@login_required
def revoke_share(share_id: int):
    share = found_or_404(sharing.get_share(share_id, current_user.id))
    if sharing.revoke_share(share, current_user):
        db.session.commit()
        flash(f"You have stopped sharing your passport with {share.label}.", "success")
    return redirect(url_for(".sharing_page"))


@bp.post("/passport/sharing/<int:share_id>/after-application")
@login_required
def keep_after_application(share_id: int):
    """``keep=yes`` to go on sharing once the application the share was made with ends; anything
    else to end it then."""
    share = found_or_404(sharing.get_share(share_id, current_user.id))
    keep = request.form.get("keep") == "yes"
    if sharing.keep_after_application(share, current_user, keep):
        db.session.commit()
        flash(f"Sharing with {share.label} will {'continue after' if keep else 'end when'} your application ends.",
              "success")
    return redirect(url_for(".sharing_page", _anchor="shares"))


@bp.get("/passport/history")
@login_required
def history():
    return render_template("passport/history.html", entries=services.audit_trail(current_user.id))
