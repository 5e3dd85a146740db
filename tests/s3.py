"""S3 for tests: moto's standalone server over real HTTP, so boto3 signs, sends and parses requests
as it does against AWS, MinIO or Ceph.

``s3_settings`` gives the app config keys for a bucket on that server; ``s3_storage`` switches the
session's app to it for one test and empties the bucket afterwards.
"""
from __future__ import annotations

import socket

import pytest

from portal.storage.backends import create_backend, s3_client

BUCKET = "portal-test-files"
REGION = "eu-west-2"


@pytest.fixture(scope="session")
def s3_server():
    """The endpoint URL of a moto server on a free local port."""
    from moto.server import ThreadedMotoServer  # only sessions that use S3 pay for importing moto

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture(scope="session")
def s3_settings(s3_server):
    settings = {
        "STORAGE_BACKEND": "s3",
        "S3_BUCKET": BUCKET,
        "S3_REGION": REGION,
        "S3_ENDPOINT_URL": s3_server,
        "S3_ACCESS_KEY_ID": "test-access-key",
        "S3_SECRET_ACCESS_KEY": "test-secret-key",
        "S3_PRESIGN_SECONDS": 60,
    }
    s3_client(settings).create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    return settings


@pytest.fixture(scope="session")
def _s3_backend(app, s3_settings):
    # Built once: a boto3 client takes a good part of a second to create.
    return create_backend({**app.config, **s3_settings}, app.instance_path)


@pytest.fixture
def s3_storage(app, s3_settings, _s3_backend, monkeypatch):
    for key, value in s3_settings.items():
        monkeypatch.setitem(app.config, key, value)
    storage = _s3_backend
    monkeypatch.setitem(app.extensions, "storage", storage)
    yield storage
    for page in storage.client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        for item in page.get("Contents", []):
            storage.client.delete_object(Bucket=BUCKET, Key=item["Key"])


@pytest.fixture
def storage_goes_down(app, monkeypatch):
    """Call it to switch the app to S3 at an address where nothing listens, as when the service is down;
    files stored before stay where they were, out of reach."""

    def go_down():
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        settings = {
            "STORAGE_BACKEND": "s3",
            "S3_BUCKET": BUCKET,
            "S3_REGION": REGION,
            "S3_ENDPOINT_URL": f"http://127.0.0.1:{port}",
            "S3_ACCESS_KEY_ID": "test-access-key",
            "S3_SECRET_ACCESS_KEY": "test-secret-key",
            "S3_PRESIGN_SECONDS": 60,
        }
        monkeypatch.setitem(app.extensions, "storage", create_backend({**app.config, **settings}, app.instance_path))

    return go_down
