'use client';
// Records a paper in the reader's history (kept in this browser) when its page or summary is opened.
import { useEffect, useRef } from 'react';
import type { BibtexPaper } from '@/lib/papers/bibtex';
import { recordReading, type Reading } from '@/lib/browser/personal';

export function RecordReading({ paper, how }: { paper: BibtexPaper; how: Reading }) {
  const latest = useRef(paper);
  // eslint-disable-next-line react-hooks/refs -- latest-value ref: read in callbacks and effects, never to render
  latest.current = paper;
  useEffect(() => recordReading(latest.current, how), [paper.id, how]);
  return null;
}
