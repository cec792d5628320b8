import { describe, expect, it } from 'vitest';
import { pathLabel } from './field-names';

describe('pathLabel', () => {
  it('names each checked path as the form labels it', () => {
    expect(pathLabel('phones.2.value')).toBe('Phone 3');
    expect(pathLabel('emails.0.label')).toBe('Email 1, label');
    expect(pathLabel('addresses.0.postalCode')).toBe('Address 1, Postcode');
    expect(pathLabel('name.given')).toBe('Given name');
    expect(pathLabel('birthday')).toBe('Birthday');
    expect(pathLabel('labels.3')).toBe('Label');
    expect(pathLabel('')).toBe('Contact');
    expect(pathLabel('form')).toBe('Contact');
  });
});
