from flask import Blueprint

bp = Blueprint("jobsearch", __name__)

from portal.jobsearch import views  # noqa: E402,F401
