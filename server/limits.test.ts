import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { bodyProblem } from './limits.ts';

const request = (url: string, headers: Record<string, string>, method = 'POST') =>
  ({ url, method, headers }) as unknown as IncomingMessage;
const big = String(7 * 1024 * 1024);

describe('bodyProblem', () => {
  it('sends a browser form with a file too large back to the import page', () => {
    const problem = bodyProblem(
      request('/contacts/import', { 'content-length': big, accept: 'text/html,*/*' }),
    );
    expect(problem).toMatchObject({ status: 303, location: '/contacts/import?error=too-large' });
  });

  it('answers 413 to a JavaScript action, another path, or a client that is not a browser', () => {
    const action = { 'content-length': big, accept: 'text/x-component', 'next-action': 'x' };
    expect(bodyProblem(request('/contacts/import', action))?.status).toBe(413);
    expect(
      bodyProblem(request('/contacts/new', { 'content-length': big, accept: 'text/html' }))?.status,
    ).toBe(413);
    expect(bodyProblem(request('/contacts/import', { 'content-length': big }))?.status).toBe(413);
  });

  it('lets a file within the limit through', () => {
    expect(
      bodyProblem(
        request('/contacts/import', {
          'content-length': String(5 * 1024 * 1024),
          accept: 'text/html',
        }),
      ),
    ).toBeNull();
  });
});
