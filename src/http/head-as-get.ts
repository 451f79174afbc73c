/**
 * HEAD wherever GET is served (RFC 9110: the GET's status and headers, no body), for every route,
 * those mounted later included: before routing, a HEAD is routed as the GET it stands for. Node
 * decided at the request's start that a HEAD answer has no body, so whatever the GET handler
 * writes is dropped, while the headers it sets (Content-Type, Content-Length) go out as for GET.
 * @module
 */
import type { Next, Request, Response } from 'restify';

export function headAsGet(req: Request, _res: Response, next: Next): void {
  if (req.method === 'HEAD') req.method = 'GET';
  next();
}
