/**
 * Just enough HTML reading to submit the app's forms as a browser without JavaScript would:
 * React renders predictable markup (double-quoted attributes, escaped values), so a few regular
 * expressions do, and the harness needs no DOM library.
 */
export interface ParsedForm {
  action: string;
  method: string;
  enctype: string;
  /** Every successful control's default value, in document order (hidden inputs included). */
  fields: [string, string][];
  /** Names of every control, filled or not. */
  names: Set<string>;
  buttons: { text: string; name?: string; value?: string }[];
  /** Names of the file inputs. */
  files: string[];
  /** Label text → the name of the control it labels. */
  labels: Map<string, string>;
  html: string;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  // Skip the tag name itself.
  const body = tag.replace(/^<\s*[a-z0-9-]+/i, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(re)) {
    attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** The text of some HTML, tags removed and entities decoded, whitespace collapsed. */
export function textOf(html: string): string {
  return decodeEntities(
    html
      .replace(/<script[\s\S]*?<\/script>/gi, ' ')
      .replace(/<style[\s\S]*?<\/style>/gi, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseForms(html: string): ParsedForm[] {
  const forms: ParsedForm[] = [];
  for (const m of html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/gi)) {
    const formHtml = m[0];
    const open = attributes(formHtml.match(/^<form\b[^>]*>/i)![0]);
    const fields: [string, string][] = [];
    const names = new Set<string>();
    const buttons: ParsedForm['buttons'] = [];
    const files: string[] = [];
    const idToName = new Map<string, string>();
    for (const control of formHtml.matchAll(/<(?:input|textarea|select)\b[^>]*>/gi)) {
      const a = attributes(control[0]);
      if (a.id && a.name) idToName.set(a.id, a.name);
    }
    const labels = new Map<string, string>();
    for (const l of formHtml.matchAll(/<label\b([^>]*)>([\s\S]*?)<\/label>/gi)) {
      const target = attributes(`<label${l[1]}>`).for;
      const name = target ? idToName.get(target) : undefined;
      if (name) labels.set(textOf(l[2]!), name);
    }
    for (const input of formHtml.matchAll(/<input\b[^>]*>/gi)) {
      const a = attributes(input[0]);
      if (!a.name) continue;
      names.add(a.name);
      const type = (a.type ?? 'text').toLowerCase();
      if (type === 'file') files.push(a.name);
      if (type === 'submit' || type === 'button' || type === 'file' || 'disabled' in a) continue;
      if ((type === 'checkbox' || type === 'radio') && !('checked' in a)) continue;
      fields.push([a.name, a.value ?? (type === 'checkbox' || type === 'radio' ? 'on' : '')]);
    }
    for (const ta of formHtml.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      const a = attributes(`<textarea${ta[1]}>`);
      if (!a.name) continue;
      names.add(a.name);
      // React renders a textarea's value as its content, after a leading newline it adds.
      fields.push([a.name, decodeEntities(ta[2]!.replace(/^\n/, ''))]);
    }
    for (const sel of formHtml.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const a = attributes(`<select${sel[1]}>`);
      if (!a.name) continue;
      names.add(a.name);
      const options = [...sel[2]!.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)].map((o) => {
        const oa = attributes(`<option${o[1]}>`);
        return { value: oa.value ?? textOf(o[2]!), selected: 'selected' in oa };
      });
      const chosen = options.find((o) => o.selected) ?? options[0];
      if (chosen) fields.push([a.name, chosen.value]);
    }
    for (const b of formHtml.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)) {
      const a = attributes(`<button${b[1]}>`);
      if ((a.type ?? 'submit') !== 'submit') continue;
      buttons.push({ text: textOf(b[2]!), name: a.name, value: a.value });
    }
    forms.push({
      action: open.action ?? '',
      method: (open.method ?? 'GET').toUpperCase(),
      enctype: open.enctype ?? 'application/x-www-form-urlencoded',
      fields,
      names,
      buttons,
      files,
      labels,
      html: formHtml,
    });
  }
  return forms;
}

/** How a test names the form it wants: by a submit button's text, or by fields it must have. */
/** The name of the control labelled `label` (exact, or the label with a suffix like "(optional)"). */
export function nameForLabel(form: ParsedForm, label: string): string | undefined {
  const exact = form.labels.get(label);
  if (exact) return exact;
  for (const [text, name] of form.labels) {
    if (text.startsWith(`${label} `) || text.startsWith(`${label}(`)) return name;
  }
  return undefined;
}

export interface FormPick {
  button?: string | RegExp;
  fields?: string[];
}

export function pickForm(forms: ParsedForm[], pick: FormPick): ParsedForm | undefined {
  return forms.find((f) => {
    if (pick.fields && !pick.fields.every((n) => f.names.has(n))) return false;
    if (pick.button !== undefined) {
      const wanted = pick.button;
      return f.buttons.some((b) =>
        typeof wanted === 'string' ? b.text === wanted : wanted.test(b.text),
      );
    }
    return true;
  });
}
