from flask import abort, request
from flask_login import current_user

from portal.http_headers import shared_by_everyone, uploaded_file_policy
from portal.storage import bp, services


@bp.get("/images/<purpose>/<name>")
@uploaded_file_policy
def image(purpose: str, name: str):
    """Every image shown on the site, such as an organisation's logo, whichever backend keeps it."""
    found = services.public_image(purpose, name, current_user)
    if found is None:
        abort(404)
    stored, shown = found
    response = services.image_response(stored, shown)
    if shown is services.Shown.TO_EVERYONE:
        shared_by_everyone()
    return response.make_conditional(request)
