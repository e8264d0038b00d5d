import { HistoryList } from '@/components/HistoryList';

export const metadata = { title: 'Reading history' };

export default function HistoryPage() {
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Reading history</h1>
      <p className="text-sm text-zinc-500">
        Papers whose PDF, summary or page you opened, kept in this browser only.
      </p>
      <HistoryList />
    </section>
  );
}
