"""The HTML export's inline style sheet: readable on a phone, printable, nothing to load.

Colours keep at least 7:1 contrast on white for text and 4.5:1 for the accent. The
page's Content-Security-Policy forbids every fetch, so the CSS must not use ``url()``
or ``@import``; the test suite checks it does not.
"""

CSS = """\
:root { color-scheme: light; --ink: #1a1a1a; --muted: #454545; --accent: #1d4ed8;
  --rule: #c9d1d9; --mark: #1d4ed8; --paper: #ffffff; --hl: #fff4c2; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 50rem; padding: 1rem 1.25rem 3rem; color: var(--ink);
  background: var(--paper); font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 1rem 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.05rem; line-height: 1.35; margin: .1rem 0 .3rem; }
.lede, figcaption, .meta, .when { color: var(--muted); }
figure { margin: 1.5rem 0; }
.scroll { overflow-x: auto; }
svg.timeline { display: block; width: 100%; min-width: 40rem; height: auto;
  font-size: 15px; }
svg .tick { stroke: var(--rule); stroke-width: 1; }
svg .year { fill: var(--muted); text-anchor: middle; }
svg .mark { fill: var(--mark); }
svg .open { stroke: var(--mark); stroke-width: 2; stroke-dasharray: 4 4; }
svg .label { fill: var(--ink); paint-order: stroke; stroke: var(--paper); stroke-width: 4px;
  stroke-linejoin: round; }
figcaption { font-size: .9rem; margin-top: .4rem; }
ol.events { list-style: none; margin: 0; padding: 0; }
.event { padding: .8rem 0; border-bottom: 1px solid var(--rule); }
.when { margin: 0; font-weight: 600; font-size: .95rem; }
.event p { margin: .2rem 0; }
.meta { font-size: .9rem; }
sup { line-height: 0; font-size: .75em; }
sup a { text-decoration: none; padding: 0 .1em; }
.notes li { margin-bottom: .9rem; }
.notes a { overflow-wrap: anywhere; }
blockquote { margin: .3rem 0; padding: .1rem 0 .1rem .8rem; border-left: 3px solid var(--rule); }
.note { font-style: italic; }
.corroboration { font-weight: 600; }
:target { background: var(--hl); }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; }
  .scroll { overflow: visible; }
  svg.timeline { min-width: 0; }
  .event, .notes li, figure { break-inside: avoid; }
  .back { display: none; }
}
"""
