// SPDX-License-Identifier: Apache-2.0

/// The console's style sheet, served from `/console/assets/console.css`: kept in the binary so
/// the console needs no files beside it, and a file of its own so the pages' policy can forbid
/// inline styles and scripts.
enum ConsoleAssets {
    static let styleSheet = """
        :root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad; --bad: #a40e26; --panel: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fff; }
        a { color: var(--accent); }
        .skip { position: absolute; left: -10000px; }
        .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
        header { display: flex; align-items: center; justify-content: space-between; gap: 1rem; padding: .75rem 1.5rem; border-bottom: 1px solid var(--line); background: var(--panel); }
        header .brand { font-weight: 700; }
        header form { margin: 0; }
        main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.5rem; margin: 0 0 1rem; }
        h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
        section { border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin-bottom: 1rem; overflow-x: auto; }
        .wide { grid-column: 1 / -1; }
        fieldset { border: 1px solid var(--line); border-radius: 4px; margin-top: 1rem; }
        label.choice { font-weight: 400; margin: .25rem 0; }
        form.filters { display: flex; flex-wrap: wrap; align-items: end; gap: .5rem 1rem; margin-bottom: 1rem; }
        form.filters label { margin: 0; }
        form.filters button { margin: 0; }
        dd { overflow-wrap: anywhere; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: 0; }
        nav a[aria-current=page] { font-weight: 700; text-decoration: none; color: var(--ink); }
        button.quiet { margin: 0; padding: .2rem .6rem; background: #fff; color: var(--bad); border: 1px solid var(--bad); }
        [role=status] { background: var(--panel); border-left: 4px solid var(--accent); padding: .5rem .75rem; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
        .figure { font-size: 1.75rem; font-weight: 700; }
        .muted { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
        form.panel { max-width: 24rem; margin: 3rem auto; border: 1px solid var(--line); border-radius: 6px; padding: 1.5rem; }
        label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
        form.wide-form { max-width: 60rem; margin: 1rem 0; }
        .allowed { color: #116329; }
        .denied { color: var(--bad); }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        textarea, select { width: 100%; padding: .5rem; font: inherit; border: 1px solid #6e7781; border-radius: 4px; }
        .sso { margin-top: 1.5rem; padding-top: .5rem; border-top: 1px solid var(--line); }
        a.button { display: inline-block; padding: .5rem 1rem; border: 1px solid var(--accent); border-radius: 4px; text-decoration: none; }
        textarea#document, pre.document { font-family: ui-monospace, monospace; font-size: .9rem; }
        pre.document { background: var(--panel); padding: 1rem; overflow-x: auto; }
        h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
        ul.plain { list-style: none; margin: 0; padding: 0; }
        progress { width: 100%; height: 1rem; }
        .notice { background: #fff8c5; border-left: 4px solid #9a6700; padding: .5rem .75rem; }
        section.panel { max-width: 40rem; }
        input[type=text], input[type=password], input[type=search], input[type=number] { width: 100%; padding: .5rem; font: inherit; border: 1px solid #6e7781; border-radius: 4px; }
        button { margin-top: 1rem; padding: .5rem 1rem; font: inherit; border: 0; border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; }
        header button { margin: 0; background: #fff; color: var(--accent); border: 1px solid var(--accent); }
        .error { color: var(--bad); font-weight: 600; }
        code { font-family: ui-monospace, monospace; }
        """

    /// The sign-in page's script, served from `/console/assets/signals.js`: reports the browser's
    /// signals (``BrowserSignals``) in the `rampart_signals` cookie that goes with the login.
    ///
    /// It is the console's only script and runs on the sign-in page only. It reads the traits
    /// listed in the README, hashes them with the browser's own SHA-256 (Web Crypto, which
    /// browsers offer on HTTPS and on localhost), and sets the cookie to the digest and the time
    /// zone's name: the traits themselves never leave the browser. Without JavaScript, or Web
    /// Crypto, nothing is set and the login uses the header fingerprint.
    static let signalsScript = #"""
        "use strict";
        (function () {
          if (!window.crypto || !window.crypto.subtle || !window.TextEncoder) { return; }
          var nav = window.navigator;
          // Fonts are told apart by the width they give a sample text against a generic
          // family; a font that is not installed falls back and measures like the generic one.
          // The pixel ratio is left out: it changes with the page's zoom, which is no new device.
          var candidateFonts = ["Arial", "Arial Narrow", "Calibri", "Cambria", "Consolas", "Courier New", "DejaVu Sans",
            "Georgia", "Helvetica", "Helvetica Neue", "Liberation Sans", "Lucida Grande", "Menlo", "Noto Sans",
            "Palatino", "Roboto", "Segoe UI", "Tahoma", "Times New Roman", "Trebuchet MS", "Ubuntu", "Verdana"];
          function fonts() {
            var canvas = document.createElement("canvas");
            var context = canvas.getContext && canvas.getContext("2d");
            if (!context) { return []; }
            var sample = "mmmmmmmmmmlli WwQq 0123456789";
            function width(family) { context.font = "72px " + family; return context.measureText(sample).width; }
            var generic = ["monospace", "serif", "sans-serif"];
            var base = generic.map(width);
            return candidateFonts.filter(function (font) {
              return generic.some(function (family, index) { return width("\"" + font + "\", " + family) !== base[index]; });
            });
          }
          function names(list, key) {
            var out = [];
            for (var index = 0; list && index < list.length; index += 1) { out.push(String(list[index][key])); }
            return out.sort();
          }
          var data = nav.userAgentData;
          var brands = data && data.brands ? data.brands.map(function (b) { return b.brand + " " + b.version; }).sort() : [];
          var coarse = window.matchMedia ? window.matchMedia("(pointer: coarse)").matches : false;
          var timeZone = "";
          try { timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (error) { timeZone = ""; }
          var traits = {
            device: { mobile: data ? Boolean(data.mobile) : null, touchPoints: nav.maxTouchPoints || 0, coarsePointer: coarse },
            screen: [screen.width, screen.height, screen.colorDepth].join("x"),
            timeZone: timeZone,
            platform: (data && data.platform) || nav.platform || "",
            browser: brands.length ? brands : [nav.userAgent],
            languages: nav.languages ? Array.prototype.slice.call(nav.languages) : [nav.language],
            fonts: fonts(),
            plugins: names(nav.plugins, "name"),
            mimeTypes: names(nav.mimeTypes, "type")
          };
          var bytes = new TextEncoder().encode(JSON.stringify(traits));
          window.crypto.subtle.digest("SHA-256", bytes).then(function (digest) {
            var hex = Array.prototype.map.call(new Uint8Array(digest), function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
            // Only the characters of IANA names; anything else is left out rather than escaped.
            var zone = /^[A-Za-z0-9_+-][A-Za-z0-9_+\/-]{0,63}$/.test(timeZone) ? "~" + timeZone : "";
            var secure = window.location.protocol === "https:" ? "; Secure" : "";
            document.cookie = "rampart_signals=" + hex + zone + "; path=/; SameSite=Strict" + secure;
          });
        })();
        """#
}
