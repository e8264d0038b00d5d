'use client';
// Saves the categories ticked in the chooser as soon as one changes (no Save click needed with
// JavaScript) and shows the home page for them. Without JavaScript the form posts to /follow.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { setFollowedCategories } from '@/lib/browser/personal';

export function FollowForm({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  return (
    <form
      method="post"
      action="/follow"
      className="category-chooser space-y-4"
      onChange={(e) => {
        const form = e.currentTarget;
        setFollowedCategories(new FormData(form).getAll('follow').map(String));
        setSaved(true);
        // The home page renders from the cookie: show it (and leave a shared ?follow= view).
        if (location.search) router.replace('/');
        else router.refresh();
      }}
    >
      {children}
      <p className="flex items-center gap-3 text-sm">
        <button
          type="submit"
          className="cursor-pointer rounded border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Save
        </button>
        <span role="status" className="text-zinc-500">
          {saved ? 'Saved in this browser.' : 'Kept in this browser only.'}
        </span>
      </p>
    </form>
  );
}
