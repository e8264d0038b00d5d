// The shape every source is parsed into before it is stored.

export type AnnounceType = 'new' | 'cross' | 'replace' | 'replace-cross';
export const ANNOUNCE_TYPES: readonly AnnounceType[] = ['new', 'cross', 'replace', 'replace-cross'];

export interface VersionRecord {
  version: number;
  submittedAt?: Date;
  size?: string;
}

/** One paper as a source describes it. Optional fields the source does not know stay undefined. */
export interface PaperRecord {
  id: string;
  /** Newest version the source knows of. */
  version?: number;
  title: string;
  abstract: string;
  authors: string[];
  /** Primary first. */
  categories: string[];
  comments?: string | null;
  journalRef?: string | null;
  doi?: string | null;
  license?: string | null;
  submittedAt?: Date;
  updatedAt?: Date;
  /** Day (YYYY-MM-DD) the record's text is from: its announcement, or its latest version. */
  asOf?: string;
  versions?: VersionRecord[];
}

export interface ListingRecord {
  paperId: string;
  category: string;
  /** YYYY-MM-DD */
  date: string;
  type: AnnounceType;
  position: number;
}

/** A record the parser could not take, reported and skipped. */
export interface RecordError {
  id?: string;
  reason: string;
}

export interface ParsedBatch {
  papers: PaperRecord[];
  listings: ListingRecord[];
  errors: RecordError[];
}

/** Thrown for a whole document that cannot be used (truncated XML, an error feed, HTTP 400). */
export class FeedError extends Error {
  constructor(
    message: string,
    readonly kind: 'malformed' | 'error-feed' | 'api-error' | 'http',
  ) {
    super(message);
    this.name = 'FeedError';
  }
}
