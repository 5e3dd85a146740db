from flask import Blueprint

bp = Blueprint("careers", __name__)
