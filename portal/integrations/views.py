from datetime import date

from flask import Response, flash, jsonify, make_response, redirect, render_template, request, url_for
from flask_login import current_user

from portal.accounts.access import recruiter_required
from portal.api.errors import invalid_parameters
from portal.confirmation import confirmation_page
from portal.extensions import db
from portal.integrations import bp, csv_import, feed, services
from portal.integrations.forms import CsvUploadForm, TokenForm
from portal.jobsearch.labels import labels
from portal.lookups import found_or_404

FEED_CACHE_SECONDS = 300


# API tokens

@bp.route("/recruiter/organisation/api-tokens", methods=["GET", "POST"])
@recruiter_required
def api_tokens():
    form = TokenForm()
    if form.validate_on_submit():
        try:
            api_token, token = services.create_token(current_user.organisation, form.name.data, current_user)
        except services.TooManyTokens as refusal:
            form.name.errors.append(str(refusal))
        else:
            db.session.commit()
            # The token is shown on this one page only, which browsers must not keep.
            response = make_response(render_template("integrations/token_created.html", api_token=api_token, token=token))
            response.headers["Cache-Control"] = "no-store"
            return response
    return render_template(
        "integrations/api_tokens.html",
        form=form,
        organisation=current_user.organisation,
        tokens=services.organisation_tokens(current_user.organisation_id),
    )


@bp.get("/recruiter/organisation/api-tokens/<int:token_id>/revoke")
@recruiter_required
def confirm_revoke_token(token_id: int):
    api_token = found_or_404(services.token_of(current_user.organisation_id, token_id))
    return confirmation_page(
        f"Are you sure you want to revoke the token {api_token.name}?",
        ["Systems using it can no longer add, change or close your vacancies. This cannot be undone: "
         "you would create a new token and give it to them."],
        "Revoke this token",
        url_for(".api_tokens"),
    )


@bp.post("/recruiter/organisation/api-tokens/<int:token_id>/revoke")
@recruiter_required
def revoke_token(token_id: int):
    api_token = found_or_404(services.token_of(current_user.organisation_id, token_id))
    services.revoke_token(api_token)
    db.session.commit()
    flash(f"The token ‘{api_token.name}’ is revoked. Systems using it can no longer change your vacancies.", "success")
    return redirect(url_for(".api_tokens"))


# Importing vacancies from a CSV file

@bp.route("/recruiter/vacancies/import", methods=["GET", "POST"])
@recruiter_required
def import_vacancies():
    form = CsvUploadForm()
    if form.validate_on_submit():
        upload = form.file.data
        try:
            uploaded = csv_import.create_import(current_user.organisation, current_user, upload.filename, upload.stream)
        except csv_import.CsvRejected as problem:
            form.file.errors.append(str(problem))
        else:
            db.session.commit()
            return redirect(url_for(".import_preview", import_id=uploaded.id))
    choices = services.VacancyChoices.for_organisation(current_user.organisation)
    return render_template(
        "integrations/import.html",
        form=form,
        fields=choices.fields,
        allowed=services.allowed_values(choices),
        separator=csv_import.LIST_SEPARATOR,
        max_rows=csv_import.MAX_CSV_ROWS,
        max_megabytes=csv_import.MAX_CSV_BYTES // (1024 * 1024),
    )


@bp.get("/recruiter/vacancies/import/template.csv")
@recruiter_required
def import_template():
    choices = services.VacancyChoices.for_organisation(current_user.organisation)
    return _csv_download(csv_import.template_csv(choices, date.today()), "vacancies-template.csv")


def _outcomes(uploaded) -> list[dict]:
    """What the import did, once confirmed; until then, what it would do now."""
    if uploaded.outcomes is not None:
        return uploaded.outcomes
    return [plan.outcome() for plan in csv_import.plan_import(uploaded, current_user.organisation)]


@bp.get("/recruiter/vacancies/import/<int:import_id>")
@recruiter_required
def import_preview(import_id: int):
    uploaded = found_or_404(csv_import.import_of(current_user.organisation_id, import_id))
    outcomes = _outcomes(uploaded)
    choices = services.VacancyChoices.for_organisation(current_user.organisation)
    return render_template(
        "integrations/import_preview.html",
        uploaded=uploaded,
        outcomes=outcomes,
        counts=csv_import.action_counts(outcomes),
        ignored=csv_import.ignored_columns(uploaded, choices),
        row_problem=csv_import.ROW_PROBLEM,
    )


@bp.post("/recruiter/vacancies/import/<int:import_id>/confirm")
@recruiter_required
def confirm_import(import_id: int):
    uploaded = found_or_404(csv_import.import_of(current_user.organisation_id, import_id))
    if uploaded.imported_at is None:
        plans = services.commit_retrying_once(
            lambda: csv_import.run_import(uploaded, current_user.organisation, date.today())
        )
        saved = sum(plan.action != "error" for plan in plans)
        flash(f"{saved} {'vacancy' if saved == 1 else 'vacancies'} imported.", "success")
    return redirect(url_for(".import_preview", import_id=uploaded.id))


@bp.get("/recruiter/vacancies/import/<int:import_id>/rows-with-problems.csv")
@recruiter_required
def import_problems(import_id: int):
    uploaded = found_or_404(csv_import.import_of(current_user.organisation_id, import_id))
    return _csv_download(csv_import.rows_with_errors_csv(uploaded, _outcomes(uploaded)), "rows-with-problems.csv")


def _csv_download(text: str, filename: str) -> Response:
    return Response(
        text,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )


# The partner feed

def _feed_document():
    """The feed page as a dict, or the parameter problems as an API error response."""
    known = labels()
    params, problems = feed.parse_feed_args(request.args, known)
    if problems:
        return None, invalid_parameters(problems)
    found = feed.feed_page(params)
    next_url = None
    if found.has_next:
        args = {**request.args.to_dict(flat=False), "page": found.page + 1}
        next_url = url_for(request.endpoint, _external=True, **args)
    return feed.feed_json(found, known, next_url), None


def _cached(response: Response) -> Response:
    response.headers["Cache-Control"] = f"public, max-age={FEED_CACHE_SECONDS}"
    return response


@bp.get("/feeds/vacancies.json")
def feed_json():
    document, error = _feed_document()
    if error:
        return error
    return _cached(jsonify(document))


@bp.get("/feeds/vacancies.xml")
def feed_xml():
    document, error = _feed_document()
    if error:
        response, status = error
        return Response(feed.to_xml(response.get_json()["error"], "error"), status, mimetype="application/xml")
    return _cached(Response(feed.to_xml(document, "vacancy_feed"), mimetype="application/xml"))
