/**
 * What a request body may be, checked before restify reads it: JSON (or text, or nothing), not
 * compressed, and announced no larger than the limit. restify would otherwise write multipart
 * uploads to the temporary folder without our size limit, inflate gzip without counting the
 * inflated bytes, and read a body it will refuse to the end before saying so.
 * @module
 */
import type { Next, Request, Response } from 'restify';

/** A refusal restify routes like its own (the error name gives the event, e.g. `UnsupportedMediaType`). */
export class Refusal extends Error {
  constructor(readonly statusCode: number, override readonly name: string, detail: string) {
    super(detail);
  }
}

const ACCEPTED = /^(application\/(json|[\w.+-]+\+json)|text\/plain)$/;

export function bodyRules(maxBodyBytes: number) {
  return function bodyRules(req: Request, _res: Response, next: Next): void {
    const length = Number(req.header('content-length') || 0);
    if (!(length > 0) && !req.isChunked()) return next();
    const encoding = String(req.header('content-encoding') || 'identity').trim().toLowerCase();
    if (encoding !== 'identity') return next(new Refusal(415, 'UnsupportedMediaTypeError', `content-encoding ${encoding}`));
    if (length > maxBodyBytes) return next(new Refusal(413, 'PayloadTooLargeError', `content-length ${length} over ${maxBodyBytes}`));
    const type = req.header('content-type') ? req.getContentType() : undefined;
    if (type !== undefined && !ACCEPTED.test(type)) return next(new Refusal(415, 'UnsupportedMediaTypeError', `content-type ${type}`));
    next();
  };
}
