import { beforeEach, describe, expect, it, vi } from 'vitest';

const restoreContact = vi.fn<(ownerId: string, id: string) => Promise<boolean>>();
const flash = vi.fn();
vi.mock('@/lib/auth/session', () => ({
  requireSession: async () => ({ user: { id: 'owner-1' } }),
}));
// The real id check (a pure function): only the database calls are stubbed.
vi.mock('@/lib/contacts/store', async () => ({
  restoreContact,
  isContactId: (await import('@/lib/contacts/store/ids')).isContactId,
}));
vi.mock('@/lib/flash/flash', () => ({ flash }));

const { POST } = await import('./route');

const ID = '3f2b8c1e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';
const post = (body: string) =>
  POST(
    new Request('http://x/contacts/trash/restore', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
  );

describe('the Undo of "Contact deleted."', () => {
  beforeEach(() => {
    restoreContact.mockReset();
    flash.mockReset();
  });

  it('restores the signed-in user’s contact and goes to it (303)', async () => {
    restoreContact.mockResolvedValue(true);
    const response = await post(`id=${ID}`);
    expect(restoreContact).toHaveBeenCalledWith('owner-1', ID);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/contacts/${ID}`);
    expect(flash).toHaveBeenCalledWith('success', 'Contact restored.');
  });

  it('says so when the store restores nothing (not theirs, not in Trash, purged)', async () => {
    restoreContact.mockResolvedValue(false);
    const response = await post(`id=${ID}`);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/contacts/trash');
    expect(flash).toHaveBeenCalledWith('error', 'That contact is not in the Trash any more.');
  });

  it('never asks the store about a malformed id or a body that is not a form', async () => {
    for (const body of ['id=../../x', 'id=', '', '%%%']) {
      const response = await post(body);
      expect(response.headers.get('location')).toBe('/contacts/trash');
    }
    expect(restoreContact).not.toHaveBeenCalled();
  });
});
