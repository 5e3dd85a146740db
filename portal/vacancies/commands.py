from datetime import date

import click
from flask.cli import AppGroup

from portal.extensions import db
from portal.vacancies.services import close_expired_vacancies

cli = AppGroup("vacancies", help="Vacancy housekeeping.")


@cli.command("close-expired")
def close_expired():
    """Close published vacancies whose closing date has passed (run daily)."""
    count = close_expired_vacancies(date.today())
    db.session.commit()
    click.echo(f"Closed {count} vacancies")
