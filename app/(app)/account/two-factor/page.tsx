import { qrSvg } from '@/lib/contacts/share/qr-svg';
import { requireRecentAuth } from '@/lib/auth/recent-auth';
import { requireSession } from '@/lib/auth/session';
import { groupedSecret, otpauthUri, totpEnabledAt } from '@/lib/auth/totp';
import { pendingEnrolment } from '@/lib/auth/totp-enrolment';
import { TwoFactorSetup } from './two-factor-setup';

export const metadata = { title: 'Two-step sign-in · Contact Cards' };

/** Setting up one-time codes (docs/security/two-factor.md); needs a recent sign-in. */
export default async function TwoFactorPage() {
  const session = requireRecentAuth(await requireSession(), '/account/two-factor');
  const { id, username } = session.user;
  const enabled = (await totpEnabledAt(id)) !== null;
  const secret = enabled ? null : await pendingEnrolment(id);
  const setup = secret
    ? { qrSvg: qrSvg(otpauthUri(secret, username)), secret: groupedSecret(secret) }
    : null;
  return (
    <section className="narrow">
      <h1>Two-step sign-in</h1>
      <TwoFactorSetup enabled={enabled} setup={setup} />
    </section>
  );
}
