import type { FieldError } from '@relata/domain';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, toProblem } from './errors.ts';

const PROBLEM = 'application/problem+json';

function fromFastifyError(err: FastifyError): AppError | null {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const errors: FieldError[] = err.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return {
        field: path || where,
        code: String(
          v.params?.issue && typeof v.params.issue === 'object'
            ? ((v.params.issue as { code?: string }).code ?? v.keyword)
            : v.keyword,
        ),
        message: v.message ?? 'is not valid',
      };
    });
    return new AppError('validation_failed', `Some ${where} fields are not valid`, { errors });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('validation_failed', 'The body is not valid JSON', {
        errors: [{ field: 'body', code: 'invalid_json', message: err.message }],
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('unsupported_media_type', 'Send JSON (application/json)');
    default:
      break;
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError(err.statusCode === 404 ? 'not_found' : 'validation_failed', err.message);
  }
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, req, reply) => {
    const appError = error instanceof AppError ? error : fromFastifyError(error as FastifyError);
    if (!appError) {
      req.log.error({ err: error }, 'unhandled error');
      const internal = new AppError('internal', 'An unexpected error occurred; it has been logged');
      return reply.code(500).type(PROBLEM).send(toProblem(internal, req.url));
    }
    for (const [k, v] of Object.entries(appError.headers)) reply.header(k, v);
    return reply.code(appError.status).type(PROBLEM).send(toProblem(appError, req.url));
  });
  app.setNotFoundHandler((req, reply) => {
    const e = new AppError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`);
    return reply.code(404).type(PROBLEM).send(toProblem(e, req.url));
  });
}
