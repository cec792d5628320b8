import type { ContactModel } from '@/lib/contacts/model';
import { formatDay } from '@/lib/format/date';
import { getRequestLocale } from '@/lib/format/request-locale';
import { showAddress, showBirthday } from './show';

/** One list field of a summary: each value on its own line, or "None". */
function Values({ values }: { values: string[] }) {
  const filled = values.filter((v) => v.trim());
  if (filled.length === 0) return <dd className="muted">None</dd>;
  return (
    <dd>
      <ul className="plain-list">
        {filled.map((v, i) => (
          <li key={i}>{v}</li>
        ))}
      </ul>
    </dd>
  );
}

/** What tells two contacts apart, set out the same way for each so they read side by side. */
export async function ContactSummary({
  model,
  createdAt,
}: {
  model: ContactModel;
  /** Absent for a merged contact that does not exist yet. */
  createdAt?: Date;
}) {
  const locale = await getRequestLocale();
  const organization = [model.organization, model.department, model.jobTitle].filter(Boolean);
  return (
    <dl className="duplicate-fields">
      <dt>Organisation</dt>
      <Values values={[organization.join(', ')]} />
      <dt>Emails</dt>
      <Values values={model.emails.map((e) => e.value)} />
      <dt>Phones</dt>
      <Values values={model.phones.map((p) => p.value)} />
      <dt>Addresses</dt>
      <Values values={model.addresses.map(showAddress)} />
      <dt>Birthday</dt>
      <Values values={[showBirthday(model.birthday, locale)]} />
      {createdAt ? (
        <>
          <dt>Added</dt>
          <dd>{formatDay(createdAt, locale)}</dd>
        </>
      ) : null}
    </dl>
  );
}
