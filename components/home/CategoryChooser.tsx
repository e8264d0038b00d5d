// arXiv's full taxonomy as checkboxes, grouped as arXiv groups it; ticked = followed.
import { archives, categoriesOf, categoryName } from '@/lib/arxiv/taxonomy';
import { FollowForm } from './FollowForm';

function Choice({ code, label, followed }: { code: string; label: string; followed: Set<string> }) {
  return (
    <label className="flex items-baseline gap-1.5">
      <input type="checkbox" name="follow" value={code} defaultChecked={followed.has(code)} />
      <span>
        <span className="notranslate font-mono text-xs">{code}</span> {label}
      </span>
    </label>
  );
}

export function CategoryChooser({ followed, open }: { followed: string[]; open: boolean }) {
  const ticked = new Set(followed);
  const groups = [...new Set(archives().map((a) => a.group))];
  return (
    <details open={open} className="rounded border border-zinc-200 p-3 dark:border-zinc-800">
      <summary className="cursor-pointer font-semibold">Choose categories to follow</summary>
      <div className="mt-3">
        <FollowForm>
          {groups.map((group) => (
            <fieldset key={group} className="space-y-2">
              <legend className="font-semibold">{group}</legend>
              {archives()
                .filter((a) => a.group === group)
                .map((a) => {
                  const own = categoriesOf(a.id).filter((c) => c !== a.id);
                  return (
                    <div key={a.id} className="grid grid-cols-1 gap-x-4 gap-y-0.5 text-sm sm:grid-cols-2">
                      <Choice code={a.id} label={own.length ? `${a.name} (all)` : a.name} followed={ticked} />
                      {own.map((c) => (
                        <Choice key={c} code={c} label={categoryName(c) ?? ''} followed={ticked} />
                      ))}
                    </div>
                  );
                })}
            </fieldset>
          ))}
        </FollowForm>
      </div>
    </details>
  );
}
