import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/** The version an If-Match header asks for; undefined when absent. */
export function ifMatch(req: FastifyRequest): number | undefined {
  const raw = req.headers['if-match'];
  if (raw === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(String(raw));
  if (!m) throw new AppError('precondition_failed', 'If-Match must be an ETag returned by GET');
  return Number(m[1]);
}
