"""Mail servers for tests: one that speaks just enough SMTP, one that answers nothing, and a port where
nothing listens; the ``smtp_server`` fixture points the portal at the first."""
from __future__ import annotations

import socket
import socketserver
import threading
from contextlib import contextmanager
from email import policy
from email.parser import BytesParser

import pytest


class FakeSMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP (RFC 5321) for smtplib: no extensions, so no STARTTLS and no AUTH. The server's
    ``refuse_recipients`` maps an address to the reply its RCPT gets (for example "550 No such user")."""

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
                envelope = {"from": command.split(":", 1)[1].strip(), "to": []}
                self.reply("250 OK")
            elif verb == "RCPT":
                address = command.split(":", 1)[1].strip()
                refusal = self.server.refuse_recipients.get(address.strip("<>"))
                if refusal:
                    self.reply(refusal)
                    continue
                envelope["to"].append(address)
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = b""
                while (chunk := self.rfile.readline()) != b".\r\n":
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                message = BytesParser(policy=policy.default).parsebytes(data)
                self.server.received.append({**envelope, "message": message, "raw": data})
                self.reply("250 OK: queued")
            elif verb == "RSET":
                envelope = {"from": None, "to": []}
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class SilentHandler(socketserver.BaseRequestHandler):
    """Accepts the connection and never says a word: a hung mail server."""

    def handle(self) -> None:
        self.server.stop.wait(30)


@contextmanager
def serving(handler):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.received, server.refuse_recipients, server.stop = [], {}, threading.Event()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stop.set()
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    """A port on this machine where nothing listens: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def use_mail_server(app, monkeypatch, port: int) -> None:
    for key, value in {
        "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": port, "MAIL_USE_TLS": False,
        "MAIL_USERNAME": "", "MAIL_SENDER": "Proud to Care <alerts@proudtocare.example>",
    }.items():
        monkeypatch.setitem(app.config, key, value)


@pytest.fixture
def smtp_server(app, monkeypatch):
    with serving(FakeSMTPHandler) as server:
        use_mail_server(app, monkeypatch, server.server_address[1])
        yield server
