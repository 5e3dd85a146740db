import click
from flask.cli import AppGroup

cli = AppGroup("demo", help="The demo region.")
