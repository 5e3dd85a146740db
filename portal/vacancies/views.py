from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from portal.accounts.access import recruiter_required
from portal.confirmation import confirmation_page
from portal.database import retry_when_busy
from portal.extensions import db
from portal.lookups import found_or_404
from portal.storage import image_url
from portal.templating import script_json
from portal.vacancies import bp, jsonld, services
from portal.vacancies.forms import VacancyForm
from portal.vacancies.models import CONTRACT_TYPE_LABELS, FLAG_LABELS, WORKING_PATTERN_LABELS, Vacancy


@bp.context_processor
def vacancy_labels():
    return {"contract_labels": CONTRACT_TYPE_LABELS, "pattern_labels": WORKING_PATTERN_LABELS, "flag_labels": FLAG_LABELS}


def _vacancy_form(vacancy: Vacancy | None = None) -> VacancyForm:
    form = VacancyForm.for_vacancy(vacancy) if vacancy else VacancyForm()
    form.offer_choices(services.job_roles(), services.pay_bands(), current_user.organisation.sites)
    return form


@bp.get("/recruiter/vacancies")
@recruiter_required
def manage():
    return render_template(
        "vacancies/manage.html",
        organisation=current_user.organisation,
        vacancies=services.organisation_vacancies(current_user.organisation_id),
        today=date.today(),
    )


@bp.route("/recruiter/vacancies/new", methods=["GET", "POST"])
@recruiter_required
@retry_when_busy
def create():
    form = _vacancy_form()
    if form.validate_on_submit():
        try:
            vacancy = services.create_vacancy(current_user.organisation, form.details())
        except services.ReferenceInUse as problem:
            form.external_ref.errors.append(str(problem))
        else:
            db.session.commit()
            flash("Your draft has been saved. Check how it looks, then publish it.", "success")
            return redirect(url_for(".preview", vacancy_id=vacancy.id))
    return render_template("vacancies/form.html", form=form, vacancy=None)


@bp.route("/recruiter/vacancies/<int:vacancy_id>/edit", methods=["GET", "POST"])
@recruiter_required
@retry_when_busy
def edit(vacancy_id: int):
    vacancy = found_or_404(services.get_vacancy_for_organisation(vacancy_id, current_user.organisation_id))
    try:
        services.check_editable(vacancy)
    except services.VacancyActionRefused as refusal:
        flash(str(refusal), "error")
        return redirect(url_for(".manage"))
    form = _vacancy_form(vacancy)
    if form.validate_on_submit():
        try:
            services.update_vacancy(vacancy, form.details())
        except services.ReferenceInUse as problem:
            form.external_ref.errors.append(str(problem))
        else:
            db.session.commit()
            flash("Your changes have been saved.", "success")
            return redirect(url_for(".preview", vacancy_id=vacancy.id))
    return render_template("vacancies/form.html", form=form, vacancy=vacancy)


@bp.get("/recruiter/vacancies/<int:vacancy_id>/preview")
@recruiter_required
def preview(vacancy_id: int):
    vacancy = found_or_404(services.get_vacancy_for_organisation(vacancy_id, current_user.organisation_id))
    return _render_vacancy(vacancy, preview=True)


@bp.post("/recruiter/vacancies/<int:vacancy_id>/publish")
@recruiter_required
@retry_when_busy
def publish(vacancy_id: int):
    vacancy = found_or_404(services.get_vacancy_for_organisation(vacancy_id, current_user.organisation_id))
    try:
        services.publish(vacancy, date.today())
    except services.VacancyActionRefused as refusal:
        flash(str(refusal), "error")
        return redirect(url_for(".preview", vacancy_id=vacancy.id))
    db.session.commit()
    if vacancy.organisation.is_approved:
        flash(f"‘{vacancy.title}’ is published. Job seekers can now find it.", "success")
    else:
        flash(f"‘{vacancy.title}’ is published. Job seekers will see it once your organisation is approved.", "success")
    return redirect(url_for(".manage"))


@bp.get("/recruiter/vacancies/<int:vacancy_id>/close")
@recruiter_required
def confirm_close(vacancy_id: int):
    vacancy = found_or_404(services.get_vacancy_for_organisation(vacancy_id, current_user.organisation_id))
    return confirmation_page(
        f"Are you sure you want to close {vacancy.title}?",
        ["Applicants can no longer apply, and it disappears from search. Its page tells job seekers it has closed.",
         "You can repost it later as a new draft."],
        "Close this vacancy",
        url_for(".manage"),
    )


@bp.post("/recruiter/vacancies/<int:vacancy_id>/close")
@recruiter_required
@retry_when_busy
def close(vacancy_id: int):
    vacancy = found_or_404(services.get_vacancy_for_organisation(vacancy_id, current_user.organisation_id))
    try:
        services.close(vacancy)
    except services.VacancyActionRefused as refusal:
        flash(str(refusal), "error")
        return redirect(url_for(".manage"))
    db.session.commit()
    flash(f"‘{vacancy.title}’ is closed. Its page now tells job seekers it has closed.", "success")
    return redirect(url_for(".manage"))


@bp.get("/recruiter/vacancies/<int:vacancy_id>/repost")
@recruiter_required
def confirm_repost(vacancy_id: int):
    vacancy = found_or_404(services.get_vacancy_for_organisation(vacancy_id, current_user.organisation_id))
    return confirmation_page(
        f"Repost {vacancy.title} as a new vacancy?",
        [f"This makes a new draft copied from {vacancy.title}, with its own applicants. You check the details and the "
         "closing date, then publish it.",
         f"{vacancy.title} itself and its applicants stay as they are."],
        "Make a new draft",
        url_for(".manage"),
        warning=False,
    )


@bp.post("/recruiter/vacancies/<int:vacancy_id>/repost")
@recruiter_required
@retry_when_busy
def repost(vacancy_id: int):
    vacancy = found_or_404(services.get_vacancy_for_organisation(vacancy_id, current_user.organisation_id))
    try:
        copy = services.repost(vacancy)
    except services.VacancyActionRefused as refusal:
        flash(str(refusal), "error")
        return redirect(url_for(".manage"))
    db.session.commit()
    flash("This is a new draft copied from the original. Check the details and the closing date, then save it.", "info")
    return redirect(url_for(".edit", vacancy_id=copy.id))


@bp.get("/jobs/<int:vacancy_id>")
@bp.get("/jobs/<int:vacancy_id>/<slug>")
def detail(vacancy_id: int, slug: str | None = None):
    vacancy = services.get_public_vacancy(vacancy_id)
    preview = False
    if vacancy is None and current_user.is_authenticated and current_user.is_recruiter:
        vacancy = services.get_vacancy_for_organisation(vacancy_id, current_user.organisation_id)
        preview = True
    if vacancy is None:
        abort(404)
    if slug != vacancy.slug:
        near = request.args.get("near") or None
        return redirect(url_for(".detail", vacancy_id=vacancy.id, slug=vacancy.slug, near=near), 301)
    return _render_vacancy(vacancy, preview=preview)


def _render_vacancy(vacancy: Vacancy, preview: bool):
    today = date.today()
    near = request.args.get("near", "").strip()
    page_url = url_for(".detail", vacancy_id=vacancy.id, slug=vacancy.slug, _external=True)
    job_posting = None
    if not preview and vacancy.is_live(today):
        organisation = vacancy.organisation
        logo_url = image_url(organisation.logo, _external=True) if organisation.logo else None
        job_posting = script_json(jsonld.job_posting(vacancy, page_url, logo_url))
    return render_template(
        "vacancies/detail.html",
        vacancy=vacancy,
        preview=preview,
        closed=services.has_closed(vacancy, today),
        page_url=page_url,
        job_posting=job_posting,
        near=near,
        distance=services.nearest_site_distance(vacancy, near) if near else None,
        similar=services.similar_vacancies(vacancy, today),
    )
