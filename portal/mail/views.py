from flask import abort, flash, redirect, render_template, url_for

from portal.accounts.access import admin_required
from portal.extensions import db
from portal.mail import bp, services


@bp.get("/admin/mail")
@admin_required
def undelivered():
    return render_template(
        "mail/undelivered.html",
        dead=services.dead_letters(),
        retrying=services.waiting_to_retry(),
        listed=services.LISTED,
    )


@bp.post("/admin/mail/<int:message_id>/retry")
@admin_required
def retry(message_id: int):
    try:
        message = services.retry_dead_letter(message_id)
    except services.NotADeadLetter as already:
        flash(str(already), "info")
        return redirect(url_for(".undelivered"))
    if message is None:
        abort(404)
    db.session.commit()
    flash(f"The email \u201c{message.subject}\u201d to {message.recipient} is being sent again. "
          "If it fails again it comes back to this page.", "success")
    return redirect(url_for(".undelivered"))
