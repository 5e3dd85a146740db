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


# The key that earlier versions fell back to: anyone who knows it can forge a session, so it is refused.
KNOWN_DEVELOPMENT_SECRET_KEY = "dev-only-change-me"
MIN_SECRET_KEY_LENGTH = 32


class Config:
    # Argon2id costs for passwords (portal.accounts.passwords.HASHING_PROFILES).
    PASSWORD_HASHING = "standard"
    # Signs session cookies and reset links. Every machine serving the portal must share it; when it is
    # not in the environment, one is made on first run in <instance>/secret-key and kept there.
    SECRET_KEY = os.environ.get("SECRET_KEY")
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
    # Seconds the sender waits on each step with the mail server; a hung server delays only the sender.
    MAIL_TIMEOUT = int(os.environ.get("MAIL_TIMEOUT", "10"))
    # Who delivers the outbox after a commit: "background" (a thread in each web process), "immediate"
    # (the committing thread, for tests) or "command" (only `flask mail send`).
    MAIL_DELIVERY = os.environ.get("MAIL_DELIVERY", "background")
    MAIL_MAX_ATTEMPTS = int(os.environ.get("MAIL_MAX_ATTEMPTS", "8"))
    # A delivery attempt's claim on a message; a sender that died is taken over after this long.
    MAIL_CLAIM_SECONDS = int(os.environ.get("MAIL_CLAIM_SECONDS", "300"))
    # The sender thread also wakes this often for retries that fall due.
    MAIL_POLL_SECONDS = int(os.environ.get("MAIL_POLL_SECONDS", "60"))
    # Sent messages (addresses and bodies) are deleted this many days after they went.
    MAIL_RETENTION_DAYS = int(os.environ.get("MAIL_RETENTION_DAYS", "30"))

    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    # Failed attempts only: a wrong password counts against the account (whether or not it exists) and
    # against the address it came from; signing in successfully never counts.
    SIGN_IN_ACCOUNT_LIMIT = os.environ.get("SIGN_IN_ACCOUNT_LIMIT", "5 per 15 minutes")
    SIGN_IN_ADDRESS_LIMIT = os.environ.get("SIGN_IN_ADDRESS_LIMIT", "30 per 15 minutes")
    # Every request for a reset link counts (each may send an email), and so does every reset link that is not valid.
    PASSWORD_RESET_ACCOUNT_LIMIT = os.environ.get("PASSWORD_RESET_ACCOUNT_LIMIT", "5 per hour")
    PASSWORD_RESET_ADDRESS_LIMIT = os.environ.get("PASSWORD_RESET_ADDRESS_LIMIT", "20 per hour")
    EMPLOYER_API_RATE_LIMIT = os.environ.get("EMPLOYER_API_RATE_LIMIT", "120 per minute")
    # Requests to the employer API with a missing, unknown or revoked token, per address.
    API_TOKEN_FAILURE_LIMIT = os.environ.get("API_TOKEN_FAILURE_LIMIT", "20 per minute")
    PUBLIC_API_RATE_LIMIT = os.environ.get("PUBLIC_API_RATE_LIMIT", "120 per minute")
    # How many proxies (load balancer, reverse proxy) stand in front of the portal and set X-Forwarded-For,
    # -Proto, -Host and -Port. 0 ignores those headers: anyone can send them.
    TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
    PASSWORD_RESET_MAX_AGE = int(os.environ.get("PASSWORD_RESET_MAX_AGE", str(60 * 60)))
    INVITATION_MAX_AGE_DAYS = 14

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", False)
    # A signed-in session ends after this long without a request (staff: admins, recruiters and trainers),
    # and in any case this long after signing in.
    SESSION_IDLE_MINUTES_STAFF = int(os.environ.get("SESSION_IDLE_MINUTES_STAFF", "30"))
    SESSION_IDLE_MINUTES_SEEKER = int(os.environ.get("SESSION_IDLE_MINUTES_SEEKER", "120"))
    SESSION_ABSOLUTE_HOURS = int(os.environ.get("SESSION_ABSOLUTE_HOURS", "12"))
    # Signed-in sessions live in Redis when this is set (redis://host:port/db), in the database otherwise.
    SESSION_REDIS_URL = os.environ.get("SESSION_REDIS_URL", "")
    SESSION_REDIS_PREFIX = os.environ.get("SESSION_REDIS_PREFIX", "portal:")
    # The site is served over HTTPS: plain HTTP is redirected and browsers are told (HSTS) to use HTTPS only.
    FORCE_HTTPS = _env_bool("FORCE_HTTPS", SESSION_COOKIE_SECURE)
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024
    SEARCH_SYNC_ON_REQUEST = _env_bool("SEARCH_SYNC_ON_REQUEST", True)
    # Applications and their CVs are deleted this many months after their vacancy closed.
    APPLICATION_RETENTION_MONTHS = int(os.environ.get("APPLICATION_RETENTION_MONTHS", "12"))
    # Audit events (sign-ins, refusals, administrators' actions) are deleted after this many months.
    AUDIT_RETENTION_MONTHS = int(os.environ.get("AUDIT_RETENTION_MONTHS", "24"))

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
    PASSWORD_HASHING = "cheapest"
    SECRET_KEY = "test-secret"
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = True
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    SERVER_NAME = "localhost"
    # Mail is delivered right after each commit, so that tests read the outbox files straight away.
    MAIL_DELIVERY = "immediate"
