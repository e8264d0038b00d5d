// npm run db:migrate — brings the database at DATABASE_PATH up to date.
import { databasePath } from '@/lib/config';
import { openSqlite } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';

const file = databasePath();
const db = openSqlite(file);
const { applied, alreadyApplied } = migrate(db);
db.close();
console.log(
  `database ${file}: ${applied.length} migration(s) applied${applied.length ? ` (${applied.join(', ')})` : ''}, ${alreadyApplied.length} already up to date`,
);
