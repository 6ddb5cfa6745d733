import request from 'supertest';

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
  headers: Record<string, string>;
}

/** POSTs a GraphQL operation with supertest and returns status, data and errors. */
export async function gql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  options: {
    variables?: Record<string, unknown>;
    token?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<GraphQLResult<T>> {
  let req = request(baseUrl).post('/graphql').set('Content-Type', 'application/json');
  if (options.token) req = req.set('Authorization', `Bearer ${options.token}`);
  for (const [name, value] of Object.entries(options.headers ?? {})) req = req.set(name, value);
  const res = await req.send({ query, variables: options.variables });
  return { status: res.status, data: res.body.data, errors: res.body.errors, headers: res.headers };
}

export const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) { accessToken refreshToken expiresIn tokenType }
}`;
export const REFRESH = `mutation Refresh($input: RefreshInput!) {
  refresh(input: $input) { accessToken refreshToken expiresIn }
}`;
export const ME = `query { me { id username displayName roles tenant { id name kind divisionCode status } } }`;

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export async function login(
  baseUrl: string,
  username: string,
  password: string,
  headers?: Record<string, string>,
) {
  return gql<{ login: Tokens }>(baseUrl, LOGIN, {
    variables: { input: { username, password } },
    headers,
  });
}

export function errorCode(result: Pick<GraphQLResult<unknown>, 'errors'>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
