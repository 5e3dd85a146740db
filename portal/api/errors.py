"""The API's error bodies, shared by every route that answers JSON."""
from flask import jsonify

from portal.pages.errors import MESSAGES


def invalid_parameters(problems: dict[str, str], detail: str = "Some parameters have values we cannot use; see fields."):
    title = MESSAGES[400][0]
    return jsonify({"error": {"status": 400, "title": title, "detail": detail, "fields": problems}}), 400
