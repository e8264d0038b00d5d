// The published minimal bases for d = 128 and whether each, plugged back in, satisfies the bound.
// A server component: the check (about a second of cosines) runs when the page is built.
import { checkPublishedBases } from '@/lib/demos/publishedBases';
import Cite from './Cite';

const sci = (v: number) => v.toExponential(1).replace('e+', 'e');

function Cell({ value, ok, min }: { value: number; ok: boolean; min: number }) {
  return (
    <td className={`px-2 font-mono ${ok ? '' : 'text-red-700 dark:text-red-400'}`} data-ok={ok}>
      {sci(value)} {ok ? '✓' : `✗ (${min.toFixed(2)})`}
    </td>
  );
}

export default function PublishedBasesTable() {
  const rows = checkPublishedBases();
  const paperFails = rows.filter((r) => !r.paperOk).length;
  const suFails = rows.filter((r) => !r.suOk).length;
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-sm leading-relaxed">
        Published minimal bases for d = 128: the paper&apos;s Table 1
        <Cite ids={['base-bound-paper']} /> and Su&apos;s recomputation.
        <Cite ids={['base-bound-su']} /> Both are rounded to two significant figures, and rounding can land
        outside the admissible set: checked here at every m &lt; L,{' '}
        <span data-testid="published-paper-fails">{paperFails}</span> of {rows.length} of the paper&apos;s
        values and <span data-testid="published-su-fails">{suFails}</span> of {rows.length} of Su&apos;s fail
        the bound (✗, with min B_m in brackets). The explorer below computes the exact minima.
      </figcaption>
      <div className="overflow-x-auto">
        <table data-testid="published-bases" className="text-sm">
          <thead>
            <tr className="text-left">
              <th className="px-2">L</th>
              <th className="px-2">paper (Table 1)</th>
              <th className="px-2">Su</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.length}>
                <td className="px-2 font-mono">2^{Math.log2(r.length)}</td>
                <Cell value={r.paper} ok={r.paperOk} min={r.paperMin} />
                <Cell value={r.su} ok={r.suOk} min={r.suMin} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
