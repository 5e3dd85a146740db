from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from portal.accounts.services import safe_next_url
from portal.confirmation import confirmation_page
from portal.extensions import db
from portal.lookups import found_or_404
from portal.profiles import bp, services
from portal.profiles.forms import ContactDetailsForm, CVForm, QualificationForm, WorkHistoryForm
from portal.storage import CV_TYPES, UploadRejected, download_response, file_rules


@bp.app_context_processor
def saved_vacancy_check():
    """Lets the vacancy page offer "Save this job" or "Remove from saved jobs"."""

    def vacancy_is_saved(vacancy_id: int) -> bool:
        return current_user.is_authenticated and services.is_saved(current_user.id, vacancy_id)

    return {"vacancy_is_saved": vacancy_is_saved}


@bp.get("/profile")
@login_required
def profile():
    return render_template(
        "profiles/profile.html",
        profile=services.get_profile(current_user.id),
        work_history=services.work_history(current_user.id),
        qualifications=services.qualifications(current_user.id),
    )


@bp.route("/profile/contact-details", methods=["GET", "POST"])
@login_required
def contact_details():
    form = ContactDetailsForm() if request.method == "POST" else ContactDetailsForm.for_profile(services.get_profile(current_user.id))
    if form.validate_on_submit():
        services.update_contact_details(current_user.id, form.details())
        db.session.commit()
        flash("Your contact details have been saved.", "success")
        return redirect(url_for(".profile"))
    return render_template("profiles/contact_details.html", form=form)


@bp.route("/profile/work-history/new", methods=["GET", "POST"])
@login_required
def add_work_history():
    form = WorkHistoryForm()
    if form.validate_on_submit():
        services.add_work_history(current_user.id, form.details())
        db.session.commit()
        flash("The job has been added to your work history.", "success")
        return redirect(url_for(".profile", _anchor="work-history"))
    return render_template("profiles/work_history_form.html", form=form, entry=None)


@bp.route("/profile/work-history/<int:entry_id>/edit", methods=["GET", "POST"])
@login_required
def edit_work_history(entry_id: int):
    entry = found_or_404(services.get_work_history(entry_id, current_user.id))
    form = WorkHistoryForm() if request.method == "POST" else WorkHistoryForm.for_entry(entry)
    if form.validate_on_submit():
        services.update_work_history(entry, form.details())
        db.session.commit()
        flash("Your work history has been updated.", "success")
        return redirect(url_for(".profile", _anchor="work-history"))
    return render_template("profiles/work_history_form.html", form=form, entry=entry)


@bp.get("/profile/work-history/<int:entry_id>/delete")
@login_required
def confirm_delete_work_history(entry_id: int):
    entry = found_or_404(services.get_work_history(entry_id, current_user.id))
    return confirmation_page(
        f"Are you sure you want to remove {entry.job_title} from your work history?",
        ["It will no longer be offered when you apply for jobs. Applications you have already sent keep it."],
        "Remove this job",
        url_for(".edit_work_history", entry_id=entry.id),
    )


@bp.post("/profile/work-history/<int:entry_id>/delete")
@login_required
def delete_work_history(entry_id: int):
    entry = found_or_404(services.get_work_history(entry_id, current_user.id))
    job_title = entry.job_title
    services.delete_work_history(entry)
    db.session.commit()
    flash(f"‘{job_title}’ has been removed from your work history.", "success")
    return redirect(url_for(".profile", _anchor="work-history"))


@bp.route("/profile/qualifications/new", methods=["GET", "POST"])
@login_required
def add_qualification():
    form = QualificationForm()
    if form.validate_on_submit():
        services.add_qualification(current_user.id, form.details())
        db.session.commit()
        flash("The qualification has been added.", "success")
        return redirect(url_for(".profile", _anchor="qualifications"))
    return render_template("profiles/qualification_form.html", form=form, qualification=None)


@bp.route("/profile/qualifications/<int:qualification_id>/edit", methods=["GET", "POST"])
@login_required
def edit_qualification(qualification_id: int):
    qualification = found_or_404(services.get_qualification(qualification_id, current_user.id))
    form = QualificationForm() if request.method == "POST" else QualificationForm.for_qualification(qualification)
    if form.validate_on_submit():
        services.update_qualification(qualification, form.details())
        db.session.commit()
        flash("The qualification has been updated.", "success")
        return redirect(url_for(".profile", _anchor="qualifications"))
    return render_template("profiles/qualification_form.html", form=form, qualification=qualification)


@bp.get("/profile/qualifications/<int:qualification_id>/delete")
@login_required
def confirm_delete_qualification(qualification_id: int):
    qualification = found_or_404(services.get_qualification(qualification_id, current_user.id))
    return confirmation_page(
        f"Are you sure you want to remove {qualification.title} from your qualifications?",
        ["It will no longer be offered when you apply for jobs. Applications you have already sent keep it."],
        "Remove this qualification",
        url_for(".edit_qualification", qualification_id=qualification.id),
    )


@bp.post("/profile/qualifications/<int:qualification_id>/delete")
@login_required
def delete_qualification(qualification_id: int):
    qualification = found_or_404(services.get_qualification(qualification_id, current_user.id))
    title = qualification.title
    services.delete_qualification(qualification)
    db.session.commit()
    flash(f"‘{title}’ has been removed from your qualifications.", "success")
    return redirect(url_for(".profile", _anchor="qualifications"))


@bp.route("/profile/cv", methods=["GET", "POST"])
@login_required
def cv():
    form = CVForm()
    if form.validate_on_submit():
        try:
            services.replace_default_cv(current_user.id, form.cv.data)
        except UploadRejected as rejection:
            form.cv.errors.append(str(rejection))
        else:
            db.session.commit()
            flash("Your CV has been saved. We will offer it each time you apply.", "success")
            return redirect(url_for(".profile", _anchor="cv"))
    return render_template(
        "profiles/cv.html", form=form, current_cv=services.get_default_cv(current_user.id), accepted=file_rules(CV_TYPES)
    )


@bp.get("/profile/cv/remove")
@login_required
def confirm_remove_cv():
    return confirmation_page(
        "Are you sure you want to remove your CV?",
        ["We will no longer offer it when you apply; you can upload one each time instead. "
         "Applications you have already sent keep their own copy."],
        "Remove your CV",
        url_for(".cv"),
    )


@bp.post("/profile/cv/remove")
@login_required
def remove_cv():
    if services.remove_default_cv(current_user.id):
        db.session.commit()
        flash("Your CV has been removed.", "success")
    return redirect(url_for(".profile", _anchor="cv"))


@bp.get("/profile/cv/download")
@login_required
def download_cv():
    stored = found_or_404(services.get_default_cv(current_user.id))
    return download_response(stored)


def _back_to(vacancy_id: int):
    return redirect(safe_next_url(request.form.get("next")) or url_for("vacancies.detail", vacancy_id=vacancy_id))


@bp.post("/jobs/<int:vacancy_id>/save")
def save_vacancy(vacancy_id: int):
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.sign_in", next=url_for("vacancies.detail", vacancy_id=vacancy_id)))
    vacancy = found_or_404(services.save_vacancy(current_user.id, vacancy_id))
    db.session.commit()
    flash(f"‘{vacancy.title}’ is in your saved jobs.", "success")
    return _back_to(vacancy_id)


@bp.post("/jobs/<int:vacancy_id>/unsave")
@login_required
def unsave_vacancy(vacancy_id: int):
    services.unsave_vacancy(current_user.id, vacancy_id)
    db.session.commit()
    flash("The job has been removed from your saved jobs.", "success")
    return _back_to(vacancy_id)


@bp.get("/saved-jobs")
@login_required
def saved_jobs():
    return render_template("profiles/saved_jobs.html", saved=services.saved_vacancies(current_user.id), today=date.today())
