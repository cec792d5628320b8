import {
  nameForLabel,
  parseForms,
  pickForm,
  textOf,
  type FormPick,
  type ParsedForm,
} from './html-forms';

/**
 * A browser without JavaScript, over plain HTTP: a cookie jar, GETs, and form posts built from the
 * page's own form (hidden inputs included: a server action's `$ACTION_…` fields), so it signs in,
 * signs out and saves forms exactly as the no-JS project of the Playwright suite does, without
 * Chromium. Every request is timed into an optional Recorder, for load runs.
 */
export interface WebResponse {
  status: number;
  url: string;
  /** Location of a redirect, resolved against the request URL; undefined otherwise. */
  location?: string;
  html: string;
  headers: Headers;
  ms: number;
}

export interface Sample {
  op: string;
  status: number;
  ms: number;
  /** Network error or timeout (no status). */
  error?: string;
  at: number;
}

export class Recorder {
  samples: Sample[] = [];
  add(sample: Sample) {
    this.samples.push(sample);
  }
}

export class RequestFailed extends Error {
  override name = 'RequestFailed';
}

interface FileField {
  filename: string;
  content: string | Uint8Array<ArrayBuffer>;
  type?: string;
}

export interface SubmitOptions {
  /** Extra or overriding fields; a FileField becomes a file part (multipart forms only). */
  values?: Record<string, string | FileField>;
  /** Values keyed by the label a person sees ("Given name"), resolved to the control's name. */
  labelled?: Record<string, string | FileField>;
  /** Name of the operation, for the recorder. */
  op?: string;
}

export class WebClient {
  readonly cookies = new Map<string, string>();
  readonly origin: string;

  private readonly options: { timeoutMs?: number; recorder?: Recorder };

  constructor(baseUrl: string, options: { timeoutMs?: number; recorder?: Recorder } = {}) {
    this.options = options;
    this.origin = new URL(baseUrl).origin;
  }

  /** A new client for the same server and recorder, without cookies (another browser). */
  fresh(): WebClient {
    return new WebClient(this.origin, this.options);
  }

  /** Points the client at another server (same cookies): for scale-out tests. */
  withBase(baseUrl: string): WebClient {
    const other = new WebClient(baseUrl, this.options);
    for (const [k, v] of this.cookies) other.cookies.set(k, v);
    return other;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k, v] = a.split('=').map((s) => s.trim().toLowerCase());
        return (
          (k === 'max-age' && Number(v) <= 0) ||
          (k === 'expires' && Date.parse(v ?? '') < Date.now())
        );
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(
    method: string,
    path: string,
    init: { body?: FormData | URLSearchParams; headers?: Record<string, string>; op?: string } = {},
  ): Promise<WebResponse> {
    const url = new URL(path, this.origin).toString();
    const started = performance.now();
    const op = init.op ?? `${method} ${new URL(url).pathname}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        body: init.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        headers: {
          accept: 'text/html,application/json',
          ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
          ...(method === 'POST' ? { origin: this.origin } : {}),
          ...init.headers,
        },
      });
    } catch (error) {
      const ms = performance.now() - started;
      const cause = (error as Error & { cause?: Error }).cause;
      const message = `${(error as Error).name}: ${(error as Error).message}${cause ? ` (${cause.message})` : ''}`;
      this.options.recorder?.add({ op, status: 0, ms, error: message, at: Date.now() });
      throw new RequestFailed(`${method} ${url}: ${message}`);
    }
    const html = await response.text();
    const ms = performance.now() - started;
    this.remember(response.headers);
    this.options.recorder?.add({ op, status: response.status, ms, at: Date.now() });
    const location = response.headers.get('location');
    return {
      status: response.status,
      url,
      location: location ? new URL(location, url).toString() : undefined,
      html,
      headers: response.headers,
      ms,
    };
  }

  get(path: string, op?: string): Promise<WebResponse> {
    return this.request('GET', path, { op });
  }

  /** GETs, following redirects (at most five): where a browser would end up. */
  async visit(path: string, op?: string): Promise<WebResponse> {
    let response = await this.get(path, op);
    for (
      let i = 0;
      i < 5 && response.location && response.status >= 300 && response.status < 400;
      i++
    ) {
      response = await this.get(response.location, op && `${op} (redirect)`);
    }
    return response;
  }

  /**
   * Submits a form of `page` (a response, or a path to GET first) with `values` over its own
   * fields. Answers the POST's response: 303 on success, 200 with the form again on an error.
   */
  async submit(
    page: WebResponse | string,
    pick: FormPick,
    options: SubmitOptions = {},
  ): Promise<WebResponse> {
    const source =
      typeof page === 'string' ? await this.get(page, options.op && `${options.op} (form)`) : page;
    return this.post(source.url, formOf(source, pick), options);
  }

  async post(pageUrl: string, form: ParsedForm, options: SubmitOptions = {}): Promise<WebResponse> {
    const values = { ...options.values };
    for (const [label, value] of Object.entries(options.labelled ?? {})) {
      const name = nameForLabel(form, label);
      if (!name) {
        throw new Error(
          `no control labelled "${label}" in the form on ${pageUrl} (labels: ${[...form.labels.keys()].join(', ')})`,
        );
      }
      values[name] = value;
    }
    const multipart = form.enctype.toLowerCase() === 'multipart/form-data';
    const body = multipart ? new FormData() : new URLSearchParams();
    const overridden = new Set(Object.keys(values));
    for (const [name, value] of form.fields) if (!overridden.has(name)) body.append(name, value);
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === 'string') body.append(name, value);
      else if (body instanceof FormData) {
        body.append(
          name,
          new Blob([value.content], { type: value.type ?? 'text/plain' }),
          value.filename,
        );
      } else throw new Error(`the form on ${pageUrl} cannot take a file (not multipart)`);
    }
    const target = new URL(form.action || pageUrl, pageUrl).toString();
    return this.request('POST', target, { body, op: options.op });
  }
}

/** The visible text of a response, for assertions and messages. */
/** The form of a page that `pick` names; throws, saying what the page shows, when there is none. */
export function formOf(page: WebResponse, pick: FormPick): ParsedForm {
  const form = pickForm(parseForms(page.html), pick);
  if (!form) {
    throw new Error(
      `no form matching ${JSON.stringify(pick, (_, v) => (v instanceof RegExp ? String(v) : v))} on ${page.url} (status ${page.status}): ${textOf(page.html).slice(0, 300)}`,
    );
  }
  return form;
}

export function pageText(response: WebResponse): string {
  return textOf(response.html);
}
