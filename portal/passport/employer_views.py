"""An employer's side of the passport: its staff's passports and those shared with it, verifying,
adding training it delivered, accepting records, and its own refresher periods."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from portal.accounts.models import User
from portal.audit.services import refuse_other_organisation
from portal.confirmation import confirmation_page
from portal.extensions import db
from portal.http_headers import never_stored
from portal.lookups import found_or_404
from portal.pages.errors import render_error, wants_json
from portal.passport import bp, catalogue, services, sharing
from portal.passport.access import passport_staff_required
from portal.passport.forms import ChooseCompetenceForm, RecordForm, RefresherForm
from portal.passport.pages import evidence_rules, pdf_response, role_check, save_record_form
from portal.passport.pdf import passport_pdf
from portal.storage import download_response
from portal.time import utcnow


@bp.get("/recruiter/passports")
@passport_staff_required
def organisation_passports():
    organisation = current_user.organisation
    approved = organisation.is_approved
    return render_template(
        "passport/organisation_passports.html",
        organisation=organisation,
        staff=services.staff_of(organisation.id) if approved else [],
        shares=sharing.shared_with(organisation.id, utcnow()) if approved else [],
    )


def _holder_with_access(holder_id: int):
    """The holder and why this organisation may see them; 404 for anyone without a live reason."""
    holder = db.session.get(User, holder_id)
    access = sharing.organisation_access(current_user.organisation, holder_id, utcnow(), current_user) if holder else None
    if access is None:
        if holder is not None:
            refuse_other_organisation(("Passport", holder_id), current_user.organisation_id)
        abort(404)
    return holder, access


def _employer_access(holder_id: int):
    """As :func:`_holder_with_access`, for what only the employer may do: 404 for a share, and the
    own-passport refusal for the holder themselves."""
    holder, access = _holder_with_access(holder_id)
    if not access.employer:
        abort(404)
    services.refuse_own_passport(holder_id, current_user.organisation, current_user)
    return holder, access


@bp.app_errorhandler(services.OwnPassport)
def own_passport_refused(refusal: services.OwnPassport):
    """Wherever the services refuse it: a page for a person, a JSON error for the API."""
    if wants_json():
        return render_error(403, str(refusal))
    return render_template("passport/own_passport_refused.html", reason=str(refusal)), 403


def _to_passport(holder_id: int):
    return redirect(url_for(".organisation_passport", holder_id=holder_id))


@bp.get("/recruiter/passports/<int:holder_id>")
@passport_staff_required
def organisation_passport(holder_id: int):
    holder, access = _holder_with_access(holder_id)
    organisation = current_user.organisation
    sharing.log_view(holder.id, current_user, organisation.id, access.share)
    db.session.commit()
    passport = services.passport(holder, date.today(), organisation.id)
    return render_template(
        "passport/organisation_passport.html",
        holder=holder, access=access, passport=passport, organisation=organisation,
        **role_check(passport, request.args.get("role")),
        refreshers=catalogue.organisation_refreshers(organisation.id),
    )


def _act_on_record(record, organisation, act: Callable, done: str) -> None:
    """``act(record, organisation, user)`` and commit with ``done`` as the message, or say why not."""
    try:
        act(record, organisation, current_user)
    except services.NotAllowed as refusal:
        flash(str(refusal), "error")
        return
    db.session.commit()
    flash(done, "success")


def _employer_record_action(holder_id: int, record_id: int, act: Callable, done: str, employer_only: bool = False):
    if employer_only:
        _employer_access(holder_id)
    else:
        _holder_with_access(holder_id)
    record = found_or_404(services.current_holder_record(record_id, holder_id))
    _act_on_record(record, current_user.organisation, act, done.format(record=record.title, organisation=current_user.organisation.name))
    return _to_passport(holder_id)


ACCEPTED = "{organisation} accepts {record}: it does not need to be repeated."


@bp.post("/recruiter/passports/<int:holder_id>/records/<int:record_id>/verify")
@passport_staff_required
def verify_record(holder_id: int, record_id: int):
    return _employer_record_action(holder_id, record_id, services.verify_record, "{record} is verified by {organisation}.",
                                   employer_only=True)


@bp.get("/recruiter/passports/<int:holder_id>/records/<int:record_id>/withdraw-verification")
@passport_staff_required
def confirm_withdraw_verification(holder_id: int, record_id: int):
    holder, _access = _holder_with_access(holder_id)
    record = found_or_404(services.current_holder_record(record_id, holder_id))
    return confirmation_page(
        f"Are you sure you want to withdraw your verification of {record.title}?",
        [f"{holder.full_name}'s record will no longer show {current_user.organisation.name} as its verifier, and "
         "its signed credential will stop being valid. You can verify it again later."],
        "Withdraw verification",
        url_for(".organisation_passport", holder_id=holder_id),
    )


@bp.post("/recruiter/passports/<int:holder_id>/records/<int:record_id>/withdraw-verification")
@passport_staff_required
def withdraw_verification(holder_id: int, record_id: int):
    return _employer_record_action(holder_id, record_id, services.withdraw_verification,
                                   "Your verification of {record} has been withdrawn and its credential revoked.")


@bp.post("/recruiter/passports/<int:holder_id>/records/<int:record_id>/accept")
@passport_staff_required
def accept_record(holder_id: int, record_id: int):
    return _employer_record_action(holder_id, record_id, services.accept_record, ACCEPTED)


@bp.get("/recruiter/passports/<int:holder_id>/records/new")
@passport_staff_required
def employer_choose_competence(holder_id: int):
    holder, _access = _employer_access(holder_id)
    groups = catalogue.competences_by_category()
    form = ChooseCompetenceForm(request.args, groups=groups)
    if request.args and form.validate():
        return redirect(url_for(".employer_add_record", holder_id=holder_id, competence_code=form.competence.data))
    return render_template("passport/employer_choose_competence.html", form=form, holder=holder)


@bp.route("/recruiter/passports/<int:holder_id>/records/new/<competence_code>", methods=["GET", "POST"])
@passport_staff_required
def employer_add_record(holder_id: int, competence_code: str):
    holder, _access = _employer_access(holder_id)
    competence = found_or_404(catalogue.active_competence(competence_code))
    form = RecordForm(competence=competence)
    if form.validate_on_submit():
        record = save_record_form(
            form, lambda: services.add_verified_record(holder, form.details(), current_user.organisation, current_user)
        )
        if record is not None:
            flash(f"{record.title} has been added to {holder.full_name}'s passport, verified by {current_user.organisation.name}.", "success")
            return _to_passport(holder_id)
    return render_template("passport/employer_record_form.html", form=form, holder=holder, competence=competence,
                           evidence_rules=evidence_rules())


@bp.get("/recruiter/passports/<int:holder_id>/records/<int:record_id>/evidence")
@passport_staff_required
def employer_evidence(holder_id: int, record_id: int):
    holder, access = _holder_with_access(holder_id)
    record = found_or_404(services.current_holder_record(record_id, holder_id))
    if record.evidence is None:
        abort(404)
    sharing.log_view(holder.id, current_user, current_user.organisation_id, access.share, what="evidence")
    db.session.commit()
    return download_response(record.evidence)


@bp.get("/recruiter/passports/<int:holder_id>/pdf")
@passport_staff_required
def employer_pdf(holder_id: int):
    holder, access = _holder_with_access(holder_id)
    organisation = current_user.organisation
    sharing.log_view(holder.id, current_user, organisation.id, access.share, what="pdf")
    db.session.commit()
    document = passport_pdf(
        services.passport(holder, date.today(), organisation.id), current_app.config["SITE_NAME"], organisation.name
    )
    return pdf_response(document, f"skills-passport-{holder.id}-{date.today().isoformat()}.pdf")


@bp.route("/recruiter/passport-settings", methods=["GET", "POST"])
@passport_staff_required
def refresher_settings():
    organisation = current_user.organisation
    competences = [competence for competence in catalogue.competences() if not competence.expiry_entered]
    form = RefresherForm(competences=competences)
    if form.validate_on_submit():
        competence = catalogue.get_competence(form.competence.data)
        try:
            catalogue.set_organisation_refresher(organisation.id, competence, form.months.data)
        except catalogue.RefresherTooLong as problem:
            form.months.errors.append(str(problem))
        else:
            db.session.commit()
            flash(f"{competence.title}: " + (f"your refresher period is {form.months.data} months." if form.months.data
                  else "the standard refresher period applies."), "success")
            return redirect(url_for(".refresher_settings"))
    return render_template(
        "passport/refresher_settings.html", form=form, organisation=organisation,
        refreshers=catalogue.organisation_refreshers(organisation.id),
        competences={competence.code: competence for competence in competences},
    )


# Through a share link

def _link_viewer_organisation():
    """The organisation of a signed-in recruiter or trainer opening a link, who may accept records."""
    if current_user.is_authenticated and current_user.handles_passports and current_user.organisation.is_approved:
        return current_user.organisation
    return None


@bp.get("/passport/shared/<token>")
@never_stored
def shared(token: str):
    share = found_or_404(sharing.share_for_token(token, utcnow()))
    organisation = _link_viewer_organisation()
    viewer = current_user if current_user.is_authenticated else None
    if viewer is None or viewer.id != share.holder_id:
        sharing.log_view(share.holder_id, viewer, organisation.id if organisation else None, share)
        db.session.commit()
    return render_template(
        "passport/shared.html", share=share, token=token, organisation=organisation,
        may_accept=organisation is not None and not services.vouches_for_self(share.holder_id, current_user.id),
        passport=services.passport(share.holder, date.today(), organisation.id if organisation else None),
    )


@bp.post("/passport/shared/<token>/records/<int:record_id>/accept")
@passport_staff_required
def accept_shared_record(token: str, record_id: int):
    share = found_or_404(sharing.share_for_token(token, utcnow()))
    organisation = found_or_404(_link_viewer_organisation())
    record = found_or_404(services.current_holder_record(record_id, share.holder_id))
    _act_on_record(record, organisation, services.accept_record, ACCEPTED.format(record=record.title, organisation=organisation.name))
    return redirect(url_for(".shared", token=token))
