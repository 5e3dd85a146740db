"""Mail goes out by SMTP when MAIL_SERVER is set: a small in-process SMTP server receives it."""
from __future__ import annotations

import socketserver
import threading
from datetime import timedelta
from email import policy
from email.parser import BytesParser

import pytest

from portal.alerts import services
from portal.time import utcnow


class FakeSMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP (RFC 5321) for smtplib: no extensions, so no STARTTLS and no AUTH."""

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        envelope = {"from": None, "to": []}
        self.reply("220 fake.smtp.test ready")
        while line := self.rfile.readline():
            command = line.decode().strip()
            verb = command.split(" ", 1)[0].upper()
            if verb in {"EHLO", "HELO"}:
                self.reply("250 fake.smtp.test")
            elif verb == "MAIL":
                envelope["from"] = command.split(":", 1)[1].strip()
                self.reply("250 OK")
            elif verb == "RCPT":
                envelope["to"].append(command.split(":", 1)[1].strip())
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = b""
                while (chunk := self.rfile.readline()) != b".\r\n":
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                message = BytesParser(policy=policy.default).parsebytes(data)
                self.server.received.append({**envelope, "message": message})
                self.reply("250 OK: queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


@pytest.fixture
def smtp_server(app, monkeypatch):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), FakeSMTPHandler)
    server.daemon_threads = True
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    for key, value in {
        "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": server.server_address[1], "MAIL_USE_TLS": False,
        "MAIL_USERNAME": "", "MAIL_SENDER": "Proud to Care <alerts@proudtocare.example>",
    }.items():
        monkeypatch.setitem(app.config, key, value)
    yield server
    server.shutdown()
    server.server_close()


def test_digest_is_delivered_by_smtp_with_both_parts_and_unsubscribe_headers(
    app, smtp_server, make_organisation, make_vacancy, make_alert, outbox,
):
    make_alert("kim@example.org")
    vacancy = make_vacancy(make_organisation(name="Quorn Care"), title="Care Worker")

    with app.app_context():
        run = services.send_due_digests(utcnow() + timedelta(days=1))

    assert run.emails_sent == 1
    [delivery] = smtp_server.received
    assert delivery["from"] == "<alerts@proudtocare.example>" and delivery["to"] == ["<kim@example.org>"]
    message = delivery["message"]
    assert message["To"] == "kim@example.org"
    assert message["List-Unsubscribe"].startswith("<http://localhost/alerts/unsubscribe/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert vacancy.title in message.get_body(preferencelist=("plain",)).get_content()
    assert "<a href=" in message.get_body(preferencelist=("html",)).get_content()
    # Nothing is written to the outbox when SMTP is configured.
    assert outbox() == []
