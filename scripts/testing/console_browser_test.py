#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The console in a real browser: Debian's Chromium driven headless by Playwright.

Journeys (each step asserted): a tenant admin signs in with a password, sees the dashboard and
signs out; a security admin with an authenticator signs in with password and TOTP code. Every
screen visited is scanned with axe-core (axe-playwright-python): any serious or critical finding
fails the run. The browser's console must stay free of errors (a Content-Security-Policy
violation is one).

    console_browser_test.py BASE_URL TENANT ADMIN_PASSWORD TOTP_USER TOTP_PASSWORD TOTP_SECRET_BASE32 [SCREENSHOT_DIR]
"""
import base64
import hashlib
import hmac
import json
import os
import re
import struct
import sys
import time
import urllib.request

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"


def totp(secret_base32: str, at: float) -> str:
    """RFC 6238 with SHA-1, 30 s steps, 6 digits (what the enrolment's otpauth URI says)."""
    key = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{value:06d}"


def api(base: str, method: str, path: str, body: dict | None, token: str | None = None) -> dict:
    """A JSON call to the API (the journeys' set-up between screens)."""
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"{}")


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SystemExit(f"console-browser: FAILED: {what}")
    print(f"console-browser: ok: {what}")


def accessible(page, axe: Axe, screen: str) -> None:
    results = axe.run(page)
    serious = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    for violation in serious:
        print(f"  {violation['impact']}: {violation['id']}: {violation['help']}", file=sys.stderr)
    check(not serious, f"{screen}: no serious or critical accessibility findings "
                       f"({len(results.response['violations'])} findings of lower impact)")


def main() -> None:
    base, tenant, admin_password, totp_user, totp_password, totp_secret = sys.argv[1:7]
    shots = sys.argv[7] if len(sys.argv) > 7 else None
    axe = Axe()
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        # Errors other than the statuses the journeys ask for on purpose (401 for a wrong
        # password, 404 for another tenant, the favicon): a policy violation is one of these.
        page.on("console", lambda message: errors.append(message.text)
                if message.type == "error" and not message.text.startswith("Failed to load resource") else None)

        # A tenant admin: password, dashboard, sign out.
        page.goto(f"{base}/console/t/{tenant}")
        check(page.url.endswith(f"/console/t/{tenant}/sign-in"), "an anonymous visit goes to the sign-in page")
        accessible(page, axe, "sign-in")
        page.get_by_label("Username").fill("admin")
        page.get_by_label("Password").fill("not-the-password")
        page.get_by_role("button", name="Sign in").click()
        check(page.get_by_role("alert").inner_text() == "The username or password is wrong.", "a wrong password is said so")
        page.get_by_label("Password").fill(admin_password)
        page.get_by_role("button", name="Sign in").click()
        check(page.url.endswith(f"/console/t/{tenant}"), "a right password opens the dashboard")
        # The sign-in page's own script sent a digest of the browser's traits and its time zone.
        signals = next((c["value"] for c in page.context.cookies() if c["name"] == "rampart_signals"), "")
        check(re.fullmatch(r"[0-9a-f]{64}~[A-Za-z0-9_+/-]+", signals) is not None,
              f"the sign-in page reported the browser's signals (time zone {signals.partition('~')[2] or 'none'})")
        check(page.get_by_role("heading", name="Audit log").is_visible(), "the dashboard shows the audit log")
        accessible(page, axe, "dashboard")
        if shots:
            page.screenshot(path=f"{shots}/console-dashboard.png", full_page=True)
        page.get_by_role("link", name="Users").click()
        check(page.get_by_role("cell", name="dana", exact=True).is_visible(), "the users page lists the tenant's users")
        accessible(page, axe, "users")
        page.get_by_role("link", name="New user").click()
        accessible(page, axe, "new user")
        page.get_by_label("Username", exact=True).fill("erin")
        page.get_by_label("Name", exact=True).fill("Erin O'Neil")
        page.get_by_label("Password").fill("velvet-canyon-morning-44")
        page.get_by_label("auditor", exact=True).check()
        page.get_by_role("button", name="Create user").click()
        check(page.get_by_role("status").inner_text() == "User erin was created.", "a user created from the form is listed")
        check(page.get_by_role("cell", name="auditor, user").is_visible(), "with the roles ticked")
        page.get_by_label("Username starts with").fill("ER")
        page.get_by_role("button", name="Search").click()
        check(page.locator("tbody tr").count() == 1, "searching for ER finds erin alone")
        page.get_by_role("link", name="erin", exact=True).click()
        accessible(page, axe, "a user")
        page.get_by_label("Name", exact=True).fill("Erin O'Neil-Hart")
        page.get_by_role("button", name="Save changes").click()
        check(page.get_by_role("status").inner_text() == "The changes were saved.", "a user's changes are saved")
        page.get_by_role("link", name="Groups").click()
        accessible(page, axe, "groups")
        page.get_by_label("Name", exact=True).fill("analysts")
        page.get_by_role("button", name="Create group").click()
        check(page.get_by_role("status").inner_text() == "The group was created.", "a group is created")
        page.get_by_label("Add the user named").fill("erin")
        page.get_by_role("button", name="Add member").click()
        check(page.get_by_role("link", name="erin", exact=True).is_visible(), "the member is listed")
        accessible(page, axe, "a group")
        page.get_by_role("link", name="API keys").click()
        accessible(page, axe, "API keys")
        page.get_by_label("Name", exact=True).fill("nightly export")
        check(page.get_by_label("auditor", exact=True).count() == 0, "a role beyond the admin's permissions is not offered")
        page.get_by_label("user", exact=True).check()
        page.get_by_role("button", name="Create key").click()
        secret = page.get_by_label("Bearer token").input_value()
        check(secret.startswith("rk_") and len(secret) >= 60, "the new key's token is shown")
        accessible(page, axe, "a new API key")
        me = api(base, "GET", "/v1/me", None, token=secret)
        check(me.get("roles") == ["user"], f"the key signs in with its roles: {me}")
        page.get_by_role("link", name="Back to API keys").click()
        page.get_by_role("button", name="Revoke the key nightly export").click()
        check(page.get_by_role("status").inner_text() == "The key was revoked.", "a key is revoked")

        # Discovery: a directory of CSV exports, a tagging rule, a scan followed to its results.
        page.get_by_role("link", name="Discovery").click()
        accessible(page, axe, "discovery")
        page.get_by_label("Class").fill("EMAIL")
        page.get_by_label("Tag", exact=True).fill("PII")
        page.get_by_role("button", name="Add rule").click()
        check("The tagging rule was created" in page.get_by_role("status").inner_text(), "a tagging rule is created")
        page.get_by_label("Name", exact=True).fill("exports")
        page.get_by_label("Kind").select_option("csv-dir")
        page.get_by_label("Path (files: a directory or an SQLite file)").fill(os.environ["CONSOLE_DATASOURCE_DIR"])
        page.get_by_role("button", name="Add datasource").click()
        check(page.get_by_role("heading", name="exports").is_visible(), "a datasource is added")
        page.get_by_role("button", name="Test connection").click()
        check(page.get_by_role("status").inner_text() == "Connected: 1 tables found.", "its connection test finds the file")
        accessible(page, axe, "a datasource")
        page.get_by_role("button", name="Start a scan").click()
        page.get_by_role("heading", name="Results").wait_for(timeout=60_000)
        check(page.get_by_role("cell", name="email", exact=True).is_visible(), "the scan's results list the email column")
        check("@example.com" not in page.get_by_role("region", name="Results").inner_text().replace("***@example.com", ""),
              "with masked samples only")
        accessible(page, axe, "scan results")
        if shots:
            page.screenshot(path=f"{shots}/console-discovery.png", full_page=True)
        page.get_by_role("link", name="Back to exports").click()
        check(page.get_by_role("cell", name="PII", exact=True).is_visible(), "the rule tagged the column")
        check(page.get_by_role("cell", name="suggested").first.is_visible(), "the scan's tag waits for a review")
        accessible(page, axe, "a datasource's tags")
        page.get_by_role("button", name="Accept PII on customers.email").click()
        check(page.get_by_role("status").inner_text() == "The tags are accepted.", "a person accepts the suggested tag")
        check(page.get_by_role("cell", name="accepted", exact=True).is_visible(), "and the tag shows as accepted")
        check(page.get_by_role("button", name="Accept PII on customers.email").count() == 0, "an accepted tag offers no Accept")

        # Security: events with a kind filter, an alert rule, the tenant's settings.
        page.get_by_role("link", name="Security", exact=True).click()
        check(page.get_by_role("cell", name="device.new").first.is_visible(), "a sign-in from a new browser is a security event")
        accessible(page, axe, "security")
        page.get_by_label("Name", exact=True).fill("security team pager")
        page.get_by_label("Webhook URL (https)").fill("https://alerts.example.com/rampart")
        page.get_by_label("login.failed", exact=True).check()
        page.get_by_role("button", name="Create rule").click()
        check(len(page.get_by_label("Signing secret").input_value()) >= 40, "a webhook rule's signing secret is shown once")
        accessible(page, axe, "a new alert rule")
        page.get_by_role("link", name="Settings", exact=True).click()
        check(page.get_by_label("Four eyes: policy and tagging-rule changes wait for a change approver").is_visible(), "the settings page")
        accessible(page, axe, "settings")
        page.locator("#throttle-account-threshold").fill("4")
        page.locator("#throttle-account-baseDelay").fill("1.5")
        page.get_by_role("button", name="Save the throttle").click()
        check(page.get_by_role("status").inner_text() == "The login throttle was saved.", "the login throttle is edited in a form")
        check(page.locator("#throttle-account-baseDelay").input_value() == "1.5", "and shows what was saved, to the millisecond")
        page.get_by_role("button", name="Use the server's default").click()
        check(page.locator("#throttle-account-threshold").input_value() == "5", "the server's default comes back")
        page.get_by_role("link", name="My sessions").click()
        check(page.get_by_text("(this browser)").is_visible(), "my sessions shows this browser's session")
        accessible(page, axe, "my sessions")
        sessions_before = page.locator("tbody tr").count()
        check(sessions_before >= 2, f"my sessions lists the API session too ({sessions_before} sessions)")
        page.locator("tbody tr", has_not_text="(this browser)").first.get_by_role("button").click()
        check(page.get_by_role("status").inner_text() == "The session has ended.", "ending another session says so")
        check(page.locator("tbody tr").count() == sessions_before - 1, "the ended session is gone from the list")
        page.get_by_role("link", name="Access requests").click()
        check(page.get_by_role("heading", name="Access requests").is_visible(), "the access requests page opens")
        accessible(page, axe, "access requests")
        page.get_by_role("link", name="Audit log").click()
        accessible(page, axe, "audit log")
        page.get_by_role("link", name="1", exact=True).click()
        check("Verified." in page.get_by_role("region", name="Inclusion in the signed log").inner_text(),
              "an audit record's inclusion proof is verified against the signed checkpoint")
        # The page's own script checks the same in the browser: fields, leaf, proof, signed note.
        browser_verdict = page.locator("#proof-verdict", has_text="by your browser")
        browser_verdict.wait_for()
        check(browser_verdict.inner_text().startswith("Verified by your browser"),
              f"the browser itself verifies the record's proof and the checkpoint's signature: {browser_verdict.inner_text()}")
        accessible(page, axe, "audit record")
        # A page that shows another operation than the one hashed is caught by the browser.
        record_url = page.url

        def tamper(route):
            response = route.fetch()
            body, changed = re.subn(r'data-field="operation">[^<]*<', 'data-field="operation">auth.logout<', response.text(), count=1)
            check(changed == 1, "the tampering proxy found the operation on the page")
            route.fulfill(response=response, body=body)

        page.route(record_url, tamper)
        page.reload()
        browser_verdict.wait_for()
        check(browser_verdict.inner_text().startswith("Not verified by your browser: the operation the page shows is not the record's"),
              f"a page that shows what the proof does not cover is not verified: {browser_verdict.inner_text()}")
        page.unroute(record_url)
        page.get_by_role("link", name="Reports").click()
        check(page.get_by_role("heading", name="Data inventory").is_visible(), "the reports page shows the data inventory")
        page.get_by_role("button", name="Build the inventory").click()
        check("active users" in page.get_by_role("region", name="Data inventory").inner_text(), "the inventory is built on request")
        page.get_by_label("Tag", exact=True).fill("PII")
        today = time.strftime("%Y-%m-%d", time.gmtime())
        page.get_by_label("First day", exact=True).fill(today)
        page.get_by_label("Last day", exact=True).fill(today)
        page.get_by_role("button", name="Show").click()
        check("decisions on" in page.get_by_role("region", name="Access to tagged data").inner_text(), "the access report answers")
        accessible(page, axe, "reports")
        page.get_by_role("link", name="Dashboard").click()
        cookies = {cookie["name"]: cookie for cookie in page.context.cookies()}
        session = cookies.get("rampart_console")
        check(session is not None and session["httpOnly"] and session["sameSite"] == "Strict", "the session cookie is HttpOnly and SameSite=Strict")
        page.get_by_role("button", name="Sign out").click()
        check(page.url.endswith(f"/console/t/{tenant}/sign-in"), "signing out returns to the sign-in page")

        # Single sign-on from the sign-in page through the tenant's identity provider (the SSO
        # tests' own, on loopback): the provider approves at once and sends the browser back;
        # the console's session cookie is SameSite=Strict, so the way in must still carry it.
        sso = browser.new_context().new_page()
        sso.on("console", lambda message: errors.append(message.text)
               if message.type == "error" and not message.text.startswith("Failed to load resource") else None)
        sso.goto(f"{base}/console/t/{tenant}/sign-in")
        sso.get_by_role("link", name="Sign in with Corp SSO").click()
        sso.wait_for_url(f"{base}/console/t/{tenant}")
        check("sam" in sso.locator("header").inner_text(), "single sign-on opens the console as the provider's user")
        sso.get_by_role("button", name="Sign out").click()
        page.goto(f"{base}/console/t/{tenant}")
        check(page.url.endswith("/sign-in"), "after signing out the dashboard asks for a sign-in")

        # A security admin with an authenticator: password, then the code.
        page.get_by_label("Username").fill(totp_user)
        page.get_by_label("Password").fill(totp_password)
        page.get_by_role("button", name="Sign in").click()
        check(page.get_by_role("heading", name="Enter your code").is_visible(), "a user with an authenticator is asked for a code")
        accessible(page, axe, "second factor")
        # A code not yet spent: the one of the next step if this one was used at enrolment.
        page.get_by_label("Code").fill(totp(totp_secret, time.time() + 30))
        page.get_by_role("button", name="Verify").click()
        check(page.url.endswith(f"/console/t/{tenant}"), "the code opens the dashboard")
        check(page.get_by_role("heading", name="Policies").is_visible(), "a security admin sees the policies")

        # Policies: a service's policies, one policy's summary beside its JSON, then a new one.
        page.get_by_role("navigation").get_by_role("link", name="Policies").click()
        # The service again from its export file: the page's script reads it into the form.
        page.get_by_label("Ranger export file").set_input_files(
            os.path.join(os.path.dirname(os.path.abspath(__file__)), "console-policies.json"))
        page.wait_for_function("document.getElementById('export').value.includes('warehouse')")
        page.get_by_role("button", name="Import").click()
        check(page.get_by_role("status").inner_text().startswith("The Ranger export was imported"),
              "a Ranger export file is imported from the console")
        accessible(page, axe, "policies")
        page.get_by_role("link", name="card numbers show the last four").click()
        check(page.get_by_role("heading", name="Masks").is_visible(), "a masking policy's page shows its masks")
        accessible(page, axe, "a policy")
        # The same policy in the form: the mask definition's resources and mask types.
        page.get_by_role("link", name="Edit in the form").click()
        check(page.get_by_label("Mask", exact=True).input_value() == "MASK_SHOW_LAST_4", "the form shows the policy's mask")
        accessible(page, axe, "a policy in the form")
        page.get_by_role("link", name="Policies of warehouse").click()
        page.get_by_role("link", name="New policy").click()
        # A new access policy written field by field; a deny item added by posting the form
        # (no script involved), what was typed kept across it.
        page.get_by_label("Name", exact=True).fill("erin reads sales")
        page.locator("#f-resource-0").fill("sales")
        page.locator("#f-resource-1").fill("*")
        page.locator("#f-resource-2").fill("*")
        page.locator("#f-allow-0-users").fill("erin")
        page.get_by_role("group", name="Allow item 1").get_by_label("select").check()
        page.get_by_role("button", name="Add deny item").click()
        check(page.locator("#f-allow-0-users").input_value() == "erin", "adding a row keeps what was typed")
        page.locator("#f-deny-0-groups").fill("contractors")
        page.get_by_role("group", name="Deny item 1").get_by_label("update").check()
        accessible(page, axe, "a new policy in the form")
        if shots:
            page.screenshot(path=f"{shots}/console-policy-editor.png", full_page=True)
        page.get_by_role("button", name="Create policy").first.click()
        check(page.get_by_role("status").inner_text() == "The policy was created.", "a policy is created in the form")
        check(page.get_by_role("cell", name="user erin").is_visible(), "and says whom it allows")
        check(page.get_by_role("cell", name="group contractors").is_visible(), "and whom it denies")
        accessible(page, axe, "a new policy")

        # Test a decision, as POST /v1/authorize would answer it.
        page.get_by_role("link", name="Test a decision").click()
        accessible(page, axe, "test a decision")
        page.get_by_label("Service").select_option("warehouse")
        page.get_by_label("User").fill("dana")
        page.get_by_label("Resource").fill("database=sales\ntable=customers\ncolumn=card")
        page.get_by_role("button", name="Decide").click()
        answer = page.get_by_role("status").inner_text()
        check("Allowed" in answer and "MASK_SHOW_LAST_4" in answer, "the decision tester shows the answer and its mask")
        accessible(page, axe, "a decision's answer")

        # The tenant now requires a second factor: erin, who has none, enrols at sign-in.
        login = api(base, "POST", "/v1/auth/login", {"tenant": tenant, "username": "admin", "password": admin_password})
        api(base, "PATCH", "/v1/tenant/settings", {"mfaRequired": True}, token=login["token"])
        page.get_by_role("button", name="Sign out").click()
        page.get_by_label("Username").fill("erin")
        page.get_by_label("Password").fill("velvet-canyon-morning-44")
        page.get_by_role("button", name="Sign in").click()
        check(page.get_by_role("heading", name="Set up your authenticator").is_visible(), "a required factor is enrolled at sign-in")
        check(page.get_by_role("img", name="QR code of the authenticator key").is_visible(), "with a QR code")
        accessible(page, axe, "authenticator enrolment")
        key = page.locator("p", has_text="Key:").locator("code").inner_text()
        page.get_by_label("The six digits the app shows").fill(totp(key, time.time()))
        page.get_by_role("button", name="Turn on").click()
        check(page.get_by_role("heading", name="Your recovery codes").is_visible(), "the recovery codes are shown once")
        check(page.locator("li code").count() == 10, "ten of them")
        accessible(page, axe, "recovery codes")
        page.get_by_role("link", name="Continue to the console").click()
        check(page.url.endswith(f"/console/t/{tenant}"), "and the console opens")

        # Now that the tenant requires a second factor, single sign-on enrols one on the way in.
        sso.goto(f"{base}/console/t/{tenant}/sign-in")
        sso.get_by_role("link", name="Sign in with Corp SSO").click()
        check(sso.get_by_role("heading", name="Set up your authenticator").is_visible(), "single sign-on enrols the factor the tenant requires")
        key = sso.locator("p", has_text="Key:").locator("code").inner_text()
        sso.get_by_label("The six digits the app shows").fill(totp(key, time.time()))
        sso.get_by_role("button", name="Turn on").click()
        check(sso.get_by_role("heading", name="Your recovery codes").is_visible(), "then shows the recovery codes")
        sso.get_by_role("link", name="Continue to the console").click()
        check(sso.url.endswith(f"/console/t/{tenant}") and "sam" in sso.locator("header").inner_text(), "and opens the console")

        page.goto(f"{base}/console/t/no-such-tenant")
        check("Not found" in page.title(), "another tenant's console is not found")

        # The operator's console: its own sign-in, the tenants, a new one with its administrator.
        operator = browser.new_page()
        operator.on("console", lambda message: errors.append(message.text)
                    if message.type == "error" and not message.text.startswith("Failed to load resource") else None)
        operator.goto(f"{base}/console")
        check(operator.url.endswith("/console/sign-in"), "the operator's console asks the operator to sign in")
        accessible(operator, axe, "operator sign-in")
        operator.get_by_label("Username").fill("operator")
        operator.get_by_label("Password").fill(os.environ["RAMPART_BOOTSTRAP_PASSWORD"])
        operator.get_by_role("button", name="Sign in").click()
        check(operator.get_by_role("link", name=tenant, exact=True).is_visible(), "the operator sees the tenants")
        accessible(operator, axe, "operator tenants")
        operator.get_by_label("Slug (lower-case letters, digits and dashes; in its console's address)").fill("initech")
        operator.get_by_label("Name", exact=True).fill("Initech")
        operator.get_by_label("First administrator's username (optional)").fill("bill")
        operator.get_by_role("button", name="Create tenant").click()
        check(len(operator.get_by_label("Password of bill").input_value()) >= 20, "a new tenant's administrator password is shown once")
        accessible(operator, axe, "operator tenant created")
        operator.get_by_role("link", name="Back to the tenants").click()
        operator.get_by_role("link", name="initech", exact=True).click()
        operator.get_by_label("State (a suspended tenant's people and keys are refused until it is reactivated)").select_option("suspended")
        operator.get_by_role("button", name="Save").click()
        check(operator.get_by_role("status").inner_text() == "The tenant was saved.", "the operator suspends a tenant")
        accessible(operator, axe, "operator tenant")
        operator.get_by_role("button", name="Sign out").click()
        check(operator.url.endswith("/console/sign-in"), "the operator signs out")
        browser.close()
    check(not errors, f"the browser console shows no errors {errors}")


if __name__ == "__main__":
    main()
