import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { negotiateLocale } from './locale';

/** The locale for dates in this request, from its Accept-Language header (once per request). */
export const getRequestLocale = cache(async (): Promise<string> =>
  negotiateLocale((await headers()).get('accept-language')),
);
