/** A minimal keep-alive HTTP client over node:http, for loopback benchmarking. */
import http from 'node:http';

export type Response = { status: number; body: string; headers: http.IncomingHttpHeaders };

export function httpClient(base: string, connections: number, headers: Record<string, string> = {}) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const request = (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) =>
    new Promise<Response>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          agent,
          headers: {
            ...headers,
            ...extra,
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              headers: res.headers,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  return {
    request,
    /** Throws unless the status is the expected one; returns the parsed body. */
    async json<T = unknown>(
      method: string,
      path: string,
      body?: unknown,
      expect = 200,
      extra?: Record<string, string>,
    ) {
      const r = await request(method, path, body, extra);
      if (r.status !== expect) throw new Error(`${method} ${path} -> ${r.status}: ${r.body.slice(0, 300)}`);
      return { data: (r.body ? JSON.parse(r.body) : null) as T, headers: r.headers };
    },
    /** Like json() but skips parsing: the cheapest client side for latency loops. */
    async expect(method: string, path: string, body?: unknown, status = 200) {
      const r = await request(method, path, body);
      if (r.status !== status) throw new Error(`${method} ${path} -> ${r.status}: ${r.body.slice(0, 300)}`);
      return r;
    },
    close: () => agent.destroy(),
  };
}
export type HttpClient = ReturnType<typeof httpClient>;
