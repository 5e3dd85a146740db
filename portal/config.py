"""Configuration: defaults here, overridden by environment variables."""
import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INSTANCE = REPO_ROOT / "instance"
# Ids are 32-bit on every supported database; larger numbers in a URL or parameter name nothing.
MAX_RECORD_ID = 2**31 - 1


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-change-me")
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", f"sqlite:///{DEFAULT_INSTANCE / 'portal.db'}"
    )
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SEARCH_INDEX_DIR = os.environ.get("SEARCH_INDEX_DIR", str(DEFAULT_INSTANCE / "search-index"))
    SITE_NAME = os.environ.get("SITE_NAME", "Proud to Care LLR")
    REGION_NAME = os.environ.get("REGION_NAME", "Leicester, Leicestershire and Rutland")
    REGION_STRAPLINE = os.environ.get(
        "REGION_STRAPLINE",
        "Health and care jobs, apprenticeships and careers across Leicester, Leicestershire and Rutland",
    )
    SITE_URL = os.environ.get("SITE_URL", "")
    # Where an employer writes about its account, for example when it has been suspended.
    SUPPORT_EMAIL = os.environ.get("SUPPORT_EMAIL", "support@proudtocare.example")

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
    MAIL_USE_TLS = _env_bool("MAIL_USE_TLS", True)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "Proud to Care <no-reply@proudtocare.example>")

    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    SIGN_IN_RATE_LIMIT = os.environ.get("SIGN_IN_RATE_LIMIT", "10 per minute;50 per hour")
    EMPLOYER_API_RATE_LIMIT = os.environ.get("EMPLOYER_API_RATE_LIMIT", "120 per minute")
    PASSWORD_RESET_MAX_AGE = int(os.environ.get("PASSWORD_RESET_MAX_AGE", str(60 * 60)))
    INVITATION_MAX_AGE_DAYS = 14

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", False)
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024
    SEARCH_SYNC_ON_REQUEST = _env_bool("SEARCH_SYNC_ON_REQUEST", True)
    # Applications and their CVs are deleted this many months after their vacancy closed.
    APPLICATION_RETENTION_MONTHS = int(os.environ.get("APPLICATION_RETENTION_MONTHS", "12"))

    # Uploaded files: "local" keeps them under STORAGE_LOCAL_DIR (default <instance>/files); "s3" in
    # S3_BUCKET on AWS, or on MinIO or Ceph when S3_ENDPOINT_URL is set. Unset S3 credentials fall back
    # to boto3's own chain (environment, instance role).
    STORAGE_BACKEND = os.environ.get("STORAGE_BACKEND", "local")
    STORAGE_LOCAL_DIR = os.environ.get("STORAGE_LOCAL_DIR", "")
    S3_BUCKET = os.environ.get("S3_BUCKET", "")
    S3_REGION = os.environ.get("S3_REGION", "eu-west-2")
    S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL", "")
    S3_ACCESS_KEY_ID = os.environ.get("S3_ACCESS_KEY_ID", "")
    S3_SECRET_ACCESS_KEY = os.environ.get("S3_SECRET_ACCESS_KEY", "")
    S3_PRESIGN_SECONDS = int(os.environ.get("S3_PRESIGN_SECONDS", "60"))
    UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", str(5 * 1024 * 1024)))

    # The Ed25519 key that signs passport credentials: a PEM in the environment (every machine serving
    # the portal must have the same one), or else this file, created on first use (default
    # <instance>/passport-signing-key.pem).
    PASSPORT_SIGNING_KEY = os.environ.get("PASSPORT_SIGNING_KEY", "")
    PASSPORT_SIGNING_KEY_FILE = os.environ.get("PASSPORT_SIGNING_KEY_FILE", "")


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret"
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = True
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    SERVER_NAME = "localhost"
