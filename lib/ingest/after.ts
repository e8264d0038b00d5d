// Work that follows every ingest: derived data kept in step with the papers.
export async function afterIngest(): Promise<void> {
  // Filled in as derived data appears (pre-rendered HTML, search index).
}
