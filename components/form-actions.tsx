import Link from 'next/link';

type FormActionsProps = {
  /** The submit button's text. */
  submit: string;
  /** True while the action runs, so a second click cannot send the form twice. */
  pending: boolean;
  danger?: boolean;
  /** A way out beside the button, such as "Log in instead". */
  link?: { href: string; label: string };
};

/** A form's closing row: its submit button and, optionally, a link. */
export function FormActions({ submit, pending, danger, link }: FormActionsProps) {
  return (
    <div className="actions">
      <button type="submit" className={danger ? 'danger' : undefined} disabled={pending}>
        {submit}
      </button>
      {link ? <Link href={link.href}>{link.label}</Link> : null}
    </div>
  );
}
