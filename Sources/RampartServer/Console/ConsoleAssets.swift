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
        nav ul.groups { align-items: end; gap: .25rem 2rem; }
        nav .group { display: block; font-size: .75rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
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
        fieldset.item { background: var(--panel); }
        fieldset.accesses label.choice { display: inline-block; margin: .25rem 1rem .25rem 0; }
        .who { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0 1rem; }
        textarea.values { resize: vertical; }
        button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); }
        """
}
