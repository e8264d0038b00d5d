// Real PDFs for tests and the benchmark, drawn with pdf-lib: a title across the page, then
// two-column pages with a running header, page numbers, a hyphenated word, a formula line
// (Greek letters from the Symbol font) and a reference list at the end.
import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface FakePaper {
  title: string;
  /** Paragraph lines of the left and right column of each page. */
  pages: Array<{ left: string[]; right: string[] }>;
  references: string[];
}

export function samplePaper(title = 'Sparse Mixtures of Tiny Experts'): FakePaper {
  const words = ['alpha', 'bravo', 'charlie'];
  const page = (n: number) => {
    const w = words[n - 1] ?? `w${n}`;
    return {
      left: [
        `Left column ${w} begins here.`,
        `We study ${w} expert routing and`,
        `its effect on the optimi-`,
        `sation of ${w} networks.`,
      ],
      right: [
        `Right column ${w} continues.`,
        `Results on ${w} improve`,
        `over the dense baseline.`,
        `End of ${w} page.`,
      ],
    };
  };
  return {
    title,
    pages: [page(1), page(2), page(3)],
    references: ['[1] A. Author. Old results. 2020.', '[2] B. Author. Newer results. 2024.'],
  };
}

export async function makePdf(paper: FakePaper): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const symbol = await doc.embedFont(StandardFonts.Symbol);
  const size = 10;
  paper.pages.forEach((cols, i) => {
    const page = doc.addPage([612, 792]);
    page.drawText('Preprint. Under review at a venue.', { x: 200, y: 760, size: 8, font });
    let y = 720;
    if (i === 0) {
      page.drawText(paper.title, { x: 150, y, size: 16, font });
      y -= 40;
    }
    const top = y;
    for (const line of cols.left) {
      page.drawText(line, { x: 60, y, size, font });
      y -= 14;
    }
    // The formula line "Loss θ = Σ log p(x | θ)", Greek letters from the Symbol font.
    page.drawText('Loss', { x: 60, y, size, font });
    page.drawText('θ', { x: 85, y, size, font: symbol });
    page.drawText('=', { x: 95, y, size, font });
    page.drawText('Σ', { x: 105, y, size, font: symbol });
    page.drawText('log p(x |', { x: 115, y, size, font });
    page.drawText('θ', { x: 158, y, size, font: symbol });
    page.drawText(')', { x: 164, y, size, font });
    y = top;
    for (const line of cols.right) {
      page.drawText(line, { x: 330, y, size, font });
      y -= 14;
    }
    if (i === paper.pages.length - 1) {
      y = Math.min(y, top - 6 * 14) - 20;
      page.drawText('References', { x: 60, y, size: 12, font });
      for (const ref of paper.references) {
        y -= 14;
        page.drawText(ref, { x: 60, y, size, font });
      }
    }
    page.drawText(String(i + 1), { x: 300, y: 40, size: 9, font });
  });
  return doc.save();
}
