/**
 * The data residency a destination region stands for: "US-03" is in the US, "EU" in the EU;
 * "Global" endpoints have none.
 */
export function residencyOf(region: string): string | null {
  if (/^global$/i.test(region)) return null;
  return region.split("-")[0]!.toUpperCase();
}

/** Whether data sent to a destination in `destinationRegion` leaves the workspace's region. */
export function crossesRegion(workspaceRegion: string, destinationRegion: string | null): boolean {
  if (destinationRegion === null) return false;
  const residency = residencyOf(destinationRegion);
  return residency !== null && residency !== workspaceRegion.toUpperCase();
}
