// Runs once when the Next.js server starts, before it handles requests (see lib/frontDoor.ts): sets
// the database up for serving (lib/db.ts databaseRole) and starts the heartbeat /api/health
// reports this web process by (lib/processes/beat.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  await (await import('./lib/frontDoor')).installFrontDoor();
  (await import('./lib/db')).databaseRole('site');
  (await import('./lib/processes/beat')).startBeat('web');
}
