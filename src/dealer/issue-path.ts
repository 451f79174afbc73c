/**
 * Writes a validation path the way a person reads the dealer file:
 * `calendar.hours.1[0][1]`, `mobility.prices.taxi.amount`, `vehicles[3]`.
 * @module
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(file)' : out;
}
