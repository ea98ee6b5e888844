/** The one way the web app talks to the API: cookies, CSRF, If-Match and problem+json errors. */
export type FieldError = { field: string; code: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];
  readonly detail: string | null;

  constructor(status: number, code: string, detail: string | null, errors: FieldError[] = []) {
    super(detail ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
    this.detail = detail;
  }
}

export type Single<T> = { data: T };
export type Page<T> = { data: T[]; nextCursor: string | null };

type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** JSON, or `FormData` for a multipart upload. */
  body?: unknown;
  /** The record version to send as `If-Match`. */
  version?: number;
  query?: Record<string, QueryValue> | URLSearchParams;
  signal?: AbortSignal;
};

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401 `unauthenticated` (the session expired or is missing). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export const apiBase = '/api/v1';

function buildUrl(path: string, query: RequestOptions['query']): string {
  const url = `${apiBase}${path}`;
  if (!query) return url;
  const params = query instanceof URLSearchParams ? query : new URLSearchParams();
  if (!(query instanceof URLSearchParams)) {
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

/** The problem+json of a failed response as an ApiError (also for requests outside `/api/v1`). */
export async function toError(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as {
        code?: string;
        detail?: string;
        title?: string;
        errors?: FieldError[];
      };
      return new ApiError(
        res.status,
        body.code ?? 'internal',
        body.detail ?? body.title ?? null,
        Array.isArray(body.errors) ? body.errors : [],
      );
    } catch {
      // fall through to a generic error
    }
  }
  return new ApiError(
    res.status,
    res.status === 401 ? 'unauthenticated' : 'internal',
    res.statusText || null,
  );
}

async function request(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  // FormData (file uploads) sets its own multipart boundary; everything else is JSON.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.version !== undefined && (method === 'PATCH' || method === 'DELETE' || method === 'PUT')) {
    headers['If-Match'] = `"${options.version}"`;
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: isForm
        ? (options.body as FormData)
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : null);
  }
  if (!res.ok) {
    const error = await toError(res);
    if (error.status === 401 && error.code === 'unauthenticated') {
      csrfToken = null;
      onUnauthenticated?.();
    }
    throw error;
  }
  return res;
}

async function bodyOf<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return bodyOf<T>(await request(path, options));
}

/** The version in an `ETag` header (`"3"` or `W/"3"`); null when there is none. */
export function versionOfEtag(etag: string | null): number | null {
  const m = etag ? /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(etag) : null;
  return m ? Number(m[1]) : null;
}

/**
 * For resources without a version in their body (such as settings): the body with the version
 * of the response's `ETag`, to send back as `version` (If-Match) on the next change.
 */
export async function apiVersioned<T>(
  path: string,
  options: RequestOptions = {},
): Promise<{ body: T; version: number | null }> {
  const res = await request(path, options);
  return { body: await bodyOf<T>(res), version: versionOfEtag(res.headers.get('etag')) };
}

/** A file download (e.g. an export) as a Blob, with the file name from `Content-Disposition`. */
export async function apiBlob(
  path: string,
  options: RequestOptions = {},
): Promise<{ blob: Blob; filename: string | null }> {
  const res = await request(path, options);
  const disposition = res.headers.get('content-disposition') ?? '';
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return { blob: await res.blob(), filename: m?.[1] ? decodeURIComponent(m[1]) : null };
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
