from flask import Blueprint

bp = Blueprint("passport", __name__)
