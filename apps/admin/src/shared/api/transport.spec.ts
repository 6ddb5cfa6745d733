import {
  createGraphQLRequest,
  createSessionEndpoints,
  GraphQLResponseError,
  HttpStatusError,
  NetworkError,
} from './transport';

const respond = (body: string, status = 200, headers: Record<string, string> = {}) =>
  jest.fn(async () => new Response(body, { status, headers }));

describe('createGraphQLRequest', () => {
  it('posts the operation as JSON to /graphql and returns data', async () => {
    const fetch = respond(JSON.stringify({ data: { me: { id: '1' } } }));
    const request = createGraphQLRequest(fetch);
    await expect(request('query Me { me { id } }', { a: 1 }, { token: 'tok' })).resolves.toEqual({
      me: { id: '1' },
    });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({
      query: 'query Me { me { id } }',
      variables: { a: 1 },
    });
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('sends no Authorization header without a token', async () => {
    const fetch = respond(JSON.stringify({ data: { ok: true } }));
    await createGraphQLRequest(fetch)('query { ok }');
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers as Record<string, string>).not.toHaveProperty('authorization');
  });

  it('throws GraphQLResponseError with the errors, whatever the status', async () => {
    const body = JSON.stringify({
      errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    for (const status of [200, 400, 401, 503]) {
      const error = await createGraphQLRequest(respond(body, status, { 'retry-after': '9' }))(
        'q',
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphQLResponseError);
      expect(error).toMatchObject({ status, retryAfterHeader: 9 });
      expect((error as GraphQLResponseError).errors[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('throws NetworkError when nothing answers', async () => {
    const fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(createGraphQLRequest(fetch)('q')).rejects.toBeInstanceOf(NetworkError);
  });

  it('throws HttpStatusError for an error page or a non-GraphQL answer', async () => {
    await expect(
      createGraphQLRequest(respond('<html>Bad Gateway</html>', 502))('q'),
    ).rejects.toEqual(new HttpStatusError(502));
    await expect(createGraphQLRequest(respond('<!doctype html>', 200))('q')).rejects.toBeInstanceOf(
      HttpStatusError,
    );
  });
});

describe('createSessionEndpoints', () => {
  it('refreshes at POST /auth/refresh with the session header and the cookie (same origin)', async () => {
    const fetch = respond(
      JSON.stringify({ accessToken: 'a2', expiresIn: 900, tokenType: 'Bearer' }),
    );
    await expect(createSessionEndpoints(fetch).refresh()).resolves.toEqual({
      accessToken: 'a2',
      expiresIn: 900,
    });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/auth/refresh');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['x-tongban-session']).toBe('1');
    expect((init.headers as Record<string, string>).authorization).toBeUndefined();
  });

  it('a refused refresh is a GraphQL-shaped UNAUTHENTICATED error; no answer a NetworkError', async () => {
    const refused = respond(
      JSON.stringify({
        errors: [{ message: 'No session', extensions: { code: 'UNAUTHENTICATED' } }],
      }),
      401,
    );
    await expect(createSessionEndpoints(refused).refresh()).rejects.toMatchObject({
      name: 'GraphQLResponseError',
      status: 401,
    });
    const down = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(createSessionEndpoints(down).logout()).rejects.toBeInstanceOf(NetworkError);
  });

  it('logs out at POST /auth/logout', async () => {
    const fetch = respond(JSON.stringify({ loggedOut: true }));
    await createSessionEndpoints(fetch).logout();
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe('/auth/logout');
  });
});
