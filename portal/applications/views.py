from datetime import date

from flask import Response, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required

from portal.accounts.access import recruiter_required
from portal.accounts.sessions import keep_at_sign_in
from portal.applications import applying, bp, equality, notices, services
from portal.applications.forms import ApplicationEmailsForm, ApplicationForm, BulkStatusForm, NoteForm, StatusForm
from portal.applications.models import (
    RECRUITER_STATUSES, RIGHT_TO_WORK_LABELS, Application, ApplicationEmails, ApplicationStatus,
)
from portal.extensions import db
from portal.lookups import found_or_404
from portal.passport.services import has_records
from portal.passport.sharing import live_organisation_share
from portal.profiles.services import get_profile
from portal.storage import download_response
from portal.time import utcnow
from portal.vacancies.models import Vacancy
from portal.vacancies.services import get_vacancy_for_organisation

# The session remembers the draft of a visitor who was sent to sign in half way through applying.
DRAFT_KEY = "application_draft"
keep_at_sign_in(DRAFT_KEY)


@bp.app_context_processor
def application_globals():
    return {
        "application_counts": services.application_counts,
        "right_to_work_labels": RIGHT_TO_WORK_LABELS,
        "applicant_label": services.applicant_label,
    }


# Applying

def _confirmation(application_id: int):
    return redirect(url_for(".confirmation", application_id=application_id))


@bp.route("/jobs/<int:vacancy_id>/apply", methods=["GET", "POST"])
def apply(vacancy_id: int):
    vacancy = found_or_404(services.vacancy_taking_applications(vacancy_id))
    signed_in = current_user.is_authenticated
    if signed_in:
        existing = services.find_application(vacancy.id, current_user.id)
        if existing is not None:
            if request.method == "GET":
                flash("You have already applied for this job.", "info")
            return _confirmation(existing.id)
    try:
        services.check_taking_applications(vacancy, date.today())
    except services.ApplicationRefused as refusal:
        return _refused(vacancy, refusal)
    if not signed_in:
        return _apply_signed_out(vacancy)

    profile = get_profile(current_user.id)
    saved_cv = profile.default_cv if profile else None
    draft = services.load_draft(session.get(DRAFT_KEY), vacancy.id)
    holds_passport = has_records(current_user.id)
    if request.method == "POST":
        form = ApplicationForm(saved_cv=saved_cv, cv_required=vacancy.cv_required)
    elif draft is not None:
        form = ApplicationForm(data=draft, saved_cv=saved_cv, cv_required=vacancy.cv_required)
    else:
        form = ApplicationForm.prefilled(current_user, profile, saved_cv, vacancy.cv_required)
    if form.validate_on_submit():
        extras = applying.Extras(
            contact_details=form.contact_details() if form.save_to_profile.data else None,
            share_passport=form.share_passport.data, keep_sharing=form.keep_sharing.data,
            draft_token=session.get(DRAFT_KEY),
        )
        outcome = applying.send_application(vacancy, current_user, form.details(), extras, date.today())
        if outcome.sent:
            session.pop(DRAFT_KEY, None)
        if outcome.application is not None:
            return _confirmation(outcome.application.id)
        if outcome.already_applied:
            return redirect(url_for(".apply", vacancy_id=vacancy.id))
        if outcome.refusal is not None:
            return _refused(vacancy, outcome.refusal)
        form.cv.errors.append(str(outcome.rejected_upload))
    return render_template(
        "applications/apply.html", vacancy=vacancy, form=form, restored=draft is not None, holds_passport=holds_passport
    )


def _refused(vacancy: Vacancy, refusal: services.ApplicationRefused):
    flash(str(refusal), "error")
    return redirect(url_for("vacancies.detail", vacancy_id=vacancy.id, slug=vacancy.slug))


def _apply_signed_out(vacancy: Vacancy):
    """The form is there to read and fill in; sending it keeps what was typed and asks the visitor to
    sign in or register, which brings them back here."""
    if request.method == "POST":
        form = ApplicationForm()
        session[DRAFT_KEY] = services.save_draft(vacancy.id, form.typed_answers(), session.get(DRAFT_KEY))
        db.session.commit()
        flash("Sign in or create an account to send your application. We have kept what you typed.", "info")
        return redirect(url_for("accounts.sign_in", next=url_for(".apply", vacancy_id=vacancy.id)))
    draft = services.load_draft(session.get(DRAFT_KEY), vacancy.id)
    form = ApplicationForm(data=draft or {}, cv_required=vacancy.cv_required)
    return render_template("applications/apply.html", vacancy=vacancy, form=form, restored=False)


# The applicant's own applications

@bp.get("/applications/<int:application_id>/confirmation")
@login_required
def confirmation(application_id: int):
    application = found_or_404(services.seeker_application(application_id, current_user.id))
    return render_template("applications/confirmation.html", application=application)


@bp.get("/applications")
@login_required
def mine():
    return render_template("applications/mine.html", applications=services.seeker_applications(current_user.id))


@bp.route("/applications/<int:application_id>/withdraw", methods=["GET", "POST"])
@login_required
def withdraw(application_id: int):
    application = found_or_404(services.seeker_application(application_id, current_user.id))
    if request.method == "GET":
        if not application.can_withdraw:
            flash("This application can no longer be withdrawn.", "info")
            return redirect(url_for(".mine"))
        return render_template("applications/withdraw.html", application=application)
    try:
        services.withdraw(application, current_user)
    except services.StatusChangeRefused as refusal:
        flash(str(refusal), "error")
        return redirect(url_for(".mine"))
    db.session.commit()
    flash(f"Your application for {application.vacancy.title} has been withdrawn.", "success")
    return redirect(url_for(".mine"))


# Recruiters

def _status_filter() -> ApplicationStatus | None:
    status = request.args.get("status")
    return ApplicationStatus(status) if status in set(ApplicationStatus) else None


def _render_applicants(vacancy: Vacancy, form: BulkStatusForm | None = None):
    status = _status_filter()
    applications = services.vacancy_applications(vacancy.id, status)
    return render_template(
        "applications/applicants.html",
        vacancy=vacancy,
        applications=applications,
        counts=services.status_counts(vacancy.id),
        status_filter=status,
        statuses=list(ApplicationStatus),
        form=form or BulkStatusForm(formdata=None),
    )


@bp.get("/recruiter")
@recruiter_required
def recruiter_dashboard():
    return render_template(
        "applications/dashboard.html",
        organisation=current_user.organisation,
        overview=services.recruiter_overview(current_user.organisation_id, date.today()),
    )


@bp.get("/recruiter/vacancies/<int:vacancy_id>/applications")
@recruiter_required
def applicants(vacancy_id: int):
    return _render_applicants(found_or_404(get_vacancy_for_organisation(vacancy_id, current_user.organisation_id)))


@bp.post("/recruiter/vacancies/<int:vacancy_id>/applications/status")
@recruiter_required
def bulk_status(vacancy_id: int):
    vacancy = found_or_404(get_vacancy_for_organisation(vacancy_id, current_user.organisation_id))
    form = BulkStatusForm()
    form.application_ids.choices = [(application.id, application.reference) for application in services.vacancy_applications(vacancy.id)]
    if not form.validate():
        return _render_applicants(vacancy, form)
    result = services.change_statuses(vacancy.id, form.application_ids.data, ApplicationStatus(form.status.data), current_user)
    for application in result.changed:
        services.notify_status_change(application)
    db.session.commit()
    label = ApplicationStatus(form.status.data).label
    changed = len(result.changed)
    if changed:
        flash(f"{changed} {'applicant' if changed == 1 else 'applicants'} moved to ‘{label}’.", "success")
    elif not result.refused:
        flash(f"The selected applicants were already ‘{label}’.", "info")
    for refusal in result.refused:
        flash(refusal, "error")
    return redirect(url_for(".applicants", vacancy_id=vacancy.id, status=_status_filter()))


@bp.get("/recruiter/vacancies/<int:vacancy_id>/applications.csv")
@recruiter_required
def export_csv(vacancy_id: int):
    vacancy = found_or_404(get_vacancy_for_organisation(vacancy_id, current_user.organisation_id))
    # The byte order mark tells spreadsheet programs the file is UTF-8.
    return Response(
        "\ufeff" + services.applications_csv(vacancy.id),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f"attachment; filename=applications-{vacancy.id}.csv",
            "Cache-Control": "private, no-store",
        },
    )


@bp.get("/recruiter/vacancies/<int:vacancy_id>/equality")
@recruiter_required
def vacancy_equality(vacancy_id: int):
    vacancy = found_or_404(get_vacancy_for_organisation(vacancy_id, current_user.organisation_id))
    return render_template(
        "applications/equality.html", vacancy=vacancy, report=services.vacancy_equality_report(vacancy),
        smallest=equality.SMALLEST_SHOWN_COUNT, rounded_to=equality.ROUNDED_TO,
    )


@bp.get("/recruiter/equality")
@recruiter_required
def organisation_equality():
    return render_template(
        "applications/equality.html", vacancy=None,
        report=services.organisation_equality_report(current_user.organisation_id),
        smallest=equality.SMALLEST_SHOWN_COUNT, rounded_to=equality.ROUNDED_TO,
    )


def _render_application(application: Application, status_form: StatusForm | None = None, note_form: NoteForm | None = None):
    return render_template(
        "applications/application.html",
        application=application,
        status_form=status_form or StatusForm(formdata=None, status=application.status),
        note_form=note_form or NoteForm(formdata=None),
        recruiter_statuses=RECRUITER_STATUSES,
        passport_shared=live_organisation_share(application.vacancy.organisation_id, application.user_id, utcnow()) is not None,
    )


@bp.get("/recruiter/applications/<int:application_id>")
@recruiter_required
def application_detail(application_id: int):
    application = found_or_404(services.organisation_application(application_id, current_user.organisation_id))
    return _render_application(application)


@bp.get("/recruiter/applications/<int:application_id>/cv")
@recruiter_required
def download_cv(application_id: int):
    application = found_or_404(services.organisation_application(application_id, current_user.organisation_id))
    if application.cv is None or application.identity_hidden:
        abort(404)
    return download_response(application.cv)


@bp.post("/recruiter/applications/<int:application_id>/status")
@recruiter_required
def change_status(application_id: int):
    application = found_or_404(services.organisation_application(application_id, current_user.organisation_id))
    form = StatusForm()
    if not form.validate():
        return _render_application(application, status_form=form)
    try:
        changed = services.change_status(application, ApplicationStatus(form.status.data), current_user)
    except services.StatusChangeRefused as refusal:
        form.status.errors.append(str(refusal))
        return _render_application(application, status_form=form)
    if changed:
        services.notify_status_change(application)
        flash(f"Status changed to ‘{application.status_enum.label}’.", "success")
    db.session.commit()
    return redirect(url_for(".application_detail", application_id=application.id))


@bp.post("/recruiter/applications/<int:application_id>/notes")
@recruiter_required
def add_note(application_id: int):
    application = found_or_404(services.organisation_application(application_id, current_user.organisation_id))
    form = NoteForm()
    if not form.validate():
        return _render_application(application, note_form=form)
    services.add_note(application, current_user, form.body.data.strip())
    db.session.commit()
    flash("Your note has been added.", "success")
    return redirect(url_for(".application_detail", application_id=application.id, _anchor="notes"))


@bp.route("/recruiter/application-emails", methods=["GET", "POST"])
@recruiter_required
def email_settings():
    form = ApplicationEmailsForm(choice=notices.email_choice(current_user).value)
    if form.validate_on_submit():
        notices.set_email_choice(current_user, ApplicationEmails(form.choice.data))
        db.session.commit()
        flash("Your choice of emails about new applications has been saved.", "success")
        return redirect(url_for(".email_settings"))
    return render_template("applications/email_settings.html", form=form)
