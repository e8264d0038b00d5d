// One configured XML parser for every arXiv format. Well-formedness is checked first so a
// truncated page is rejected whole instead of yielding half its records.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FeedError } from './types';

const REPEATED = new Set([
  'item',
  'entry',
  'author',
  'category',
  'record',
  'link',
  'setSpec',
  'creator',
  'li',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => REPEATED.has(name),
});

export type XmlNode = Record<string, unknown>;

export function parseXml(xml: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line } = valid.err;
    throw new FeedError(`malformed XML at line ${line}: ${msg}`, 'malformed');
  }
  return parser.parse(xml) as XmlNode;
}

/** Text content of a node that may be a string or an element with attributes. */
export function text(node: unknown): string {
  if (node == null) return '';
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(text).join(' ');
  if (typeof node === 'object') return text((node as XmlNode)['#text']);
  return '';
}

export function attr(node: unknown, name: string): string | undefined {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const v = (node as XmlNode)[`@_${name}`];
    return typeof v === 'string' ? v : undefined;
  }
  return undefined;
}

export function list(node: unknown): unknown[] {
  if (node == null) return [];
  return Array.isArray(node) ? node : [node];
}

export function child(node: unknown, name: string): unknown {
  return node && typeof node === 'object' ? (node as XmlNode)[name] : undefined;
}
