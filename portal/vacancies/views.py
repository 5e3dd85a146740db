from flask import render_template

from portal.vacancies import bp


@bp.get("/recruiter/vacancies")
def manage():
    return render_template("jobsearch/search.html")
