from flask import flash, redirect, render_template, request, url_for
from flask_login import login_required, login_user, logout_user

from portal.accounts import bp, services
from portal.accounts.forms import ForgotPasswordForm, RegisterForm, ResetPasswordForm, SignInForm
from portal.extensions import db
from portal.pages.errors import MESSAGES, too_many_attempts


def _redirect_after_sign_in():
    return redirect(services.safe_next_url(request.args.get("next")) or url_for("pages.home"))


@bp.route("/register", methods=["GET", "POST"])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = services.register_user(form.email.data, form.full_name.data, form.password.data)
        except services.EmailAlreadyRegistered:
            form.email.errors.append("An account with this email address already exists. Sign in or reset your password.")
        else:
            db.session.commit()
            login_user(user)
            flash("Your account has been created.", "success")
            return _redirect_after_sign_in()
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
            login_user(user)
            return _redirect_after_sign_in()
    return render_template("accounts/sign_in.html", form=form)


@bp.post("/sign-out")
@login_required
def sign_out():
    logout_user()
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
        services.set_password(user, form.password.data)
        db.session.commit()
        flash("Your password has been changed. Sign in with your new password.", "success")
        return redirect(url_for("accounts.sign_in"))
    return render_template("accounts/reset_password.html", form=form)


@bp.get("/account")
@login_required
def account():
    return render_template("accounts/account.html")
