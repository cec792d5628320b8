import type { ContactDraft } from '@/lib/contacts/form-model';
import type { ContactModel } from '@/lib/contacts/model';
import type { FormState } from '@/lib/forms/form-state';

/**
 * What the editor's actions answer: the form as typed (every row, every keep tick), errors by
 * field path ("phones.2.value"; "form" for the contact as a whole), the version an edit was
 * opened at, and the saved contact when someone else changed it meanwhile.
 */
export interface ContactFormState extends FormState {
  draft: ContactDraft;
  /** The optimistic lock: the version the form was opened at (edits only). */
  version?: string;
  /** An edit that met a newer version: that version's values, shown above the form. */
  current?: ContactModel;
}

/** Labels the person already uses, offered as checkboxes; and the photo the contact has now. */
export interface EditorContext {
  labelOptions: string[];
  /** The current photo's URL (an edit with a photo), shown with "Remove photo". */
  photoUrl?: string;
  /** Where a number without a country code is taken to be: "the United States". */
  phoneCountry?: string;
}
