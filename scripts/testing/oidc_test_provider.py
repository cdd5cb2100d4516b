#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A small, real OpenID Connect provider for Rampart's SSO tests (loopback only).

It serves discovery, JWKS (RSA and P-256 keys), an authorization endpoint that approves at once
and redirects back with a code, and a token endpoint that checks the client's credentials, the
redirect URI and the PKCE verifier, then issues an RS256 ID token signed with `cryptography`.

usage: oidc_test_provider.py --client-id ID --client-secret SECRET [--entra]
Prints "PORT <n>" once listening on 127.0.0.1:<n>.

The test picks what the next ID token looks like with query parameters on the authorize URL:
  username, email, name, groups (comma-separated)  the claims
  sub        the subject (default: "sub-" + username); keep it to rename a user at the provider
  tid        with --entra, the Entra tenant the token is issued for (default: the provider's own)
  scenario   one of: ok, wrong-aud, multi-aud, expired, future-iat, wrong-nonce, wrong-issuer,
             bad-signature, alg-none, hs256, es256, rotate, unknown-kid, deny
With --entra the discovery issuer is Entra's multi-tenant template
`{base}/{tenantid}/v2.0` and tokens carry `tid` and the matching `iss`.
GET /_stats answers {"jwks": <fetches>, "discovery": <fetches>, "token": <exchanges>}.
"""
import argparse
import base64
import hashlib
import hmac
import json
import secrets
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def uint(n: int) -> str:
    return b64(n.to_bytes((n.bit_length() + 7) // 8, "big"))


class Provider:
    def __init__(self, client_id, client_secret, entra):
        self.client_id, self.client_secret, self.entra = client_id, client_secret, entra
        self.lock = threading.Lock()
        self.rsa = self.new_rsa()
        self.ec = ec.generate_private_key(ec.SECP256R1())
        self.ec_kid = "ec-" + secrets.token_hex(4)
        self.ghost = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.codes = {}
        self.stats = {"jwks": 0, "discovery": 0, "token": 0}
        self.tid = "9188040d-6c67-4c5b-b112-36a304b66dad"
        self.base = ""

    @staticmethod
    def new_rsa():
        return ("rsa-" + secrets.token_hex(4), rsa.generate_private_key(public_exponent=65537, key_size=2048))

    def issuer(self, for_token=False, tid=None):
        if self.entra:
            return f"{self.base}/{tid or self.tid}/v2.0" if for_token else f"{self.base}/{{tenantid}}/v2.0"
        return self.base

    def discovery(self):
        return {
            "issuer": self.issuer(),
            "authorization_endpoint": f"{self.base}/authorize",
            "token_endpoint": f"{self.base}/token",
            "jwks_uri": f"{self.base}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256", "ES256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        }

    def jwks(self):
        kid, key = self.rsa
        numbers = key.public_key().public_numbers()
        ec_numbers = self.ec.public_key().public_numbers()
        return {"keys": [
            {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": kid, "n": uint(numbers.n), "e": uint(numbers.e)},
            {"kty": "EC", "use": "sig", "alg": "ES256", "kid": self.ec_kid, "crv": "P-256",
             "x": b64(ec_numbers.x.to_bytes(32, "big")), "y": b64(ec_numbers.y.to_bytes(32, "big"))},
        ]}

    def id_token(self, grant):
        scenario = grant["scenario"]
        now = int(time.time())
        claims = {
            "iss": self.issuer(for_token=True, tid=grant["tid"]), "sub": grant["sub"], "aud": self.client_id, "exp": now + 300,
            "iat": now, "nonce": grant["nonce"], "preferred_username": grant["username"], "email": grant["email"],
            "email_verified": True, "name": grant["name"], "groups": grant["groups"],
        }
        if self.entra:
            claims["tid"] = grant["tid"] or self.tid
        if grant.get("amr"):
            claims["amr"] = grant["amr"]
        if grant.get("acr"):
            claims["acr"] = grant["acr"]
        if scenario == "wrong-aud":
            claims["aud"] = "another-client"
        elif scenario == "multi-aud":
            claims["aud"] = [self.client_id, "another-client"]
        elif scenario == "expired":
            claims["exp"], claims["iat"] = now - 600, now - 900
        elif scenario == "future-iat":
            claims["iat"] = now + 3600
        elif scenario == "huge-exp":
            claims["exp"] = 1e300
        elif scenario == "wrong-nonce":
            claims["nonce"] = "not-" + grant["nonce"]
        elif scenario == "wrong-issuer":
            claims["iss"] = "https://evil.example"
        if scenario == "rotate":
            with self.lock:
                self.rsa = self.new_rsa()
        kid, key, alg = self.rsa[0], self.rsa[1], "RS256"
        if scenario == "es256":
            kid, alg = self.ec_kid, "ES256"
        elif scenario == "unknown-kid":
            kid, key = "ghost", self.ghost
        elif scenario == "alg-none":
            alg = "none"
        elif scenario == "hs256":
            alg = "HS256"
        header = {"alg": alg, "typ": "JWT", "kid": kid}
        signing_input = (b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())).encode()
        if alg == "none":
            signature = b""
        elif alg == "HS256":
            signature = hmac.new(self.client_secret.encode(), signing_input, hashlib.sha256).digest()
        elif alg == "ES256":
            r, s = utils.decode_dss_signature(self.ec.sign(signing_input, ec.ECDSA(hashes.SHA256())))
            signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
        else:
            signature = key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
        if scenario == "bad-signature":
            signature = bytes([signature[0] ^ 0x01]) + signature[1:]
        return signing_input.decode() + "." + b64(signature)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    provider: Provider = None

    def log_message(self, *args):
        pass

    def reply(self, status, body=None, headers=None):
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        p = self.provider
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        if url.path.endswith("/.well-known/openid-configuration"):
            p.stats["discovery"] += 1
            return self.reply(200, p.discovery())
        if url.path == "/jwks":
            p.stats["jwks"] += 1
            return self.reply(200, p.jwks())
        if url.path == "/_stats":
            return self.reply(200, p.stats)
        if url.path != "/authorize":
            return self.reply(404, {"error": "not_found"})
        if query.get("response_type") != "code" or query.get("client_id") != p.client_id \
                or query.get("code_challenge_method") != "S256" or not query.get("code_challenge") \
                or not query.get("redirect_uri") or not query.get("state") or not query.get("nonce") \
                or "openid" not in query.get("scope", "").split(" "):
            return self.reply(400, {"error": "invalid_request", "query": query})
        target = query["redirect_uri"]
        separator = "&" if "?" in target else "?"
        if query.get("scenario") == "deny":
            location = target + separator + urllib.parse.urlencode({"error": "access_denied", "state": query["state"]})
            return self.reply(302, headers={"Location": location})
        code = secrets.token_urlsafe(24)
        username = query.get("username", "sam")
        p.codes[code] = {
            "redirect_uri": target, "nonce": query["nonce"], "challenge": query["code_challenge"],
            "scenario": query.get("scenario", "ok"), "username": username, "sub": query.get("sub", "sub-" + username),
            "tid": query.get("tid"),
            "email": query.get("email", f"{username}@example.com"), "name": query.get("name", "Sam Sample"),
            "groups": [g for g in query.get("groups", "").split(",") if g],
            "amr": [a for a in query.get("amr", "").split(",") if a], "acr": query.get("acr"),
        }
        location = target + separator + urllib.parse.urlencode({"code": code, "state": query["state"]})
        return self.reply(302, headers={"Location": location})

    def do_POST(self):
        p = self.provider
        if urllib.parse.urlsplit(self.path).path != "/token":
            return self.reply(404, {"error": "not_found"})
        length = int(self.headers.get("Content-Length") or 0)
        form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Basic "):
            pair = base64.b64decode(auth[6:]).decode()
            client_id, client_secret = (urllib.parse.unquote_plus(x) for x in pair.split(":", 1))
        if client_id != p.client_id or client_secret != p.client_secret:
            return self.reply(401, {"error": "invalid_client"})
        grant = p.codes.pop(form.get("code", ""), None)
        if form.get("grant_type") != "authorization_code" or grant is None:
            return self.reply(400, {"error": "invalid_grant"})
        if form.get("redirect_uri") != grant["redirect_uri"]:
            return self.reply(400, {"error": "invalid_grant", "error_description": "redirect_uri"})
        verifier = form.get("code_verifier", "")
        if b64(hashlib.sha256(verifier.encode()).digest()) != grant["challenge"]:
            return self.reply(400, {"error": "invalid_grant", "error_description": "pkce"})
        p.stats["token"] += 1
        return self.reply(200, {"access_token": secrets.token_urlsafe(16), "token_type": "Bearer", "expires_in": 300,
                                "id_token": p.id_token(grant)}, headers={"Cache-Control": "no-store"})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--client-id", required=True)
    ap.add_argument("--client-secret", required=True)
    ap.add_argument("--entra", action="store_true")
    args = ap.parse_args()
    provider = Provider(args.client_id, args.client_secret, args.entra)
    Handler.provider = provider
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    provider.base = f"http://127.0.0.1:{server.server_address[1]}"
    print(f"PORT {server.server_address[1]}", flush=True)
    # Stop when the test that started us goes away (its end of stdin closes).
    threading.Thread(target=lambda: (sys.stdin.read(), server.shutdown()), daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
