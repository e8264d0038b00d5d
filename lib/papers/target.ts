// What /arxiv/<spec> names: a list spec (cs.CL, cs.AI+cs.LG-cs.CY) or paper ids
// (2401.12345, 2401.12345v2, id1,id2, hep-th/9901001).
import { parseArxivId, type ArxivId } from '@/lib/arxiv/ids';
import { parseSpec, type ListSpec } from './spec';

export type ArxivTarget = { kind: 'papers'; ids: ArxivId[] } | { kind: 'list'; spec: ListSpec; text: string };

const MAX_IDS = 200;

/** Route params may arrive still percent-encoded (%2F in old-style ids, %2C for commas). */
export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function parseTarget(raw: string): ArxivTarget | null {
  const text = decodeSegment(raw).trim();
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const ids = parts.map((p) => parseArxivId(p));
  if (parts.length && parts.length <= MAX_IDS && ids.every(Boolean)) {
    const unique = [...new Map((ids as ArxivId[]).map((i) => [i.id, i])).values()];
    return { kind: 'papers', ids: unique };
  }
  const spec = parseSpec(text);
  return spec ? { kind: 'list', spec, text } : null;
}

export const isDay = (s: string | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
