import { createHash } from 'node:crypto';

export type Scope = 'admin' | 'public';

/** Bearer tokens the sandbox accepts, their scopes, and revocations. */
export class TokenStore {
  private readonly scopes = new Map<string, Scope>();

  constructor(seed: number, token?: string, readOnlyToken?: string) {
    this.token = token ?? derive(seed, 'admin');
    this.readOnlyToken = readOnlyToken ?? derive(seed, 'public');
    if (this.token === this.readOnlyToken) {
      throw new TypeError('token and readOnlyToken must differ');
    }
    this.scopes.set(this.token, 'admin');
    this.scopes.set(this.readOnlyToken, 'public');
  }

  readonly token: string;
  readonly readOnlyToken: string;

  /** The scope of the token in an `Authorization` header, or undefined if it is not valid. */
  scopeOf(authorization: string | undefined): { token: string; scope: Scope } | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const token = match?.[1];
    const scope = token ? this.scopes.get(token) : undefined;
    return token && scope ? { token, scope } : undefined;
  }

  /** Adds a token (e.g. a second user for rate-limit tests). */
  add(token: string, scope: Scope): void {
    this.scopes.set(token, scope);
  }

  revoke(token: string): void {
    this.scopes.delete(token);
  }
}

/** 64 hex characters, one of the token formats Cloud 66 issues. */
function derive(seed: number, scope: Scope): string {
  return createHash('sha256').update(`c66-sandbox:${seed}:${scope}`).digest('hex');
}
