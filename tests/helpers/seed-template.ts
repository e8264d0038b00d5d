// Seeds the database file named on the command line the way startApp() would (run once per test run).
import { seedDatabase } from './app';

const file = process.argv[2];
if (!file) throw new Error('usage: seed-template.ts <database file>');
const started = Date.now();
await seedDatabase(file, true);
console.log(`seeded test database template in ${((Date.now() - started) / 1000).toFixed(1)} s`);
