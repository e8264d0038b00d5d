// Reading our list pages back in tests: paper ids in document order with their sections,
// following the "more" links exactly as the lazy loader does; and the lists expected from the
// database, written independently of lib/papers/day.ts.
import type Database from 'better-sqlite3';

export interface ListedPaper {
  id: string;
  section: string;
}

export function papersIn(html: string): ListedPaper[] {
  const out: ListedPaper[] = [];
  let section = '';
  for (const m of html.matchAll(
    /<details[^>]*data-section="([a-z]+)"|<article[^>]*data-paper-id="([^"]+)"/g,
  )) {
    if (m[1]) section = m[1];
    else out.push({ id: m[2]!, section });
  }
  return out;
}

const unescape = (s: string) => s.replace(/&amp;/g, '&');

export function moreHref(html: string): string | null {
  const m = /<div data-more[^>]*><a class="more[^"]*" href="([^"]+)"/.exec(html);
  return m ? unescape(m[1]!) : null;
}

/** Every paper of a list page and its chunks. */
export async function wholeList(
  base: string,
  path: string,
): Promise<{ papers: ListedPaper[]; first: string; requests: number }> {
  const res = await fetch(base + path);
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  const first = await res.text();
  const papers = papersIn(first);
  let next = moreHref(first);
  let requests = 1;
  while (next) {
    const html = await (await fetch(base + next)).text();
    papers.push(...papersIn(html));
    next = moreHref(html);
    requests++;
  }
  return { papers, first, requests };
}

/** arXiv's merged categories (canonical, alias), from its taxonomy: either spelling is one category. */
export const ALIAS_PAIRS = [
  ['math.NA', 'cs.NA'],
  ['eess.SY', 'cs.SY'],
  ['cs.IT', 'math.IT'],
  ['math-ph', 'math.MP'],
  ['econ.GN', 'q-fin.EC'],
  ['math.ST', 'stat.TH'],
] as const;

const spellings = (category: string): readonly string[] =>
  ALIAS_PAIRS.find((p) => (p as readonly string[]).includes(category)) ?? [category];
/** Categories outside an archive that are in it under their other spelling (eess.SY is in cs as cs.SY). */
const intoArchive = (archive: string) =>
  ALIAS_PAIRS.flatMap(([a, b]) =>
    a.split('.')[0] === archive ? [b] : b.split('.')[0] === archive ? [a] : [],
  );
const isArchive = (term: string) => !term.includes('.');

export const SECTION = ['new', 'cross', 'replace'];

/** The list a spec should show on a day (default: its latest), straight from the database. */
export function expectedList(
  db: Database.Database,
  include: string[],
  exclude: string[],
  date?: string,
): { date: string; papers: ListedPaper[] } {
  const args: string[] = [];
  const term = (t: string) => {
    const cats = isArchive(t) ? [t, ...spellings(t), ...intoArchive(t)] : [...spellings(t)];
    args.push(...(isArchive(t) ? [t] : []), ...cats);
    const list = `l.category IN (${cats.map(() => '?').join(', ')})`;
    return isArchive(t) ? `(l.archive = ? OR ${list})` : list;
  };
  const carries = (t: string) => {
    const needles = [
      ...(isArchive(t) ? [` ${t}.`, ...intoArchive(t).map((c) => ` ${c} `)] : []),
      ...spellings(t).map((c) => ` ${c} `),
    ];
    args.push(...needles);
    return needles.map(() => `instr(' ' || p.categories || ' ', ?) > 0`).join(' OR ');
  };
  const where =
    `(${include.map(term).join(' OR ')})` + exclude.map((t) => ` AND NOT (${carries(t)})`).join('');
  const matched = `SELECT l.paperId, l.date, CASE l.type WHEN 'new' THEN 0 WHEN 'cross' THEN 1 ELSE 2 END AS sec, l.position
                   FROM Listing l JOIN Paper p ON p.id = l.paperId WHERE ${where}`;
  const day = date ?? (db.prepare(`SELECT MAX(date) AS d FROM (${matched})`).get(...args) as { d: string }).d;
  const rows = db
    .prepare(
      `WITH m AS (SELECT * FROM (${matched}) WHERE date = ?),
            best AS (SELECT paperId, MIN(sec) AS sec FROM m GROUP BY paperId)
       SELECT b.paperId AS id, b.sec AS sec, MIN(m.position) AS pos
       FROM best b JOIN m ON m.paperId = b.paperId AND m.sec = b.sec
       GROUP BY b.paperId ORDER BY b.sec, pos, b.paperId`,
    )
    .all(...args, day) as { id: string; sec: number }[];
  return { date: day, papers: rows.map((r) => ({ id: r.id, section: SECTION[r.sec]! })) };
}
