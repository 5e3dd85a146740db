from flask import Blueprint

bp = Blueprint("vacancies", __name__)

from portal.vacancies import views  # noqa: E402,F401
