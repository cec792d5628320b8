/** As long as a label name may be; the store checks again (and for duplicates). */
export const LABEL_MAX = 100;
