// ESLint (flat config): Next.js's rules (core web vitals, TypeScript, React hooks) plus our own
// rule that keeps server modules out of browser code (eslint/serverImports.mjs). Formatting is
// Prettier's job (npm run format:check), so no stylistic rules here.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import serverImports from './eslint/serverImports.mjs';

const reactHooksOff = Object.fromEntries(
  nextVitals
    .flatMap((config) => Object.keys(config.rules ?? {}))
    .filter((rule) => rule.startsWith('react-hooks/'))
    .map((rule) => [rule, 'off']),
);

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next*/**',
    'lib/generated/**',
    'next-env.d.ts',
    'public/**',
    'test-results/**',
    'bench/out/**',
    'data/**',
  ]),
  {
    plugins: { local: serverImports },
    rules: {
      'local/no-server-imports-in-client': 'error',
      // The code strips control characters on purpose, and says so where it does.
      'no-control-regex': 'error',
      // `const { secret: _secret, ...rest } = env` drops a key on purpose.
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Browser-only state (localStorage, cookies, the DOM) can only be read after hydration, in an
      // effect; the server render cannot see it. No React Compiler here to profit from the rule.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    // lib/search's public face is index.ts (and service.ts, query.ts, types.ts, urls.ts, …); the
    // FTS5 engine's internals in lib/search/fts/ are its own business.
    ignores: ['lib/search/**', 'tests/**', 'bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/search/fts', '@/lib/search/fts/*'],
              allowTypeImports: true,
              message: "FTS5 internals: import from '@/lib/search' instead.",
            },
          ],
        },
      ],
    },
  },
  {
    // Modules that import each other load in an order that depends on who imports first.
    files: ['app/**', 'components/**', 'lib/**', 'workers/**', 'scripts/**', 'proxy.ts'],
    rules: { 'import/no-cycle': 'error' },
  },
  {
    // No React outside app/ and components/: test and bench helpers such as useDatabase() are not
    // hooks, and the hooks rules' compiler analysis is most of lint's time.
    files: ['**/*.{ts,mts,mjs,cjs,js}'],
    ignores: ['app/**', 'components/**'],
    rules: reactHooksOff,
  },
  {
    // CommonJS by necessity (preloaded with `node --require`).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
]);
