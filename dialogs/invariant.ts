/**
 * What the router guarantees before a state runs (a slot before holding it, a need before
 * quoting), checked instead of asserted with `!`: a broken guarantee fails the turn with a clear
 * message (the engine apologises and offers a person) instead of sending `undefined` to a port.
 * @module
 */
export function present<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`the conversation has no ${what} yet`);
  return value;
}
