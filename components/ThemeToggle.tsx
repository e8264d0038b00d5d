'use client';
// Dark mode: follows the system until the reader picks one; the choice is kept in localStorage.
// THEME_SCRIPT runs before first paint (in <head>) so there is no flash of the wrong theme.
import { useEffect, useState } from 'react';

const KEY = 'coolpapers:theme';

export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem('${KEY}');var d=t?t==='dark':matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch(e){}})()`;

export function ThemeToggle() {
  const [dark, setDark] = useState<boolean | null>(null);
  useEffect(() => setDark(document.documentElement.classList.contains('dark')), []);
  const toggle = () => {
    const next = !document.documentElement.classList.contains('dark');
    document.documentElement.classList.toggle('dark', next);
    localStorage.setItem(KEY, next ? 'dark' : 'light');
    setDark(next);
  };
  return (
    <button
      type="button"
      onClick={toggle}
      className="theme-toggle ml-auto cursor-pointer text-sm"
      aria-label={dark ? 'Switch to light mode' : 'Switch to dark mode'}
      aria-pressed={dark ?? undefined}
    >
      {dark ? '☀' : '☾'}
    </button>
  );
}
