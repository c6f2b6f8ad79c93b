/**
 * The language of a request's messages: `?lang=zh|en`, else the Accept-Language header
 * (its most preferred zh* or en* entry), else English.
 */
import type { FastifyRequest } from 'fastify';
import type { Lang } from '../domain/errors.js';

/** The language to answer `request` in. */
export function requestLang(request: Pick<FastifyRequest, 'query' | 'headers'>): Lang {
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query && typeof query === 'object' ? query.lang : undefined;
  if (fromQuery === 'zh' || fromQuery === 'en') return fromQuery;
  const header = request.headers['accept-language'];
  return typeof header === 'string' ? (langFromAcceptLanguage(header) ?? 'en') : 'en';
}

/** The most preferred language of an Accept-Language value that Closer speaks, if any. */
export function langFromAcceptLanguage(header: string): Lang | undefined {
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return undefined;
}
