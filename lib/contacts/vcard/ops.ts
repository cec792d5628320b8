/**
 * Counts the characters the reader visits, so a test can prove it linear by comparing two input
 * sizes (timings on a shared machine are too noisy to assert).
 */
export const counter = { ops: 0 };

/** Bounds on every input the reader takes; each broken one is reported, never thrown. */
export const LIMITS = {
  /** One logical (unfolded) line. */
  lineBytes: 1 << 20,
  paramsPerProperty: 100,
  propertiesPerCard: 5_000,
  /** One card, BEGIN to END (also the CardDAV max-resource-size). */
  cardBytes: 1 << 20,
} as const;
