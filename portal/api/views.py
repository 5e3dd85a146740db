from flask import jsonify

from portal.api import bp


@bp.get("/openapi.json")
def openapi():
    return jsonify({"openapi": "3.1.0"})
