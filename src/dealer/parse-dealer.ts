/**
 * Turns parsed JSON into a `Dealer`, or throws one error that lists every problem, each naming
 * its field (`calendar.hours.1[0][1]: must be a time HH:mm`). Pure: no file system.
 * @module
 */
import type { z } from 'zod';
import { dealerSchema, type Dealer } from './schema';
import { crossCheck } from './cross-checks';
import { formatPath } from './issue-path';

/** A dealer file that cannot be used; `problems` holds one `path: message` line per fault. */
export class DealerConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid dealer file ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DealerConfigError';
  }
}

/** Says "is required" for a missing field instead of zod's "expected string, received undefined". */
const messages: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;

/** @param source names the input in the error message (a path, or "(inline)"). */
export function parseDealer(json: unknown, source = '(inline)'): Dealer {
  const result = dealerSchema.safeParse(json, { error: messages });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    throw new DealerConfigError(source, problems);
  }
  const problems = crossCheck(result.data);
  if (problems.length > 0) throw new DealerConfigError(source, problems);
  return result.data;
}
