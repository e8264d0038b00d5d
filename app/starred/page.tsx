import { StarredList } from '@/components/StarredList';

export const metadata = { title: 'Starred papers' };

export default function StarredPage() {
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Starred papers</h1>
      <p className="text-sm text-zinc-500">Kept in this browser only; no account needed.</p>
      <StarredList />
    </section>
  );
}
