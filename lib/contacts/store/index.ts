/**
 * The contacts data layer and its security boundary: every function takes the owner's id and
 * filters by it in the WHERE (ADR 007). Each concern lives in its own file; import from here.
 */
export * from './types';
export { isContactId } from './ids';
export {
  countContacts,
  getContact,
  iterateCards,
  listContacts,
  listFavourites,
  listRecentContacts,
  listUpcomingBirthdays,
} from './read';
export { countMatchingContacts, countMatchingUpTo } from './count-matching';
export { countUpcomingBirthdays, listBirthdays } from './birthdays';
export { createContact, setFavourite, updateContact } from './write';
export {
  deleteContactForever,
  emptyTrash,
  listTrash,
  purgeExpiredTrash,
  restoreContact,
  trashContact,
} from './trash';
export { createLabel, deleteLabel, listLabels, renameLabel } from './labels';
export { findLetterJump } from './letter-jump';
export { getNameOrder, setNameOrder } from './preferences';
export { getContactPhoto } from './photos';
export { applyImport, importCards } from './apply-import';
