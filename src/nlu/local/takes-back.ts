/**
 * Words that take back what was just said ("anzi", "volevo dire", "actually", "on second
 * thought"): of two values named around them, the later one is meant.
 * @module
 */
export const TAKES_BACK = /(?<![a-z])(anzi|aspetta|no aspett[oa]|ripensandoci|volevo dire|mi correggo|correggo|mi sono sbagliat\w*|ho sbagliato|actually|on second thoughts?|i meant|wait|scratch that|make it|instead|invece)(?![a-z])/;
