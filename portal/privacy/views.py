import io
from datetime import date

from flask import current_app, render_template, request, send_file
from flask_login import current_user, login_required

from portal.accounts import services as accounts
from portal.accounts import sessions
from portal.extensions import db
from portal.pages.errors import too_many_attempts
from portal.privacy import bp, services
from portal.privacy.forms import DeleteAccountForm


@bp.get("/privacy")
def notice():
    return render_template(
        "privacy/notice.html",
        retention_months=current_app.config["APPLICATION_RETENTION_MONTHS"],
        audit_retention_months=current_app.config["AUDIT_RETENTION_MONTHS"],
    )


@bp.get("/account/data")
@login_required
def your_data():
    return render_template("privacy/your_data.html", files=services.owned_files(current_user.id))


@bp.post("/account/data/export")
@login_required
def export():
    response = send_file(
        io.BytesIO(services.export_archive(current_user)),
        mimetype="application/zip",
        as_attachment=True,
        download_name=services.export_filename(date.today()),
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/account/delete", methods=["GET", "POST"])
@login_required
def delete_account():
    form = DeleteAccountForm()
    if form.validate_on_submit():
        try:
            matches = accounts.limit_attempts(
                accounts.PASSWORD_CONFIRMATION, current_user.email, request.remote_addr,
                lambda: services.password_matches(current_user, form.password.data),
            )
        except accounts.TooManyAttempts as refusal:
            return too_many_attempts("privacy/delete_account.html", form.password, refusal, form=form)
        if matches:
            services.delete_account(current_user._get_current_object())
            sessions.sign_out()
            db.session.commit()
            return render_template("privacy/account_deleted.html")
        form.password.errors.append("Enter your current password")
    return render_template("privacy/delete_account.html", form=form)
