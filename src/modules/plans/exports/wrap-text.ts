/**
 * Text broken into lines no wider than `width` (as `measure` says, in the font in use): at spaces,
 * at the text's own line breaks, and inside a word only when the word alone is wider than the
 * line (never inside a character). Blank lines at either end are dropped, and blank lines between
 * paragraphs kept as one empty line each.
 */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v\u00a0]/g, ' ')
    .trim()
    .split('\n');
  for (const paragraph of paragraphs) {
    const words = paragraph.split(' ').filter((word) => word !== '');
    if (words.length === 0) {
      if (lines.at(-1) !== '') lines.push('');
      continue;
    }
    let line = '';
    for (const word of words) {
      const joined = line === '' ? word : `${line} ${word}`;
      if (measure(joined) <= width) {
        line = joined;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      while (measure(line) > width) {
        const characters = Array.from(line);
        let take = 1;
        while (take < characters.length && measure(characters.slice(0, take + 1).join('')) <= width) take += 1;
        lines.push(characters.slice(0, take).join(''));
        line = characters.slice(take).join('');
      }
    }
    lines.push(line);
  }
  return lines;
}

/** The first line of `text` in `width`, ending in an ellipsis when the rest did not fit. */
export function firstLine(text: string, width: number, measure: (text: string) => number): string {
  const all = wrapText(text, width, measure);
  if (all.length <= 1) return all[0] ?? '';
  const shorter = wrapText(text, width - measure('…'), measure)[0] ?? '';
  return `${shorter}…`;
}
