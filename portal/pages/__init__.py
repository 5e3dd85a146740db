from flask import Blueprint

from portal.config import REPO_ROOT

# The NHS.UK frontend stylesheet asks for its icons at /assets/images/...; this serves its shipped assets there.
bp = Blueprint(
    "pages", __name__, static_folder=str(REPO_ROOT / "static" / "nhsuk" / "assets"), static_url_path="/assets",
)
