from datetime import date

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, user_logged_in

from portal.accounts.access import recruiter_required
from portal.accounts.roles import Role
from portal.employers import bp, services
from portal.employers.forms import InvitationForm, OrganisationForm
from portal.confirmation import confirmation_page
from portal.extensions import db
from portal.lookups import found_or_404
from portal.pages.errors import organisation_suspended
from portal.storage import UploadRejected
from portal.time import utcnow


@user_logged_in.connect
def tell_a_suspended_member(_app, user, **_extra) -> None:
    """Said at sign-in, whichever page follows; the organisation's own pages say it in full."""
    if user.organisation is not None and not user.organisation.may_act:
        flash(f"{user.organisation.name}'s account is suspended, so you cannot work for it here for now. You can "
              f"still use your own skills passport and account. Email {current_app.config['SUPPORT_EMAIL']} "
              "to find out why.", "error")


def _wants_another_site() -> bool:
    """The "Add another site" button re-shows the form with one more row, keeping what was typed."""
    return request.method == "POST" and "add_site" in request.form


@bp.get("/employers")
def directory():
    sector_code = request.args.get("sector") or None
    groups = services.directory(date.today(), sector_code)
    return render_template(
        "employers/directory.html", groups=groups, sectors=services.sectors(), sector_code=sector_code
    )


@bp.route("/employers/register", methods=["GET", "POST"])
@login_required
def register():
    if current_user.organisation_id is not None:
        flash(f"You already belong to {current_user.organisation.name}.", "info")
        return redirect(url_for("employers.organisation" if current_user.is_recruiter else "passport.organisation_passports"))
    form = OrganisationForm()
    if _wants_another_site():
        form.add_site_row()
    elif form.validate_on_submit():
        try:
            organisation = services.register_organisation(current_user, form.details(), form.logo.data)
        except UploadRejected as problem:
            db.session.rollback()
            form.logo.errors.append(str(problem))
        else:
            db.session.commit()
            flash(
                f"{organisation.name} is registered. We will check it and let you know by email when it is "
                "approved. You can add vacancies now; they appear once your organisation is approved.",
                "success",
            )
            return redirect(url_for("employers.organisation"))
    return render_template("employers/register.html", form=form)


@bp.get("/employers/<slug>")
def detail(slug: str):
    organisation = services.organisation_by_slug(slug)
    if organisation is None or not services.can_view(organisation, current_user):
        abort(404)
    return render_template(
        "employers/detail.html",
        organisation=organisation,
        vacancies=services.live_vacancies(organisation, date.today()),
    )


@bp.route("/recruiter/organisation", methods=["GET", "POST"])
@recruiter_required
def organisation():
    organisation = current_user.organisation
    form = OrganisationForm() if request.method == "POST" else OrganisationForm.for_organisation(organisation)
    if _wants_another_site():
        form.add_site_row()
    elif form.validate_on_submit():
        try:
            services.update_organisation(organisation, form.details(), form.logo.data, form.remove_logo.data)
        except UploadRejected as problem:
            db.session.rollback()
            form.logo.errors.append(str(problem))
        except services.SiteInUse as problem:
            row = next(entry for entry in form.sites if entry.form.site_id.data == str(problem.site.id))
            row.form.remove.errors.append(str(problem))
        else:
            db.session.commit()
            flash("Your organisation's details have been saved.", "success")
            return redirect(url_for("employers.organisation"))
    return render_template("employers/organisation.html", form=form, organisation=organisation)


def _render_team(form: InvitationForm, status: int = 200):
    organisation = current_user.organisation
    return render_template(
        "employers/team.html",
        form=form,
        organisation=organisation,
        colleagues=services.colleagues_of(organisation),
        invitations=services.open_invitations(organisation),
        now=utcnow(),
    ), status


@bp.route("/recruiter/organisation/invitations", methods=["GET", "POST"])
@recruiter_required
def team():
    form = InvitationForm()
    if form.validate_on_submit():
        try:
            invitation, token = services.invite_colleague(
                current_user.organisation, form.email.data, current_user, Role(form.role.data)
            )
        except services.AlreadyMember as refusal:
            form.email.errors.append(str(refusal))
        else:
            services.send_invitation(invitation, token, current_user)
            db.session.commit()
            flash(f"We have emailed an invitation to {invitation.email}.", "success")
            return redirect(url_for("employers.team"))
    return _render_team(form)


@bp.get("/recruiter/organisation/invitations/<int:invitation_id>/revoke")
@recruiter_required
def confirm_revoke_invitation(invitation_id: int):
    invitation = found_or_404(services.invitation_of(current_user.organisation, invitation_id))
    return confirmation_page(
        f"Are you sure you want to withdraw the invitation to {invitation.email}?",
        ["The link in their email will stop working. You can invite them again later."],
        "Withdraw the invitation",
        url_for("employers.team"),
    )


@bp.post("/recruiter/organisation/invitations/<int:invitation_id>/revoke")
@recruiter_required
def revoke_invitation(invitation_id: int):
    invitation = found_or_404(services.invitation_of(current_user.organisation, invitation_id))
    services.revoke_invitation(invitation)
    db.session.commit()
    flash(f"The invitation to {invitation.email} has been withdrawn.", "success")
    return redirect(url_for("employers.team"))


@bp.route("/invitations/<token>", methods=["GET", "POST"])
def invitation(token: str):
    try:
        invitation = services.usable_invitation(token)
    except services.InvitationUnusable as problem:
        return render_template("employers/invitation_unusable.html", reason=problem.reason), 400
    if not current_user.is_authenticated:
        return render_template("employers/invitation_sign_in.html", invitation=invitation, next_url=request.path)
    try:
        if request.method == "POST":
            services.accept_invitation(invitation, current_user)
            db.session.commit()
            flash(f"You have joined {invitation.organisation.name}.", "success")
            return redirect(url_for("employers.organisation"))
        services.check_can_accept(invitation, current_user)
    except services.InvitationForSomeoneElse:
        return render_template("employers/invitation_refused.html", invitation=invitation, reason="someone_else"), 403
    except services.InAnotherOrganisation:
        return render_template("employers/invitation_refused.html", invitation=invitation, reason="other_organisation"), 409
    except services.OrganisationSuspended:
        return organisation_suspended(invitation.organisation)
    return render_template("employers/invitation.html", invitation=invitation)
