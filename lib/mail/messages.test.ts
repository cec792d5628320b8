import { describe, expect, it } from 'vitest';
import { appLink, mailSetup } from './config';
import { resetPasswordMessage, verifyEmailMessage } from './messages';

describe('mailSetup', () => {
  it('is off without SMTP_URL, and off with a reason when APP_URL or MAIL_FROM is missing', () => {
    expect(mailSetup({})).toEqual({ enabled: false, problem: null });
    const noApp = mailSetup({ SMTP_URL: 'smtp://mail.test:25', MAIL_FROM: 'a@b.test' });
    expect(noApp.enabled).toBe(false);
    expect(!noApp.enabled && noApp.problem).toMatch(/APP_URL is not/);
    const noFrom = mailSetup({ SMTP_URL: 'smtp://mail.test:25', APP_URL: 'https://cc.test' });
    expect(!noFrom.enabled && noFrom.problem).toMatch(/MAIL_FROM is not/);
    expect(
      mailSetup({ SMTP_URL: 'smtp://m:25', MAIL_FROM: 'a@b.test', APP_URL: 'https://cc.test' }),
    ).toEqual({
      enabled: true,
      smtpUrl: 'smtp://m:25',
      from: 'a@b.test',
      appUrl: 'https://cc.test',
    });
  });
});

describe('appLink', () => {
  it('builds links on APP_URL’s origin only, whatever the path tries', () => {
    expect(appLink('https://cc.test', '/login/reset', { token: 'a b&c' })).toBe(
      'https://cc.test/login/reset?token=a+b%26c',
    );
    // A path or base path in APP_URL is not kept: config.ts keeps only the origin anyway.
    expect(appLink('https://cc.test/some/path?x=1', '/x')).toBe('https://cc.test/x');
    expect(() => appLink('https://cc.test', '//evil.test/x')).toThrow();
    expect(() => appLink('https://cc.test', 'https://evil.test/x')).toThrow();
    expect(() => appLink('https://cc.test', '/\\evil.test')).toThrow();
  });
});

describe('messages', () => {
  const link = 'https://cc.test/login/reset?token=abc';

  it('puts the link, its lifetime and the username in the text and the HTML', () => {
    const m = resetPasswordMessage({ to: 'a@b.test', username: 'ada', link, minutes: 15 });
    expect(m.to).toBe('a@b.test');
    expect(m.text).toContain(link);
    expect(m.text).toContain('15 minutes');
    expect(m.text).toContain('“ada”');
    expect(m.html).toContain(`href="${link}"`);
  });

  it('escapes what it puts into HTML', () => {
    const evil = 'https://cc.test/account/email/verify?token=a"><script>x</script>&b';
    const m = verifyEmailMessage({ to: 'a@b.test', username: 'a<b>', link: evil });
    expect(m.html).not.toContain('<script>');
    expect(m.html).not.toContain('a<b>');
    expect(m.html).toContain('&quot;&gt;&lt;script&gt;');
    expect(m.text).toContain(evil);
  });
});
