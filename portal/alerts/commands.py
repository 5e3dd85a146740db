from contextlib import nullcontext

import click
from flask import current_app
from flask.cli import AppGroup

from portal.accounts.models import utcnow
from portal.alerts.models import Frequency
from portal.alerts.services import delete_unconfirmed_alerts, send_due_digests
from portal.extensions import db

cli = AppGroup("alerts", help="Job alert emails.")

# Where links in emails point when neither SERVER_NAME nor SITE_URL says: the address `make run` serves.
LOCAL_SITE_URL = "http://127.0.0.1:5000"


def site_urls():
    """A command has no request to take the site's address from, so links in emails use SITE_URL."""
    if current_app.config.get("SERVER_NAME"):
        return nullcontext()
    return current_app.test_request_context(base_url=current_app.config.get("SITE_URL") or LOCAL_SITE_URL)


@cli.command("send")
@click.option(
    "--frequency", type=click.Choice([frequency.value for frequency in Frequency]),
    help="Only alerts of this frequency (default: every due alert).",
)
def send(frequency: str | None):
    """Email each due job alert its new matches (run hourly or daily; safe to overlap)."""
    now = utcnow()
    forgotten = delete_unconfirmed_alerts(now)
    db.session.commit()
    with site_urls():
        run = send_due_digests(now, frequency)
    click.echo(
        f"Checked {run.alerts_checked} alerts: sent {run.emails_sent} emails listing {run.vacancies_sent} vacancies"
        f"; removed {forgotten} never confirmed"
    )
    if run.failures:
        raise click.ClickException(f"{run.failures} alerts could not be sent; they are retried on the next run")
