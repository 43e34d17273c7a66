import type { MentionType } from '../../doc.js';

/**
 * Colours per mention type: dark text on fills of at least 7:1 contrast, a darker underline of the
 * same hue (4.5:1 on white). The fills were chosen to stay apart from one another and from the page
 * in normal vision and in simulated protanopia, deuteranopia and tritanopia (CIEDE2000, checked in
 * Chromium by test/e2e/palette.test.ts; the figures are in docs/palette.md).
 */
export const TYPE_STYLE: Record<MentionType, { label: string; bg: string; border: string }> = {
  group: { label: 'Group', bg: '#fdbb2c', border: '#936c1a' },
  country: { label: 'Country', bg: '#a7c0af', border: '#647369' },
  place: { label: 'Place', bg: '#9ddefe', border: '#557889' },
  person: { label: 'Person', bg: '#ae98fe', border: '#675998' },
  date: { label: 'Date', bg: '#f9e3a9', border: '#7c7154' },
  event: { label: 'Event', bg: '#ff8077', border: '#994b45' },
  nationality: { label: 'Nationality', bg: '#b6a0b9', border: '#6c5e6e' },
};

export const MENTION_TYPE_LIST = Object.keys(TYPE_STYLE) as MentionType[];

/** CSS class of a type: types are a fixed set, anything else gets the neutral class. */
export function typeClass(type: string): string {
  return Object.hasOwn(TYPE_STYLE, type) ? `t-${type}` : 't-other';
}

function typeCss(): string {
  const rules = Object.entries(TYPE_STYLE).map(([t, s]) => `.t-${t}{background:${s.bg};border-color:${s.border}}`);
  const hide = MENTION_TYPE_LIST.map((t) => `body.hide-${t} mark.t-${t}`).join(',');
  return `${rules.join('\n')}\n.t-other{background:#eee;border-color:#555}\n${hide},body.hide-rejected mark.st-rejected{background:none;border-color:transparent;box-shadow:none;text-decoration:none;outline:none}`;
}

/** Shared by the document page and the corpus page. */
export const BASE_CSS = `
*{box-sizing:border-box}
body{font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1a1a1a;background:#f6f6f4}
header.top{background:#1d2b3a;color:#fff;padding:.7rem 1.2rem}
header.top a{color:#cfe3ff}
header.top h1{font-size:1.35rem;margin:.2rem 0}
header.top p{margin:.1rem 0;color:#e6edf5}
a{color:#0b4f9c}
button{font:inherit;cursor:pointer;border:1px solid #5a6470;background:#fff;color:#1a1a1a;border-radius:4px;padding:.15rem .5rem}
button:hover{background:#eef3f8}
button:disabled{color:#6b6b6b;cursor:not-allowed;background:#f1f1f1}
button:focus-visible,input:focus-visible,select:focus-visible,a:focus-visible{outline:3px solid #1d4ed8;outline-offset:1px}
select,input[type=text]{font:inherit;padding:.1rem .3rem;border:1px solid #5a6470;border-radius:4px;background:#fff;color:#1a1a1a}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e2e2e2;vertical-align:top}
th{background:#eef1f4}
.muted{color:#4d4d4d}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.sw{display:inline-block;width:.9em;height:.9em;vertical-align:middle;margin-right:.25em;border:1px solid;border-radius:2px}
ul.plain{list-style:none;padding:0;margin:0}
.ids{font-size:.8rem}
.idl{display:inline-block;font-size:.75rem;line-height:1.35;padding:0 .35rem;margin:0 .15rem .1rem 0;border:1px solid #8a939c;border-radius:3px;background:#f4f6f8;color:#1a1a1a;text-decoration:none;white-space:nowrap;vertical-align:baseline}
a.idl{color:#0b4f9c;border-color:#6f8fb3}
a.idl:hover{text-decoration:underline}
.badge{display:inline-block;font-size:.8rem;padding:0 .4rem;border-radius:999px;border:1px solid #555;background:#f1f1f1;color:#1a1a1a;white-space:nowrap}
.fact-asserted{background:#dff3e4;border-color:#1b7a33}
.fact-reported{background:#e1ecfb;border-color:#1f5f99}
.fact-claimed{background:#fff0c2;border-color:#8a6100}
.fact-hypothetical,.fact-generic{background:#efe3fb;border-color:#6b3aa0}
.fact-negated{background:#fde2e2;border-color:#a61b1b}
${typeCss()}
`;

export const PAGE_CSS = `${BASE_CSS}
main{display:grid;grid-template-columns:minmax(0,1fr) 24rem;gap:1.2rem;padding:1.2rem;max-width:96rem;margin:auto;align-items:start}
@media (max-width:60rem){main{grid-template-columns:1fr}}
.legend{margin-bottom:.6rem}
.legend label{display:inline-block;margin:0 .7rem .3rem 0;cursor:pointer}
.text{white-space:pre-wrap;background:#fff;padding:1.2rem 1.5rem;border:1px solid #d6d6d6;border-radius:6px;font-size:1.05rem;line-height:1.8}
mark.m{color:inherit;border-bottom:2px solid;border-radius:2px;cursor:pointer}
mark.m mark.m{border-bottom-width:3px}
mark.st-rejected{background:#f1f1f1;border-bottom:2px dashed #8a1c1c;text-decoration:line-through;text-decoration-color:#8a1c1c}
mark.st-accepted{border-bottom-style:double;border-bottom-width:4px}
mark.st-edited,mark.st-added{outline:1px dashed #333;outline-offset:0}
mark.pending{box-shadow:0 0 0 2px #6d28d9}
mark.in-entity{outline:2px dotted #0f5e57;outline-offset:1px}
mark.current{outline:3px solid #1d4ed8;outline-offset:1px}
mark.m:focus{outline:3px solid #1d4ed8;outline-offset:1px}
::highlight(evidence){background-color:#1d4ed8;color:#fff}
aside{position:sticky;top:0;max-height:100vh;overflow:auto;padding-bottom:1rem}
aside section{background:#fff;border:1px solid #d6d6d6;border-radius:6px;padding:.6rem .9rem;margin-bottom:1rem}
aside h2{font-size:1rem;margin:.1rem 0 .5rem}
aside h3{font-size:.95rem;margin:.6rem 0 .3rem}
#details dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;margin:.3rem 0}
#details dt{font-weight:600}
#details dd{margin:0;overflow-wrap:anywhere}
.controls{display:flex;flex-wrap:wrap;gap:.3rem;align-items:center;margin:.4rem 0}
.ent{border:none;background:none;padding:.05rem .2rem;text-align:left}
.ent[aria-pressed=true]{background:#dbe8f7;outline:1px solid #1f5f99}
.ents li{display:flex;gap:.3rem;align-items:baseline;flex-wrap:wrap}
.card{border:1px solid #d6d6d6;border-radius:6px;padding:.4rem .6rem;margin:.4rem 0;background:#fcfcfc}
.card header{display:flex;gap:.4rem;flex-wrap:wrap;align-items:baseline}
.chip{font-size:.85rem;border-radius:999px;padding:0 .5rem;margin:.15rem .15rem 0 0;border:1px solid #5a6470;background:#fff}
.chip.role-actor{border-color:#b35c00}
.chip.role-target{border-color:#a61b1b}
.chip.role-place{border-color:#1f5f99}
.chip.role-time{border-color:#8a7400}
.codes{font-size:.8rem;color:#4d4d4d}
.pending-list li{display:flex;justify-content:space-between;gap:.4rem;border-bottom:1px solid #eee;padding:.1rem 0}
.help{font-size:.85rem}
kbd{border:1px solid #888;border-bottom-width:2px;border-radius:3px;padding:0 .25rem;font-size:.8rem;background:#fff;color:#1a1a1a}
.warn{color:#8a1c1c}
meter{width:100%}
`;
