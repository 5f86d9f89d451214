/**
 * A download's file name from a title ("Trust development plan 2026 to 2027" →
 * "trust-development-plan-2026-to-2027.pdf") that every browser and operating system accepts, and
 * that cannot break out of a quoted `content-disposition` value: lowercase letters, digits and
 * hyphens, accents dropped, at most 80 characters before the extension. A title with nothing
 * left of it is named `fallback`.
 */
export function downloadFileName(title: string, extension: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
  return `${slug || fallback}.${extension}`;
}
