// The first half of `npm start`: make the checkout ready to serve. The Prisma client is generated
// and the site built only when their inputs changed (scripts/build-stamp.ts), so a restart with
// nothing changed takes seconds; migrations run every time (quick when none is pending).
import { buildIfNeeded, generatePrismaClientIfNeeded } from './build-stamp';

const root = process.cwd();
try {
  generatePrismaClientIfNeeded(root);
  // Imported after generation: lib/db imports the generated client.
  await import('./migrate');
  buildIfNeeded(root);
} catch (e) {
  console.error(`setup failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
