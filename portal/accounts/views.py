from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from portal.accounts import bp, services
from portal.accounts.forms import ForgotPasswordForm, RegisterForm, ResetPasswordForm, SignInForm
from portal.extensions import db, limiter


def _auth_rate_limit() -> str:
    return current_app.config["SIGN_IN_RATE_LIMIT"]


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
@limiter.limit(_auth_rate_limit, methods=["POST"])
def sign_in():
    form = SignInForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
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
    services.sign_out(current_user)
    db.session.commit()
    logout_user()
    flash("You have signed out.", "info")
    return redirect(url_for("pages.home"))


@bp.route("/forgot-password", methods=["GET", "POST"])
@limiter.limit(_auth_rate_limit, methods=["POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        return render_template("accounts/reset_sent.html", email=form.email.data)
    return render_template("accounts/forgot_password.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
@limiter.limit(_auth_rate_limit, methods=["POST"])
def reset_password(token: str):
    user = services.user_for_reset_token(token)
    if user is None:
        return render_template("accounts/reset_invalid.html"), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        services.complete_password_reset(user, form.password.data)
        db.session.commit()
        flash("Your password has been changed. Sign in with your new password.", "success")
        return redirect(url_for("accounts.sign_in"))
    return render_template("accounts/reset_password.html", form=form)


@bp.get("/account")
@login_required
def account():
    return render_template("accounts/account.html")
