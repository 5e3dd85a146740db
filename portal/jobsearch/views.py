from flask import render_template

from portal.jobsearch import bp


@bp.get("/jobs")
def search():
    return render_template("jobsearch/search.html")
