from flask import render_template

from portal.employers import bp


@bp.get("/employers")
def directory():
    return render_template("employers/directory.html")


@bp.get("/employers/register")
def register():
    return render_template("employers/directory.html")
