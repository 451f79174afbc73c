/**
 * HEAD wherever GET is served (RFC 9110: the GET's status and headers, no body), for every route,
 * those mounted later included: before routing, a HEAD is routed as the GET it stands for. Node
 * decided at the request's start that a HEAD answer has no body, so whatever the GET handler
 * writes is dropped, while the headers it sets (Content-Type, Content-Length) go out as for GET.
 *
 * A route that would hold the connection open (an event stream) asks `wasHead(req)` and answers
 * the headers and ends instead: Node never sends the headers of a HEAD answer before its end, and
 * the stream would hold one of its places for nothing.
 * @module
 */
import type { Next, Request, Response } from 'restify';

const heads = new WeakSet<Request>();

export function headAsGet(req: Request, _res: Response, next: Next): void {
  if (req.method === 'HEAD') {
    heads.add(req);
    req.method = 'GET';
  }
  next();
}

/** Was this request a HEAD, routed as a GET? */
export function wasHead(req: Request): boolean {
  return heads.has(req);
}
