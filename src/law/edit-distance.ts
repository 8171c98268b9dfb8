/**
 * Levenshtein distance between two strings, in one row of memory: for "did you mean" and nearest codes.
 * With `atMost`, a distance past it is only reported as `atMost + 1`: the work stops once every cell of a
 * row is past it (no later row can come back under).
 */
export function editDistance(a: string, b: string, atMost = Infinity): number {
  if (Math.abs(a.length - b.length) > atMost) return atMost + 1;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (row[j]! < least) least = row[j]!;
      prev = tmp;
    }
    if (least > atMost) return atMost + 1;
  }
  return Math.min(row[b.length]!, atMost + 1);
}
