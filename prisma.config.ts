// Prisma CLI configuration (Prisma 7). The app itself connects through lib/db.ts.
import path from 'node:path';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: `file:${path.resolve(process.env.DATABASE_PATH ?? 'data/coolpapers.db')}` },
});
