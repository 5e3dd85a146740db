"""The admin's pages of the skills passport: the figures, and the catalogue of competences."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from sqlalchemy.exc import IntegrityError

from portal.accounts.access import admin_required
from portal.extensions import db
from portal.lookups import found_or_404
from portal.passport import bp, catalogue, stats
from portal.passport.admin_forms import CompetenceForm


@bp.get("/admin/passport")
@admin_required
def admin_statistics():
    return render_template("passport/admin/statistics.html", statistics=stats.passport_statistics())


@bp.get("/admin/passport/competences")
@admin_required
def admin_competences():
    return render_template("passport/admin/competences.html", groups=catalogue.competences_by_category(active_only=False))


@bp.route("/admin/passport/competences/new", methods=["GET", "POST"])
@admin_required
def admin_new_competence():
    form = CompetenceForm()
    if form.validate_on_submit():
        try:
            competence = catalogue.save_competence(form.code.data, form.details())
            db.session.commit()
        except IntegrityError:
            # Another admin added the same code since the form was checked.
            db.session.rollback()
            form.code.errors.append(f"The code {form.code.data} has just been used: choose another")
        else:
            return _saved(competence, "added to")
    return render_template("passport/admin/competence_form.html", form=form, competence=None)


@bp.route("/admin/passport/competences/<code>/edit", methods=["GET", "POST"])
@admin_required
def admin_edit_competence(code: str):
    competence = found_or_404(catalogue.get_competence(code))
    form = CompetenceForm(existing=competence) if request.method == "POST" else CompetenceForm.for_competence(competence)
    if form.validate_on_submit():
        competence = catalogue.save_competence(code, form.details())
        db.session.commit()
        return _saved(competence, "saved in")
    return render_template("passport/admin/competence_form.html", form=form, competence=competence)


def _saved(competence, done: str):
    flash(f"{competence.title} is {done} the catalogue.", "success")
    return redirect(url_for("passport.admin_competences", _anchor=competence.code))
