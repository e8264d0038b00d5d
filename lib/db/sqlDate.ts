/** Timestamps in the format Prisma's SQLite adapter writes and reads back. */
export function sqlDate(d: Date | undefined | null): string | null {
  return d ? d.toISOString().replace('Z', '+00:00') : null;
}
