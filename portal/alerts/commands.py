import click
from flask.cli import AppGroup

from portal.alerts.models import Frequency
from portal.alerts.services import delete_unconfirmed_alerts, next_due_at, send_due_digests
from portal.extensions import db
from portal.site_address import links_to_site
from portal.templating import format_uk_when
from portal.time import utcnow

cli = AppGroup("alerts", help="Job alert emails.")


@cli.command("send")
@click.option(
    "--frequency", type=click.Choice([frequency.value for frequency in Frequency]),
    help="Only alerts of this frequency (default: every due alert).",
)
@links_to_site
def send(frequency: str | None):
    """Email each due job alert its new matches (run hourly or daily; safe to overlap)."""
    now = utcnow()
    forgotten = delete_unconfirmed_alerts(now)
    db.session.commit()
    run = send_due_digests(now, frequency)
    click.echo(
        f"{run.alerts_checked} alerts were due: sent {run.emails_sent} emails listing {run.vacancies_sent} vacancies"
        f"; {run.without_new_jobs} had no new jobs; removed {forgotten} never confirmed"
    )
    upcoming = next_due_at(now, frequency)
    click.echo(
        f"Next alert due {format_uk_when(upcoming, now)} ({upcoming:%Y-%m-%d %H:%M} UTC)" if upcoming
        else "No confirmed alerts are waiting"
    )
    if run.failures:
        raise click.ClickException(f"{run.failures} alerts could not be sent; they are retried on the next run")
