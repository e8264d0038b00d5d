// The FTS5 tables kept over Paper (migrations 20261123010000_search: stemmed, ranked;
// 20261205030000_search_exact_words: unstemmed, for exact words). Bulk writers index new rows into each.
export const FTS_TABLES = ['fts_papers', 'fts_exact'] as const;
