// Runs once when the Next.js server starts, before it handles requests (see lib/frontDoor.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') await (await import('./lib/frontDoor')).installFrontDoor();
}
