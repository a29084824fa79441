import type { StatusLocale } from '@legal/platform-kit';

/** `?lang=en|zh` wins; else the first language of Accept-Language; else Chinese. */
export function resolveLocale(lang: string | undefined, acceptLanguage: string | undefined): StatusLocale {
  if (lang === 'en' || lang === 'zh') return lang;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
