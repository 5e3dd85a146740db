import segno
from flask import flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from markupsafe import Markup

from portal.accounts.signing_in import complete_sign_in
from portal.extensions import db
from portal.twofactor import bp, pending, services
from portal.twofactor.forms import ConfirmAppForm, NewRecoveryCodesForm, SignInCodeForm, TurnOffForm

# What an admin without a second factor may still reach (static files, the site's own and the design
# system's icons, signing out and the set-up itself): everything else sends them to set it up.
OPEN_BEFORE_SET_UP = {"static", "pages.static", "accounts.sign_out", "twofactor.set_up"}


@bp.before_app_request
def admins_set_up_two_factor_first():
    if request.endpoint in OPEN_BEFORE_SET_UP or not current_user.is_authenticated:
        return None
    if services.is_required(current_user) and not services.is_enabled(current_user):
        return redirect(url_for("twofactor.set_up"))
    return None


def _private(body: str, status: int = 200):
    """A page holding a secret or recovery codes: never kept by a browser or proxy cache."""
    response = make_response(body, status)
    response.headers["Cache-Control"] = "no-store"
    return response


def _qr_code(uri: str) -> Markup:
    svg = segno.make(uri, error="m").svg_inline(
        scale=5, omitsize=True, svgclass="portal-qr-code", title="QR code to scan with your authenticator app"
    )
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))


def _in_fours(secret: str) -> str:
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def _recovery_codes_page(codes: list[str]):
    return _private(render_template("twofactor/recovery_codes.html", codes=codes))


@bp.route("/account/two-factor/set-up", methods=["GET", "POST"])
@login_required
def set_up():
    if services.is_enabled(current_user):
        flash("Two-step sign-in is already on for your account.", "info")
        return redirect(url_for("accounts.account"))
    form = ConfirmAppForm()
    if form.validate_on_submit():
        try:
            codes = services.enable_two_factor(current_user, form.code.data)
        except services.CodeRefused as refusal:
            form.code.errors.append(str(refusal))
        else:
            db.session.commit()
            return _recovery_codes_page(codes)
    secret = services.secret_being_set_up(current_user)
    db.session.commit()
    return _private(render_template(
        "twofactor/set_up.html",
        form=form,
        qr_code=_qr_code(services.provisioning_uri(current_user, secret)),
        secret=_in_fours(secret),
        required=services.is_required(current_user),
    ))


@bp.route("/account/two-factor/recovery-codes", methods=["GET", "POST"])
@login_required
def recovery_codes():
    if not services.is_enabled(current_user):
        return redirect(url_for("twofactor.set_up"))
    form = NewRecoveryCodesForm()
    if form.validate_on_submit():
        codes = services.replace_recovery_codes(current_user)
        db.session.commit()
        return _recovery_codes_page(codes)
    return render_template(
        "twofactor/new_recovery_codes.html", form=form, codes_left=services.recovery_codes_left(current_user)
    )


@bp.route("/account/two-factor/turn-off", methods=["GET", "POST"])
@login_required
def turn_off():
    if not services.is_enabled(current_user):
        return redirect(url_for("accounts.account"))
    if services.is_required(current_user):
        return render_template("twofactor/turn_off_refused.html"), 403
    form = TurnOffForm()
    if form.validate_on_submit():
        try:
            services.disable_two_factor(current_user, form.password.data, form.code.data)
        except services.WrongPassword as refusal:
            form.password.errors.append(str(refusal))
        except services.CodeRefused as refusal:
            form.code.errors.append(str(refusal))
        else:
            db.session.commit()
            flash("Two-step sign-in is off. You now sign in with your email address and password only.", "success")
            return redirect(url_for("accounts.account"))
        # Wrong codes are counted even when the form is shown again.
        db.session.commit()
    return render_template("twofactor/turn_off.html", form=form)


def _back_to_sign_in(message: str):
    flash(message, "error")
    return redirect(url_for("accounts.sign_in", next=request.args.get("next")))


@bp.route("/sign-in/code", methods=["GET", "POST"])
def sign_in_code():
    try:
        user = pending.pending_user()
    except pending.PendingSignInExpired as refusal:
        return _back_to_sign_in(str(refusal))
    if user is None:
        return redirect(url_for("accounts.sign_in", next=request.args.get("next")))
    form = SignInCodeForm()
    if form.validate_on_submit():
        try:
            accepted = services.verify_code(user, form.code.data)
        except services.CodeRefused as refusal:
            db.session.commit()
            if refusal.reason is services.CodeCheck.TOO_MANY_ATTEMPTS:
                pending.clear()
                return _back_to_sign_in(str(refusal) + ".")
            if pending.count_wrong_code():
                return _back_to_sign_in("You have entered too many wrong codes. Sign in again to get more tries.")
            form.code.errors.append(str(refusal))
        else:
            db.session.commit()
            pending.clear()
            if accepted is services.AcceptedCode.RECOVERY:
                left = services.recovery_codes_left(user)
                flash(f"You signed in with a recovery code, so it no longer works. You have {left} left: you can "
                      "get a new set from your account page.", "info")
            return complete_sign_in(user)
    return render_template("twofactor/sign_in_code.html", form=form)
