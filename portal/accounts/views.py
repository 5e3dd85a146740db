from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from portal.accounts import bp, services, sessions
from portal.accounts.forms import (
    ChangeEmailForm,
    ChangePasswordForm,
    ForgotPasswordForm,
    RegisterForm,
    ResetPasswordForm,
    SignInForm,
    SignOutOtherDevicesForm,
)
from portal.accounts.signing_in import complete_sign_in
from portal.extensions import db
from portal.pages.errors import MESSAGES, too_many_attempts
from portal.time import utcnow
from portal.twofactor import pending as pending_sign_in
from portal.twofactor import services as two_factor


def _confirmed_by_password(user, change) -> bool:
    """Whether ``change()`` ran: False when it refused the password given. Wrong passwords count against
    the account and the address as failed sign-ins do (TooManyAttempts once they are used up)."""

    def attempt() -> bool:
        try:
            change()
        except services.WrongPassword:
            return False
        return True

    return services.limit_attempts(services.PASSWORD_CONFIRMATION, user.email, request.remote_addr, attempt)


@bp.route("/register", methods=["GET", "POST"])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = services.register_user(form.email.data, form.full_name.data, form.password.data)
        except services.EmailAlreadyRegistered as refusal:
            form.email.errors.append(str(refusal))
        else:
            db.session.commit()
            flash("Your account has been created.", "success")
            return complete_sign_in(user)
    return render_template("accounts/register.html", form=form)


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    form = SignInForm()
    if form.validate_on_submit():
        try:
            user = services.limit_attempts(
                services.SIGN_IN, form.email.data, request.remote_addr,
                lambda: services.authenticate(form.email.data, form.password.data),
            )
        except services.TooManyAttempts as refusal:
            return too_many_attempts("accounts/sign_in.html", form.email, refusal, form=form)
        if user is None:
            form.password.errors.append("Enter a correct email address and password")
        else:
            db.session.commit()
            if two_factor.is_enabled(user):
                pending_sign_in.start(user)
                return redirect(url_for("twofactor.sign_in_code", next=request.args.get("next")))
            return complete_sign_in(user)
    return render_template("accounts/sign_in.html", form=form, signed_out_notice=sessions.take_signed_out_notice())


@bp.post("/sign-out")
@login_required
def sign_out():
    services.record_sign_out(current_user)
    sessions.sign_out()
    db.session.commit()
    flash("You have signed out.", "info")
    return redirect(url_for("pages.home"))


@bp.route("/forgot-password", methods=["GET", "POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        try:
            # Every request counts, as each may send an email.
            services.limit_attempts(
                services.PASSWORD_RESET, form.email.data, request.remote_addr,
                lambda: services.request_password_reset(form.email.data),
            )
        except services.TooManyAttempts as refusal:
            return too_many_attempts("accounts/forgot_password.html", form.email, refusal, form=form)
        db.session.commit()
        return render_template("accounts/reset_sent.html", email=form.email.data)
    return render_template("accounts/forgot_password.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    try:
        user = services.limit_attempts(
            services.PASSWORD_RESET, None, request.remote_addr, lambda: services.user_for_reset_token(token)
        )
    except services.TooManyAttempts as refusal:
        return too_many_attempts(
            "errors/error.html", None, refusal, title=MESSAGES[429][0], advice=f"{refusal}.", code=429
        )
    if user is None:
        return render_template("accounts/reset_invalid.html"), 400
    form = ResetPasswordForm()
    form.password_owner = user
    if form.validate_on_submit():
        services.reset_password(user, form.password.data)
        services.notify_password_changed(user)
        db.session.commit()
        flash("Your password has been changed. Sign in with your new password.", "success")
        return redirect(url_for("accounts.sign_in"))
    return render_template("accounts/reset_password.html", form=form)


@bp.get("/account")
@login_required
def account():
    return render_template(
        "accounts/account.html",
        live_sessions=services.live_sessions(current_user, utcnow()),
        this_session=sessions.current_token_hash(),
        two_factor_on=two_factor.is_enabled(current_user),
        two_factor_required=two_factor.is_required(current_user),
    )


@bp.post("/account/sessions/sign-out-others")
@login_required
def sign_out_other_devices():
    if SignOutOtherDevicesForm().validate_on_submit():
        sessions.sign_out_other_devices(current_user)
        db.session.commit()
        flash("You have signed out of all other devices.", "success")
    return redirect(url_for(".account"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            changed = _confirmed_by_password(
                user, lambda: services.change_password(user, form.current_password.data, form.password.data)
            )
        except services.TooManyAttempts as refusal:
            return too_many_attempts("accounts/change_password.html", form.current_password, refusal, form=form)
        if not changed:
            form.current_password.errors.append("Your current password is not right. Check it and try again")
        else:
            sessions.renew_after_password_change(user)
            services.notify_password_changed(user)
            db.session.commit()
            flash("Your password has been changed. Any other devices you were signed in on have been signed out.", "success")
            return redirect(url_for(".account"))
    return render_template("accounts/change_password.html", form=form)


@bp.route("/account/email", methods=["GET", "POST"])
@login_required
def change_email():
    form = ChangeEmailForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        old_email = user.email
        try:
            changed = _confirmed_by_password(user, lambda: services.change_email(user, form.password.data, form.email.data))
        except services.TooManyAttempts as refusal:
            return too_many_attempts("accounts/change_email.html", form.password, refusal, form=form)
        except services.EmailAlreadyRegistered as refusal:
            form.email.errors.append(str(refusal))
            return render_template("accounts/change_email.html", form=form)
        if not changed:
            form.password.errors.append("Your password is not right. Check it and try again")
        else:
            if old_email != user.email:
                services.notify_email_changed(user, old_email)
            db.session.commit()
            flash(f"Your email address is now {user.email}.", "success")
            return redirect(url_for(".account"))
    return render_template("accounts/change_email.html", form=form)
