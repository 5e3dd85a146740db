from flask import Blueprint

bp = Blueprint("jobsearch", __name__)

