import click
from flask.cli import AppGroup

from portal.demo.loader import demo_account_lines, is_empty, load_demo_region
from portal.extensions import db

cli = AppGroup("demo", help="The demo region.")


@cli.command("load")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has employers.")
def load(if_empty: bool):
    """Load the demo region's employers, vacancies and accounts."""
    if if_empty and not is_empty():
        click.echo("Database already has employers; demo data not loaded")
        return
    counts = load_demo_region()
    db.session.commit()
    click.echo("Loaded " + ", ".join(f"{n} {name}" for name, n in counts.items()))


@cli.command("accounts")
def accounts():
    """Print the demo accounts and their passwords."""
    click.echo("Demo accounts:")
    for line in demo_account_lines():
        click.echo(line)
    click.echo("The admin sets up two-step sign-in the first time they sign in: have an authenticator app ready.")
