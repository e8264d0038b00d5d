// One colour per series, readable on both light and dark backgrounds.
export const PALETTE = [
  '#0284c7',
  '#dc2626',
  '#16a34a',
  '#9333ea',
  '#ea580c',
  '#0d9488',
  '#ca8a04',
  '#db2777',
];

export const color = (i: number): string => PALETTE[i % PALETTE.length]!;
