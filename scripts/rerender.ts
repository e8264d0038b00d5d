// npm run render:all — re-renders every stored title and abstract the current renderer has not
// rendered (after RENDER_VERSION changes, that is all of them).
import { closeDb, sqlite } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { createProgress } from '@/lib/ingest/progress';
import { prerenderPending } from '@/lib/papers/prerender';

migrate(sqlite());
const progress = createProgress('render', 0, 'papers');
const done = prerenderPending({ onProgress: (n, total) => (progress.setTotal(total), progress.update(n)) });
progress.stop();
console.log(`rendered ${done} paper(s)`);
await closeDb();
