import io
from datetime import date

from flask import current_app, render_template, send_file
from flask_login import current_user, login_required, logout_user

from portal.extensions import db, limiter
from portal.privacy import bp, services
from portal.privacy.forms import DeleteAccountForm


def _password_rate_limit() -> str:
    return current_app.config["SIGN_IN_RATE_LIMIT"]


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
@limiter.limit(_password_rate_limit, methods=["POST"])
def delete_account():
    form = DeleteAccountForm()
    if form.validate_on_submit():
        if services.password_matches(current_user, form.password.data):
            services.delete_account(current_user._get_current_object())
            db.session.commit()
            logout_user()
            return render_template("privacy/account_deleted.html")
        form.password.errors.append("Enter your current password")
    return render_template("privacy/delete_account.html", form=form)
