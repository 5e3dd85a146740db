from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from portal.alerts import bp, services
from portal.alerts.forms import AlertForm, EditAlertForm
from portal.confirmation import confirmation_page
from portal.extensions import csrf, db, limiter
from portal.jobsearch.params import parse_search_args
from portal.lookups import found_or_404
from portal.time import utcnow

# Each confirmation email goes to an address someone typed, so anonymous sign-ups are limited per visitor.
ANONYMOUS_ALERT_RATE_LIMIT = "10 per hour"


@bp.get("/alerts")
@login_required
def index():
    return render_template(
        "alerts/index.html", alerts=services.alerts_of(current_user), now=utcnow(),
        can_send_first_digest=services.can_send_first_digest,
    )


@bp.route("/alerts/new", methods=["GET", "POST"])
@limiter.limit(ANONYMOUS_ALERT_RATE_LIMIT, methods=["POST"], exempt_when=lambda: current_user.is_authenticated)
def new():
    """The search comes in the query string, as on the search page; the form adds where and how often."""
    params = parse_search_args(request.args).params
    form = AlertForm.for_visitor(current_user.is_authenticated)
    if form.validate_on_submit():
        signed_in = current_user.is_authenticated
        try:
            alert, created = services.create_alert(
                params, form.frequency.data, current_user if signed_in else form.email.data
            )
        except services.TooManyAlerts as refusal:
            (form.frequency if signed_in else form.email).errors.append(str(refusal))
        else:
            if not signed_in:
                services.send_confirmation(alert)
                db.session.commit()
                return render_template(
                    "alerts/check_email.html", alert=alert, max_age_days=services.CONFIRM_MAX_AGE.days
                )
            db.session.commit()
            if created:
                flash(
                    f"Your job alert is set up. We will email {alert.email} {alert.frequency} when there are new jobs.",
                    "success",
                )
            else:
                flash("You already have a job alert for this search.", "info")
            return redirect(url_for("alerts.index"))
    return render_template(
        "alerts/new.html", form=form, search_args=services.saved_search(params), label=services.describe_alert(params)
    )


def _confirmed_by_link(token: str):
    """The alert the emailed link names, now confirmed; None for a link that is not (or no longer) valid."""
    try:
        alert = services.alert_to_confirm(token)
    except services.InvalidLink:
        return None
    if alert is not None:
        services.confirm_alert(alert)
        db.session.commit()
    return alert


@bp.get("/alerts/confirm/<token>")
def confirm(token: str):
    alert = _confirmed_by_link(token)
    if alert is None:
        return render_template("alerts/link_invalid.html"), 400
    return render_template(
        "alerts/confirmed.html", alert=alert, search_link=services.search_link(alert), token=token, now=utcnow(),
        can_send_first_digest=services.can_send_first_digest(alert),
    )


@bp.post("/alerts/confirm/<token>/send-now")
def send_now_by_link(token: str):
    """The emailed confirmation link proves the address, so whoever opened it may ask for the first digest."""
    alert = _confirmed_by_link(token)
    if alert is None:
        return render_template("alerts/link_invalid.html"), 400
    _send_first_digest(alert)
    return redirect(url_for("alerts.confirm", token=token))


@bp.route("/alerts/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # RFC 8058: mail programs post here with no session, hence no CSRF token
def unsubscribe(token: str):
    try:
        alert = services.alert_to_unsubscribe(token)
    except services.InvalidLink:
        return render_template("alerts/link_invalid.html"), 400
    if alert is None:
        return render_template("alerts/unsubscribed.html", label=None)
    if request.method == "GET":
        return render_template("alerts/unsubscribe.html", alert=alert)
    label = alert.label
    services.delete_alert(alert)
    db.session.commit()
    return render_template("alerts/unsubscribed.html", label=label)


@bp.route("/alerts/<int:alert_id>/edit", methods=["GET", "POST"])
@login_required
def edit(alert_id: int):
    alert = found_or_404(services.alert_of(current_user, alert_id))
    form = EditAlertForm(obj=alert)
    if form.validate_on_submit():
        services.update_alert(alert, form.label.data, form.frequency.data)
        db.session.commit()
        flash("Your job alert has been saved.", "success")
        return redirect(url_for("alerts.index"))
    return render_template("alerts/edit.html", form=form, alert=alert, search_link=services.search_link(alert))


@bp.get("/alerts/<int:alert_id>/delete")
@login_required
def confirm_delete(alert_id: int):
    alert = found_or_404(services.alert_of(current_user, alert_id))
    return confirmation_page(
        f"Are you sure you want to delete the job alert \u201c{alert.label}\u201d?",
        ["We will stop emailing you jobs for it. You can set up a new alert from any search."],
        "Delete this alert",
        url_for("alerts.index"),
    )


@bp.post("/alerts/<int:alert_id>/send-now")
@login_required
def send_now(alert_id: int):
    _send_first_digest(found_or_404(services.alert_of(current_user, alert_id)))
    return redirect(url_for("alerts.index"))


def _send_first_digest(alert) -> None:
    email = alert.email
    try:
        sent = services.send_first_digest(alert.id, utcnow())
    except OSError:
        flash("We could not send the email just now. It will go with the next scheduled email.", "info")
        return
    if sent is None:
        flash("The first email for this alert has already been sent.", "info")
    elif sent == 0:
        flash("No open jobs match this alert at the moment. We will email you when new ones are posted.", "info")
    else:
        flash(f"We have emailed {email} {sent} matching {'job' if sent == 1 else 'jobs'}.", "success")


@bp.post("/alerts/<int:alert_id>/delete")
@login_required
def delete(alert_id: int):
    alert = found_or_404(services.alert_of(current_user, alert_id))
    label = alert.label
    services.delete_alert(alert)
    db.session.commit()
    flash(f"Your job alert \u201c{label}\u201d has been deleted.", "success")
    return redirect(url_for("alerts.index"))


@bp.app_template_global()
def new_alert_form() -> AlertForm:
    """The job alert form for the search page to show under its results."""
    return AlertForm.for_visitor(current_user.is_authenticated)
