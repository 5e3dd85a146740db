"""The find-your-career quiz: one question a page, results at an address that can be shared.

Every answer travels in the address (a GET form on each question carries the earlier ones as hidden
fields), so nothing is kept in the session; only a signed-in person who saves their results is stored.
"""
from __future__ import annotations

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from portal.careers import bp
from portal.careers import quiz as rules
from portal.careers.services import published_content
from portal.extensions import db
from portal.jobsearch.labels import labels
from portal.lookups import found_or_404
from portal.site_address import site_address

# The quiz pages are the same for every visitor who is not signed in (signed-in pages are never stored).
PUBLIC_CACHE_SECONDS = 300


def _content():
    content = published_content()
    if content.quiz is None:
        abort(404)
    return content


def _cached(html: str):
    response = make_response(html)
    response.headers["Cache-Control"] = f"public, max-age={PUBLIC_CACHE_SECONDS}"
    response.vary.add("Cookie")
    return response


def _question_url(number: int, answers: rules.Answers) -> str:
    query = answers.query_string()
    return url_for("careers.quiz_question", number=number) + (f"?{query}" if query else "")


def _results_url(answers: rules.Answers, **extra) -> str:
    query = answers.query_string()
    url = url_for("careers.quiz_results", **extra)
    return url + ("&" if "?" in url else "?") + query if query else url


@bp.get("/careers/quiz")
def quiz_start():
    content = _content()
    return _cached(render_template("careers/quiz/start.html", quiz=content.quiz))


@bp.get("/careers/quiz/<int:number>")
def quiz_question(number: int):
    quiz = _content().quiz
    if not 1 <= number <= len(quiz.questions):
        abort(404)
    question = quiz.questions[number - 1]
    answers = rules.Answers.parse(quiz, request.args)
    last = number == len(quiz.questions)
    skipped = answers.without(quiz, question.key)
    return _cached(render_template(
        "careers/quiz/question.html",
        quiz=quiz, question=question, number=number, answers=answers,
        hidden=answers.pairs(leaving_out=question.key),
        action=url_for("careers.quiz_results") if last else url_for("careers.quiz_question", number=number + 1),
        back_url=_question_url(number - 1, answers) if number > 1 else url_for("careers.quiz_start"),
        skip_url=_results_url(skipped) if last else _question_url(number + 1, skipped),
    ))


@bp.get("/careers/quiz/results")
def quiz_results():
    content = _content()
    quiz = content.quiz
    answers = rules.Answers.parse(quiz, request.args)
    nearby = rules.find_nearby(answers)
    results = rules.score(quiz, content.roles, answers, nearby.counts if nearby else None,
                          names=labels().roles)
    show_all = request.args.get("all") == "1"
    return _cached(render_template(
        "careers/quiz/results.html",
        quiz=quiz, answers=answers, nearby=nearby, roles=content.roles,
        results=results if show_all else results[:rules.TOP_RESULTS], total=len(results), show_all=show_all,
        results_url=_results_url(answers), share_url=(site_address() or request.host_url.rstrip("/")) + _results_url(answers),
        all_url=_results_url(answers, all=1),
        change_url=_question_url(1, answers),
        apprenticeship_search=rules.apprenticeship_search_args,
    ))


@bp.post("/careers/quiz/save")
def quiz_save():
    quiz = _content().quiz
    answers = rules.Answers.from_query_string(quiz, request.form.get("answers", ""))
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.sign_in", next=_results_url(answers)))
    rules.save_result(current_user.id, answers)
    db.session.commit()
    flash("Your results are saved. You can find them in your saved quiz results.", "success")
    return redirect(_results_url(answers))


@bp.get("/careers/quiz/saved")
@login_required
def quiz_saved():
    content = _content()
    names = labels().roles
    saved = []
    for item in rules.saved_results(current_user.id):
        answers = rules.Answers.from_query_string(content.quiz, item.answers)
        top = rules.score(content.quiz, content.roles, answers, names=names)[:3]
        saved.append((item, answers, top, _results_url(answers)))
    return render_template("careers/quiz/saved.html", saved=saved)


@bp.post("/careers/quiz/saved/<int:saved_id>/delete")
@login_required
def quiz_saved_delete(saved_id: int):
    rules.delete_saved(found_or_404(rules.saved_result(current_user.id, saved_id)))
    db.session.commit()
    flash("The saved results have been deleted.", "success")
    return redirect(url_for("careers.quiz_saved"))
