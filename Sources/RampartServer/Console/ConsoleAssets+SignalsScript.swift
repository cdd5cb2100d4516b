// SPDX-License-Identifier: Apache-2.0

extension ConsoleAssets {
    /// The sign-in page's script, served from `/console/assets/signals.js`: reports the browser's
    /// signals (``BrowserSignals``) in the `rampart_signals` cookie that goes with the login.
    ///
    /// It runs on the sign-in pages only (a tenant's and the operator's). It reads the traits
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
