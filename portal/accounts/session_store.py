"""Where signed-in sessions are kept: the database, or Redis when SESSION_REDIS_URL is set.

Both stores answer the same few questions. A store holds live sessions only as far as it knows: it does
not judge idle or absolute time-outs (the rules in ``services`` do), but Redis lets a session's keys
expire at its absolute limit so that nothing is left behind.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

import redis
from flask import current_app
from sqlalchemy import delete, select, update

from portal.accounts.models import UserSession
from portal.extensions import db

STORE_EXTENSION = "accounts.session_store"
REDIS_TIMEOUT_SECONDS = 3


class EndReason(StrEnum):
    SIGNED_OUT = "signed_out"
    IDLE = "idle"
    EXPIRED = "expired"
    SIGNED_OUT_ELSEWHERE = "signed_out_elsewhere"
    PASSWORD_CHANGED = "password_changed"
    PASSWORD_RESET = "password_reset"
    ACCOUNT_CLOSED = "account_closed"


@dataclass(frozen=True)
class SessionRecord:
    token_hash: str
    user_id: int
    created_at: datetime
    last_seen_at: datetime
    ip_address: str
    device: str


class SessionStore(Protocol):
    def add(self, record: SessionRecord) -> None: ...

    def find(self, token_hash: str) -> SessionRecord | None:
        """The session when it has not been ended."""

    def touch(self, token_hash: str, when: datetime) -> None: ...

    def end(self, token_hash: str, reason: EndReason, when: datetime) -> None: ...

    def end_all(self, user_id: int, reason: EndReason, when: datetime, keep: str | None = None) -> None:
        """End every session of the person but ``keep`` (a token hash)."""

    def for_user(self, user_id: int) -> list[SessionRecord]:
        """The person's sessions that have not been ended, most recently active first."""

    def purge(self, started_before: datetime) -> int:
        """Forget sessions started before ``started_before`` (long past their absolute limit), ended or
        not; returns how many."""


class DatabaseSessionStore:
    """Rows of ``user_sessions``, written in the request's transaction: a password change and the end
    of the other sessions are committed together."""

    def add(self, record: SessionRecord) -> None:
        db.session.add(UserSession(
            token_hash=record.token_hash, user_id=record.user_id, created_at=record.created_at,
            last_seen_at=record.last_seen_at, ip_address=record.ip_address, device=record.device,
        ))
        db.session.flush()

    def find(self, token_hash: str) -> SessionRecord | None:
        row = db.session.scalar(_live().where(UserSession.token_hash == token_hash))
        return _record(row) if row else None

    def touch(self, token_hash: str, when: datetime) -> None:
        db.session.execute(
            update(UserSession).where(UserSession.token_hash == token_hash).values(last_seen_at=when)
        )

    def end(self, token_hash: str, reason: EndReason, when: datetime) -> None:
        self._end(UserSession.token_hash == token_hash, reason, when)

    def end_all(self, user_id: int, reason: EndReason, when: datetime, keep: str | None = None) -> None:
        condition = UserSession.user_id == user_id
        if keep is not None:
            condition &= UserSession.token_hash != keep
        self._end(condition, reason, when)

    def for_user(self, user_id: int) -> list[SessionRecord]:
        rows = db.session.scalars(
            _live().where(UserSession.user_id == user_id).order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
        )
        return [_record(row) for row in rows]

    def purge(self, started_before: datetime) -> int:
        result = db.session.execute(delete(UserSession).where(UserSession.created_at < started_before))
        return result.rowcount

    @staticmethod
    def _end(condition, reason: EndReason, when: datetime) -> None:
        db.session.execute(
            update(UserSession)
            .where(condition, UserSession.ended_at.is_(None))
            .values(ended_at=when, end_reason=reason.value)
            .execution_options(synchronize_session=False)
        )


def _live():
    return select(UserSession).where(UserSession.ended_at.is_(None))


def _record(row: UserSession) -> SessionRecord:
    return SessionRecord(row.token_hash, row.user_id, row.created_at, row.last_seen_at, row.ip_address, row.device)


# Sets last_seen_at only while the session's hash still exists: a plain HSET after the session was ended
# would bring back a hash with no expiry.
_TOUCH_IF_LIVE = "if redis.call('exists', KEYS[1]) == 1 then redis.call('hset', KEYS[1], 'last_seen_at', ARGV[1]) end"


class RedisSessionStore:
    """A hash per session (``<prefix>session:<token hash>``) that expires at the session's absolute limit,
    and a set per person (``<prefix>user-sessions:<user id>``) naming their sessions, so that all of them
    can be ended at once. Ending a session deletes its hash; members whose hash has gone are dropped
    from the set when it is next read."""

    def __init__(self, client: redis.Redis, prefix: str, lifetime: timedelta):
        self.client = client
        self.prefix = prefix
        self.lifetime = lifetime

    def _session_key(self, token_hash: str) -> str:
        return f"{self.prefix}session:{token_hash}"

    def _user_key(self, user_id: int) -> str:
        return f"{self.prefix}user-sessions:{user_id}"

    def add(self, record: SessionRecord) -> None:
        key, user_key = self._session_key(record.token_hash), self._user_key(record.user_id)
        seconds = int(self.lifetime.total_seconds())
        with self.client.pipeline() as pipe:
            pipe.hset(key, mapping={
                "user_id": record.user_id,
                "created_at": record.created_at.isoformat(),
                "last_seen_at": record.last_seen_at.isoformat(),
                "ip_address": record.ip_address,
                "device": record.device,
            })
            pipe.expire(key, seconds)
            pipe.sadd(user_key, record.token_hash)
            # The newest session lives longest, so the set lasts as long as any session it names.
            pipe.expire(user_key, seconds)
            pipe.execute()

    def find(self, token_hash: str) -> SessionRecord | None:
        fields = self.client.hgetall(self._session_key(token_hash))
        return self._record(token_hash, fields)

    def touch(self, token_hash: str, when: datetime) -> None:
        self.client.eval(_TOUCH_IF_LIVE, 1, self._session_key(token_hash), when.isoformat())

    def end(self, token_hash: str, reason: EndReason, when: datetime) -> None:
        record = self.find(token_hash)
        with self.client.pipeline() as pipe:
            pipe.delete(self._session_key(token_hash))
            if record is not None:
                pipe.srem(self._user_key(record.user_id), token_hash)
            pipe.execute()

    def end_all(self, user_id: int, reason: EndReason, when: datetime, keep: str | None = None) -> None:
        user_key = self._user_key(user_id)
        ending = [token_hash for token_hash in self._members(user_key) if token_hash != keep]
        if not ending:
            return
        with self.client.pipeline() as pipe:
            pipe.delete(*(self._session_key(token_hash) for token_hash in ending))
            pipe.srem(user_key, *ending)
            pipe.execute()

    def for_user(self, user_id: int) -> list[SessionRecord]:
        user_key = self._user_key(user_id)
        members = self._members(user_key)
        with self.client.pipeline(transaction=False) as pipe:
            for token_hash in members:
                pipe.hgetall(self._session_key(token_hash))
            found = dict(zip(members, pipe.execute()))
        gone = [token_hash for token_hash, fields in found.items() if not fields]
        if gone:
            self.client.srem(user_key, *gone)
        records = [self._record(token_hash, fields) for token_hash, fields in found.items() if fields]
        return sorted(records, key=lambda record: record.last_seen_at, reverse=True)

    def purge(self, started_before: datetime) -> int:
        # Every key expires at its session's absolute limit: nothing is left to forget.
        return 0

    def _members(self, user_key: str) -> list[str]:
        return [member.decode() for member in self.client.smembers(user_key)]

    @staticmethod
    def _record(token_hash: str, fields: dict[bytes, bytes]) -> SessionRecord | None:
        if b"user_id" not in fields:
            return None
        text = {name.decode(): value.decode() for name, value in fields.items()}
        return SessionRecord(
            token_hash=token_hash,
            user_id=int(text["user_id"]),
            created_at=datetime.fromisoformat(text["created_at"]),
            last_seen_at=datetime.fromisoformat(text["last_seen_at"]),
            ip_address=text["ip_address"],
            device=text["device"],
        )


def session_store() -> SessionStore:
    """The application's store, made once from its configuration."""
    store = current_app.extensions.get(STORE_EXTENSION)
    if store is None:
        url = current_app.config["SESSION_REDIS_URL"]
        if url:
            lifetime = timedelta(hours=current_app.config["SESSION_ABSOLUTE_HOURS"])
            # Every signed-in request asks Redis, so a Redis that stops answering must not hold requests long.
            client = redis.Redis.from_url(url, socket_connect_timeout=REDIS_TIMEOUT_SECONDS, socket_timeout=REDIS_TIMEOUT_SECONDS)
            store = RedisSessionStore(client, current_app.config["SESSION_REDIS_PREFIX"], lifetime)
        else:
            store = DatabaseSessionStore()
        current_app.extensions[STORE_EXTENSION] = store
    return store
