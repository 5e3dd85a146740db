from flask import render_template

from portal.pages import bp


@bp.get("/")
def home():
    return render_template("pages/home.html")


@bp.get("/sitemap.xml")
def sitemap():
    return render_template("pages/sitemap.xml"), 200, {"Content-Type": "application/xml"}
