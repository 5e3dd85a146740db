from flask import render_template

from portal.admin import bp


@bp.get("/admin")
def dashboard():
    return render_template("admin/dashboard.html")
