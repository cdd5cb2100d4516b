#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A small OTLP/HTTP collector for Rampart's tracing test (python3 stdlib only).

It accepts POST requests (OTLP/HTTP sends protobuf to /v1/traces), answers 200 with an empty
protobuf body, and appends one JSON line per request to --out: the path, the content type and the
body in base64. It prints `PORT <n>` once listening on 127.0.0.1 and exits when its stdin closes.
"""
import argparse, base64, http.server, json, sys, threading

parser = argparse.ArgumentParser()
parser.add_argument("--out", required=True)
args = parser.parse_args()
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0") or 0)
        body = self.rfile.read(min(length, 16 * 1024 * 1024))
        record = {"path": self.path, "contentType": self.headers.get("Content-Type", ""), "body": base64.b64encode(body).decode()}
        with lock, open(args.out, "a") as out:
            out.write(json.dumps(record) + "\n")
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *_):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(f"PORT {server.server_address[1]}", flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
server.shutdown()
