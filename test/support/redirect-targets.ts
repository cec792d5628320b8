/**
 * `next` values that point off the site (another origin, a scheme, or a path a browser or URL
 * parser turns into one): the unit tests of safeNextPath and the sign-in spec both refuse them all.
 */
export const OFF_SITE_TARGETS = [
  'https://evil.example/',
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/%2F%2Fevil.example',
  '%2F%2Fevil.example',
  '/%252F%252Fevil.example',
  '/%5Cevil.example',
  '/%09/evil.example',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'https:evil.example',
  ' //evil.example',
  '/\t/evil.example',
];
