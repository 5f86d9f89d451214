/** Arithmetic on calendar days kept as "2026-11-24", free of time zones (each day is taken at midday UTC). */

const dayMs = 24 * 60 * 60 * 1000;

const toDate = (iso: string) => new Date(`${iso}T12:00:00Z`);

/** The day `days` after `iso` (before, when negative): addDays("2026-11-30", 2) is "2026-12-02". */
export function addDays(iso: string, days: number): string {
  return new Date(toDate(iso).getTime() + days * dayMs).toISOString().slice(0, 10);
}

/** The Monday of the ISO week `iso` falls in: "2026-11-26" (a Thursday) → "2026-11-23". */
export function mondayOf(iso: string): string {
  const weekday = toDate(iso).getUTCDay(); // 0 is Sunday
  return addDays(iso, -((weekday + 6) % 7));
}
