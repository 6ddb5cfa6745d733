/**
 * What the domains need of an HTTP request and reply (the client's address, a header, TLS or
 * not; setting a header), whatever the server framework underneath (Fastify in apps/api).
 */
export interface HttpRequest {
  /** The client's address (a trusted proxy's X-Forwarded-For taken into account). */
  ip: string;
  headers: Record<string, string | string[] | undefined>;
  /** 'https' when the request came over TLS (directly or through a trusted proxy). */
  protocol: string;
}

export interface HttpReply {
  header(name: string, value: string): unknown;
}

/** One header's value (the first, if repeated). */
export function headerOf(request: HttpRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
