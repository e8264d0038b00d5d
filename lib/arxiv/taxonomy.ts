// arXiv's archives and categories with their names (arxiv.org/category_taxonomy), for the home
// page and list headings, and the merged categories that have two names.
import { archiveOf } from './ids';

export interface ArchiveInfo {
  id: string;
  name: string;
  group: string;
}

const ARCHIVES: ArchiveInfo[] = [
  { id: 'cs', name: 'Computer Science', group: 'Computer Science' },
  { id: 'econ', name: 'Economics', group: 'Economics' },
  {
    id: 'eess',
    name: 'Electrical Engineering and Systems Science',
    group: 'Electrical Engineering and Systems Science',
  },
  { id: 'math', name: 'Mathematics', group: 'Mathematics' },
  { id: 'astro-ph', name: 'Astrophysics', group: 'Physics' },
  { id: 'cond-mat', name: 'Condensed Matter', group: 'Physics' },
  { id: 'gr-qc', name: 'General Relativity and Quantum Cosmology', group: 'Physics' },
  { id: 'hep-ex', name: 'High Energy Physics - Experiment', group: 'Physics' },
  { id: 'hep-lat', name: 'High Energy Physics - Lattice', group: 'Physics' },
  { id: 'hep-ph', name: 'High Energy Physics - Phenomenology', group: 'Physics' },
  { id: 'hep-th', name: 'High Energy Physics - Theory', group: 'Physics' },
  { id: 'math-ph', name: 'Mathematical Physics', group: 'Physics' },
  { id: 'nlin', name: 'Nonlinear Sciences', group: 'Physics' },
  { id: 'nucl-ex', name: 'Nuclear Experiment', group: 'Physics' },
  { id: 'nucl-th', name: 'Nuclear Theory', group: 'Physics' },
  { id: 'physics', name: 'Physics', group: 'Physics' },
  { id: 'quant-ph', name: 'Quantum Physics', group: 'Physics' },
  { id: 'q-bio', name: 'Quantitative Biology', group: 'Quantitative Biology' },
  { id: 'q-fin', name: 'Quantitative Finance', group: 'Quantitative Finance' },
  { id: 'stat', name: 'Statistics', group: 'Statistics' },
];

// "code Name" per line, grouped by archive; archives without subcategories are categories too.
const CATEGORY_LINES = `
cs.AI Artificial Intelligence|cs.AR Hardware Architecture|cs.CC Computational Complexity|cs.CE Computational Engineering, Finance, and Science|cs.CG Computational Geometry|cs.CL Computation and Language|cs.CR Cryptography and Security|cs.CV Computer Vision and Pattern Recognition|cs.CY Computers and Society|cs.DB Databases|cs.DC Distributed, Parallel, and Cluster Computing|cs.DL Digital Libraries|cs.DM Discrete Mathematics|cs.DS Data Structures and Algorithms|cs.ET Emerging Technologies|cs.FL Formal Languages and Automata Theory|cs.GL General Literature|cs.GR Graphics|cs.GT Computer Science and Game Theory|cs.HC Human-Computer Interaction|cs.IR Information Retrieval|cs.IT Information Theory|cs.LG Machine Learning|cs.LO Logic in Computer Science|cs.MA Multiagent Systems|cs.MM Multimedia|cs.MS Mathematical Software|cs.NA Numerical Analysis|cs.NE Neural and Evolutionary Computing|cs.NI Networking and Internet Architecture|cs.OH Other Computer Science|cs.OS Operating Systems|cs.PF Performance|cs.PL Programming Languages|cs.RO Robotics|cs.SC Symbolic Computation|cs.SD Sound|cs.SE Software Engineering|cs.SI Social and Information Networks|cs.SY Systems and Control
econ.EM Econometrics|econ.GN General Economics|econ.TH Theoretical Economics
eess.AS Audio and Speech Processing|eess.IV Image and Video Processing|eess.SP Signal Processing|eess.SY Systems and Control
math.AC Commutative Algebra|math.AG Algebraic Geometry|math.AP Analysis of PDEs|math.AT Algebraic Topology|math.CA Classical Analysis and ODEs|math.CO Combinatorics|math.CT Category Theory|math.CV Complex Variables|math.DG Differential Geometry|math.DS Dynamical Systems|math.FA Functional Analysis|math.GM General Mathematics|math.GN General Topology|math.GR Group Theory|math.GT Geometric Topology|math.HO History and Overview|math.IT Information Theory|math.KT K-Theory and Homology|math.LO Logic|math.MG Metric Geometry|math.MP Mathematical Physics|math.NA Numerical Analysis|math.NT Number Theory|math.OA Operator Algebras|math.OC Optimization and Control|math.PR Probability|math.QA Quantum Algebra|math.RA Rings and Algebras|math.RT Representation Theory|math.SG Symplectic Geometry|math.SP Spectral Theory|math.ST Statistics Theory
astro-ph.CO Cosmology and Nongalactic Astrophysics|astro-ph.EP Earth and Planetary Astrophysics|astro-ph.GA Astrophysics of Galaxies|astro-ph.HE High Energy Astrophysical Phenomena|astro-ph.IM Instrumentation and Methods for Astrophysics|astro-ph.SR Solar and Stellar Astrophysics
cond-mat.dis-nn Disordered Systems and Neural Networks|cond-mat.mes-hall Mesoscale and Nanoscale Physics|cond-mat.mtrl-sci Materials Science|cond-mat.other Other Condensed Matter|cond-mat.quant-gas Quantum Gases|cond-mat.soft Soft Condensed Matter|cond-mat.stat-mech Statistical Mechanics|cond-mat.str-el Strongly Correlated Electrons|cond-mat.supr-con Superconductivity
gr-qc General Relativity and Quantum Cosmology|hep-ex High Energy Physics - Experiment|hep-lat High Energy Physics - Lattice|hep-ph High Energy Physics - Phenomenology|hep-th High Energy Physics - Theory|math-ph Mathematical Physics|nucl-ex Nuclear Experiment|nucl-th Nuclear Theory|quant-ph Quantum Physics
nlin.AO Adaptation and Self-Organizing Systems|nlin.CD Chaotic Dynamics|nlin.CG Cellular Automata and Lattice Gases|nlin.PS Pattern Formation and Solitons|nlin.SI Exactly Solvable and Integrable Systems
physics.acc-ph Accelerator Physics|physics.ao-ph Atmospheric and Oceanic Physics|physics.app-ph Applied Physics|physics.atm-clus Atomic and Molecular Clusters|physics.atom-ph Atomic Physics|physics.bio-ph Biological Physics|physics.chem-ph Chemical Physics|physics.class-ph Classical Physics|physics.comp-ph Computational Physics|physics.data-an Data Analysis, Statistics and Probability|physics.ed-ph Physics Education|physics.flu-dyn Fluid Dynamics|physics.gen-ph General Physics|physics.geo-ph Geophysics|physics.hist-ph History and Philosophy of Physics|physics.ins-det Instrumentation and Detectors|physics.med-ph Medical Physics|physics.optics Optics|physics.plasm-ph Plasma Physics|physics.pop-ph Popular Physics|physics.soc-ph Physics and Society|physics.space-ph Space Physics
q-bio.BM Biomolecules|q-bio.CB Cell Behavior|q-bio.GN Genomics|q-bio.MN Molecular Networks|q-bio.NC Neurons and Cognition|q-bio.OT Other Quantitative Biology|q-bio.PE Populations and Evolution|q-bio.QM Quantitative Methods|q-bio.SC Subcellular Processes|q-bio.TO Tissues and Organs
q-fin.CP Computational Finance|q-fin.EC Economics|q-fin.GN General Finance|q-fin.MF Mathematical Finance|q-fin.PM Portfolio Management|q-fin.PR Pricing of Securities|q-fin.RM Risk Management|q-fin.ST Statistical Finance|q-fin.TR Trading and Market Microstructure
stat.AP Applications|stat.CO Computation|stat.ME Methodology|stat.ML Machine Learning|stat.OT Other Statistics|stat.TH Statistics Theory`;

export const CATEGORY_NAMES: ReadonlyMap<string, string> = new Map(
  CATEGORY_LINES.trim()
    .split(/[|\n]/)
    .map((entry) => {
      const space = entry.indexOf(' ');
      return [entry.slice(0, space), entry.slice(space + 1)] as [string, string];
    }),
);

/**
 * Merged categories, alias → canonical, as arXiv's taxonomy has them (arXiv/arxiv-base
 * arxiv/taxonomy/definitions.py CATEGORY_ALIASES). arXiv lists a paper under both names, but
 * sources often give one: every list, filter and feed treats the two as one category, shown by
 * its canonical name.
 */
const CANONICAL: ReadonlyMap<string, string> = new Map([
  ['cs.NA', 'math.NA'],
  ['cs.SY', 'eess.SY'],
  ['math.IT', 'cs.IT'],
  ['math.MP', 'math-ph'],
  ['q-fin.EC', 'econ.GN'],
  ['stat.TH', 'math.ST'],
]);
const ALIAS = new Map([...CANONICAL].map(([alias, canonical]) => [canonical, alias]));

/** The canonical spelling of a category ("eess.SY" for "cs.SY"); other codes are returned as given. */
export const canonicalCategory = (code: string) => CANONICAL.get(code) ?? code;

/** Both spellings of a merged category, canonical first; any other code alone. */
export function categorySpellings(code: string): string[] {
  const canonical = canonicalCategory(code);
  const alias = ALIAS.get(canonical);
  return alias ? [canonical, alias] : [canonical];
}

/**
 * Categories outside an archive whose other spelling is in it: a paper in eess.SY is in cs too
 * (as cs.SY), one in cs.IT is in math (as math.IT).
 */
export function aliasesInto(archive: string): string[] {
  return [...CANONICAL].flatMap(([alias, canonical]) =>
    archiveOf(alias) === archive ? [canonical] : archiveOf(canonical) === archive ? [alias] : [],
  );
}

/** Archives a category is in under either spelling: [eess, cs] for eess.SY. */
export const archivesOf = (code: string) => [...new Set(categorySpellings(code).map(archiveOf))];

/**
 * What a list or filter term covers. An archive ("cs", or "hep-th" which is its own category)
 * covers its categories and those whose other spelling is in it; a category covers both spellings.
 */
export function termScope(term: string): { archive?: string; categories: string[] } {
  const canonical = canonicalCategory(term);
  if (canonical.includes('.')) return { categories: categorySpellings(canonical) };
  return {
    archive: canonical,
    categories: [...new Set([...categorySpellings(canonical), ...aliasesInto(canonical)])],
  };
}

/** LIKE patterns over a paper's space-padded categories (' ' || categories || ' '): the term covers the paper when one matches. */
export function termPatterns(term: string): string[] {
  const { archive, categories } = termScope(term);
  return [...(archive ? [`% ${archive}.%`] : []), ...categories.map((c) => `% ${c} %`)];
}

export const archives = (): readonly ArchiveInfo[] => ARCHIVES;

export function archiveName(id: string): string | undefined {
  return ARCHIVES.find((a) => a.id === id)?.name;
}

/** Human name of a category or archive ("Computation and Language" for cs.CL). */
export function categoryName(code: string): string | undefined {
  return CATEGORY_NAMES.get(code) ?? archiveName(code);
}

/** Categories of an archive, in taxonomy order (the archive itself when it has none). */
export function categoriesOf(archive: string): string[] {
  const own = [...CATEGORY_NAMES.keys()].filter((c) => c.startsWith(`${archive}.`));
  return own.length ? own : CATEGORY_NAMES.has(archive) ? [archive] : [];
}
