// What the rest of the site needs to know about the demos: the list (home page) and which demos
// a paper's title/abstract is about (paper page). Kept free of the heavy maths so it is cheap.

export interface DemoLink {
  href: string;
  title: string;
}

export const DEMOS: (DemoLink & { description: string })[] = [
  {
    href: '/demos/optimizers',
    title: 'Optimizer playground',
    description:
      'SGD, Adam, AdamW, Signum, Lion, Tiger and Muon on 2-D landscapes and a small classifier, the Newton–Schulz iteration, and Muon at scale.',
  },
  {
    href: '/demos/scaling',
    title: 'Learning rate and batch size',
    description:
      "The optimal learning rate against batch size for SGD and Adam (the surge), and how Adam's ε moves it between SignSGD and SGD.",
  },
  {
    href: '/demos/rope',
    title: 'RoPE explorer',
    description:
      'Frequencies, long-range decay, RoPE as a β-base number system, the base bound on context length, and context extension (PI, NTK-aware, mixed base, ReRoPE).',
  },
];

const OPTIMIZER_CONTEXT = /optimi[sz]|learning rate|weight decay|momentum|training|gradient/i;

/** Each rule: what the text must mention, and where to send the reader. */
const RULES: { test: (text: string) => boolean; link: DemoLink }[] = [
  {
    // "Lion"/"Tiger"/"Adam" are also animals and names: only with an optimisation context.
    test: (t) => (/\b(lion|tiger)\b/i.test(t) || /\badam\b/i.test(t)) && OPTIMIZER_CONTEXT.test(t),
    link: { href: '/demos/optimizers', title: 'Optimizer playground (Lion, Tiger, Adam)' },
  },
  {
    test: (t) => /\badamw\b|decoupled weight decay/i.test(t),
    link: { href: '/demos/optimizers', title: 'Optimizer playground (AdamW)' },
  },
  {
    // Muons are also particles: require an optimisation or orthogonalisation context.
    test: (t) => /\bmuon\b/i.test(t) && (OPTIMIZER_CONTEXT.test(t) || /orthogonali[sz]/i.test(t)),
    link: { href: '/demos/optimizers#newton-schulz', title: 'Muon and Newton–Schulz' },
  },
  {
    test: (t) => /newton[\s–-]*schulz/i.test(t),
    link: { href: '/demos/optimizers#newton-schulz', title: 'Muon and Newton–Schulz' },
  },
  {
    test: (t) => /\bbatch[- ]size/i.test(t) && /learning[- ]rate/i.test(t),
    link: { href: '/demos/scaling', title: 'Learning rate and batch size' },
  },
  {
    // Case-sensitive "RoPE" so papers about rope manipulation do not match.
    test: (t) => /\bRoPE\b/.test(t) || /rotary (position(al)? )?(embedding|encoding)/i.test(t),
    link: { href: '/demos/rope', title: 'RoPE explorer' },
  },
  {
    test: (t) =>
      /\bntk[- ]?(aware|rope|scal)|position(al)? interpolation|\bRe-?RoPE\b|\bYaRN\b|context (window |length )?extension/i.test(
        t,
      ),
    link: { href: '/demos/rope#context-extension', title: 'RoPE context extension' },
  },
];

/** Demos a paper is about, judged from its title and abstract; no duplicates, stable order. */
export function demosForText(text: string): DemoLink[] {
  const links: DemoLink[] = [];
  for (const rule of RULES) {
    if (rule.test(text) && !links.some((l) => l.href === rule.link.href)) links.push(rule.link);
  }
  return links;
}
