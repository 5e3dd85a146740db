"""What every response says to the browser: the security headers (with Flask-Talisman), and that pages
for a signed-in person are never stored by a browser or a shared cache."""
from __future__ import annotations

from functools import wraps

from flask import Flask, Response, g, request
from flask_login import current_user, user_logged_out, user_unauthorized
from flask_talisman import DENY, Talisman

# Each page's inline scripts carry the page's nonce; nothing else inline runs.
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
# Share links carry their token in the address, so no other site may see even this site's addresses.
REFERRER_POLICY = "same-origin"
PERMISSIONS_POLICY = {
    feature: "()"
    for feature in (
        "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "usb",
    )
}
# An uploaded file served from the site: it may run nothing and load nothing.
UPLOADED_FILE_POLICY = {"default-src": "'none'", "frame-ancestors": "'none'"}


def init_app(app: Flask) -> None:
    force_https = app.config["FORCE_HTTPS"]
    Talisman(
        app,
        content_security_policy=CONTENT_SECURITY_POLICY,
        content_security_policy_nonce_in=["script-src"],
        frame_options=DENY,
        referrer_policy=REFERRER_POLICY,
        permissions_policy=PERMISSIONS_POLICY,
        force_https=force_https,
        strict_transport_security=force_https,
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        session_cookie_samesite=app.config["SESSION_COOKIE_SAMESITE"],
    )
    user_unauthorized.connect(_mark_private, app)
    user_logged_out.connect(_mark_private, app)
    app.after_request(_never_store_private_pages)


# Talisman's per-view decorator needs no application.
uploaded_file_policy = Talisman()(content_security_policy=UPLOADED_FILE_POLICY)


def never_stored(view):
    """For a page that is private without sign-in, such as a passport opened by its share link."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        g.private_response = True
        return view(*args, **kwargs)

    return wrapped


def shared_by_everyone() -> None:
    """This response is the same for everyone (a public image at an address of its own), so it keeps the
    caching it states even for a signed-in person."""
    g.shared_response = True


def _mark_private(_app, **_extra) -> None:
    # Sent when a view that needs sign-in turns someone away, and on signing out: such responses are private
    # even though nobody is signed in by the time they are sent.
    g.private_response = True


def _never_store_private_pages(response: Response) -> Response:
    if request.endpoint == "static" or g.get("shared_response"):
        return response
    private = g.get("private_response") or current_user.is_authenticated
    if private and "no-store" not in response.headers.get("Cache-Control", ""):
        response.headers["Cache-Control"] = "no-store"
    return response
