// Submits the app's forms the way a browser without JavaScript does: GET the page, take the form's
// inputs (hidden ones carry the server action's id), POST them with our values.
function decode(value) {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The named inputs of the n-th form on the page whose HTML contains `marker`. */
export function formFields(html, marker) {
  const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((f) => f.includes(marker));
  if (!form) throw new Error(`no form containing ${marker}`);
  const fields = new URLSearchParams();
  for (const input of form.match(/<input[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (!name || /type="(checkbox|submit|file)"/.test(input)) continue;
    fields.set(decode(name), decode(/value="([^"]*)"/.exec(input)?.[1] ?? ''));
  }
  return fields;
}

/** A multipart/form-data body, as browsers send server-action forms (Next sets that enctype). */
export function multipart(fields) {
  const boundary = `----contactcards${Date.now().toString(36)}`;
  let body = '';
  for (const [name, value] of fields) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

function cookieHeader(setCookies, jar = new Map()) {
  for (const line of setCookies) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (value === '' || /max-age=0/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
  return jar;
}

/** Submits the form; returns the response and the cookie jar after it. */
export async function submitForm(origin, path, marker, values, jar = new Map()) {
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const page = await fetch(origin + path, { headers: { cookie: cookie() } });
  const fields = formFields(await page.text(), marker);
  for (const [k, v] of Object.entries(values)) fields.set(k, v);
  const { body, contentType } = multipart(fields);
  const res = await fetch(origin + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookie(), origin, 'content-type': contentType },
    body,
  });
  cookieHeader(res.headers.getSetCookie(), jar);
  return { res, jar, cookie: cookie() };
}

/** Signs in; returns the Cookie header value of the session. */
export async function signIn(origin, username, password) {
  const { res, cookie } = await submitForm(origin, '/login', 'name="password"', {
    username,
    password,
  });
  if (res.status !== 303) throw new Error(`sign-in as ${username} answered ${res.status}`);
  return cookie
    .split('; ')
    .filter((c) => c.includes('cc_session'))
    .join('; ');
}
