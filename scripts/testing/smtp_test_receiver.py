#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A small SMTP receiver for Rampart's e-mail alert tests (python3 stdlib only).

It speaks enough of RFC 5321 to check a client: EHLO, STARTTLS (with --cert/--key), AUTH PLAIN
(required with --username/--password, refused before TLS; --implicit-tls for TLS from connect), MAIL FROM, RCPT TO, DATA (undoing
dot-stuffing), RSET, NOOP, QUIT. --inject-after-starttls appends clear-text replies to the
STARTTLS one, as a network attacker would. Every finished DATA is appended to --out as one JSON line with
the envelope, whether the session was encrypted and authenticated, the raw message and the
decoded body. --data-replies 451,451 answers the first DATA transactions with those codes (then
250); --reject-rcpt ADDR answers 550 to that recipient. It prints `PORT <n>` once listening and
exits when its stdin closes.
"""
import argparse, base64, email, json, os, socketserver, ssl, sys, threading

parser = argparse.ArgumentParser()
parser.add_argument("--out", required=True)
parser.add_argument("--cert")
parser.add_argument("--key")
parser.add_argument("--implicit-tls", action="store_true")
parser.add_argument("--inject-after-starttls", action="store_true")
parser.add_argument("--username")
parser.add_argument("--password")
parser.add_argument("--data-replies", default="")
parser.add_argument("--reject-rcpt", action="append", default=[])
args = parser.parse_args()

context = None
if args.cert:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
lock = threading.Lock()
data_replies = [int(c) for c in args.data_replies.split(",") if c]


class Session(socketserver.StreamRequestHandler):
    def reply(self, text):
        self.wfile.write((text + "\r\n").encode())
        self.wfile.flush()

    def start_tls(self):
        self.request = context.wrap_socket(self.request, server_side=True)
        self.rfile = self.request.makefile("rb")
        self.wfile = self.request.makefile("wb")

    def handle(self):
        tls, user, sender, recipients = False, None, None, []
        if args.implicit_tls:
            try:
                self.start_tls()
            except (ssl.SSLError, OSError):
                return
            tls = True
        self.reply("220 test.invalid ESMTP ready")
        while True:
            line = self.rfile.readline(4096)
            if not line:
                return
            text = line.decode("utf-8", "replace").rstrip("\r\n")
            verb = text.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                caps = ["250-test.invalid", "250-PIPELINING"]
                if context and not tls:
                    caps.append("250-STARTTLS")
                if tls:
                    caps.append("250-AUTH PLAIN")
                caps.append("250 8BITMIME")
                self.reply("\r\n".join(caps))
            elif verb == "STARTTLS" and context and not tls:
                # An attacker's trick: clear-text replies queued behind the STARTTLS one.
                self.reply("220 go ahead" + ("\r\n250-injected\r\n250 AUTH PLAIN" if args.inject_after_starttls else ""))
                try:
                    self.start_tls()
                except (ssl.SSLError, OSError):
                    return
                tls, user, sender, recipients = True, None, None, []
            elif verb == "AUTH":
                parts = text.split(" ")
                if not tls:
                    self.reply("538 5.7.11 encryption required for AUTH")
                    continue
                try:
                    _, name, secret = base64.b64decode(parts[2]).decode().split("\0")
                except Exception:
                    self.reply("501 5.5.2 bad AUTH PLAIN")
                    continue
                if parts[1].upper() == "PLAIN" and name == args.username and secret == args.password:
                    user = name
                    self.reply("235 2.7.0 authenticated")
                else:
                    self.reply("535 5.7.8 bad credentials")
            elif verb == "MAIL":
                if args.username and user is None:
                    self.reply("530 5.7.0 authentication required")
                    continue
                sender, recipients = text[10:].strip().strip("<>"), []
                self.reply("250 2.1.0 ok")
            elif verb == "RCPT":
                address = text[8:].strip().strip("<>")
                if address in args.reject_rcpt:
                    self.reply("550 5.1.1 no such mailbox")
                else:
                    recipients.append(address)
                    self.reply("250 2.1.5 ok")
            elif verb == "DATA":
                if sender is None or not recipients:
                    self.reply("503 5.5.1 need MAIL and RCPT")
                    continue
                self.reply("354 end with <CRLF>.<CRLF>")
                raw = b""
                while True:
                    chunk = self.rfile.readline(65536)
                    if not chunk:
                        return
                    if chunk == b".\r\n":
                        break
                    raw += chunk[1:] if chunk.startswith(b".") else chunk
                with lock:
                    code = data_replies.pop(0) if data_replies else 250
                message = email.message_from_bytes(raw)
                body = message.get_payload(decode=True) or b""
                record = {"tls": tls, "user": user, "mailFrom": sender, "rcptTo": recipients, "reply": code,
                          "raw": raw.decode("utf-8", "replace"), "body": body.decode("utf-8", "replace")}
                with lock, open(args.out, "a") as out:
                    out.write(json.dumps(record) + "\n")
                self.reply({250: "250 2.0.0 queued", 451: "451 4.3.0 try again later", 550: "550 5.7.1 message refused"}.get(code, f"{code} reply"))
                sender, recipients = None, []
            elif verb == "RSET":
                sender, recipients = None, []
                self.reply("250 ok")
            elif verb == "NOOP":
                self.reply("250 ok")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 5.5.2 command not implemented")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


server = Server(("127.0.0.1", 0), Session)
print(f"PORT {server.server_address[1]}", flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
os._exit(0)
