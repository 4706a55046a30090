/**
 * The explorer's only way to the data: POST /graphql on this origin (the public API, nothing
 * private). GraphQL errors become an ApiError carrying `extensions.code` and, for names, the
 * API's own `suggestions` (NOT_FOUND) or `candidates` (AMBIGUOUS_NAME) for the user to pick.
 */
export interface NamedRef {
  id: string;
  kind: string;
  name: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly code: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
  /** Entities the API offers instead: NOT_FOUND suggestions or AMBIGUOUS_NAME candidates. */
  get choices(): NamedRef[] {
    const list = this.extensions.candidates ?? this.extensions.suggestions;
    return Array.isArray(list) ? (list as NamedRef[]).filter((c) => c && typeof c.id === 'string') : [];
  }
  /** The name the user typed, when the error is about a name. */
  get typed(): string | undefined {
    return typeof this.extensions.name === 'string' ? this.extensions.name : undefined;
  }
  get argument(): string | undefined {
    return typeof this.extensions.argument === 'string' ? this.extensions.argument : undefined;
  }
}

/** Runs a query; resolves with `data`, rejects with the first error as an ApiError. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      ...(signal ? { signal } : {}),
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError('The service cannot be reached. Is `npm start` still running?', 'NETWORK_ERROR');
  }
  let body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`The service answered ${res.status} without a GraphQL body.`, 'BAD_RESPONSE');
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), first.extensions ?? {});
  if (!body.data) throw new ApiError('The service answered without data.', 'BAD_RESPONSE');
  return body.data;
}
