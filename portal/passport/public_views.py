"""What anyone may see without signing in: the check of a credential and the portal's public key."""
from __future__ import annotations

from datetime import date

from flask import Response, jsonify, render_template
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import TextAreaField

from portal.passport import bp, credentials
from portal.passport.credentials import MAX_TOKEN_LENGTH, Outcome

NOTHING_TO_CHECK = "Paste a credential or choose its file"
KEY_CACHE_SECONDS = 3600


class VerifyForm(FlaskForm):
    credential = TextAreaField("Paste the credential")
    credential_file = FileField("Or choose the credential file")

    def token(self) -> str:
        """The pasted text, or else the chosen file's, with its white space removed."""
        upload = self.credential_file.data
        text = self.credential.data or ""
        if not text.strip() and upload is not None and getattr(upload, "filename", ""):
            text = upload.stream.read(MAX_TOKEN_LENGTH + 1).decode("utf-8", errors="replace")
        return "".join(text.split())


@bp.route(credentials.VERIFY_PATH, methods=["GET", "POST"])
def verify():
    form = VerifyForm()
    verification = None
    if form.validate_on_submit():
        token = form.token()
        if not token:
            form.credential.errors.append(NOTHING_TO_CHECK)
        else:
            verification = credentials.verify_token(token, date.today())
            if verification.status == Outcome.MALFORMED:
                form.credential.errors.append(verification.reason)
                verification = None
    return render_template("passport/verify.html", form=form, verification=verification)


def _public(response: Response) -> Response:
    """The key may be fetched and cached by anyone, from any site."""
    response.headers["Cache-Control"] = f"public, max-age={KEY_CACHE_SECONDS}"
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.get(credentials.JWKS_PATH)
def jwks():
    return _public(jsonify(credentials.public_jwks()))


@bp.get(credentials.PUBLIC_PEM_PATH)
def public_key():
    return _public(Response(credentials.public_pem(), mimetype="text/plain"))
