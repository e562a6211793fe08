import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

// Google's OAuth endpoints as far as `cil login` meets them, on loopback: /auth plays the consent page
// (it sends the browser straight back to the redirect URI, as Google does once the user agrees),
// /token exchanges a code (checking the PKCE verifier against the challenge, the client and the
// redirect URI) or a refresh token, /revoke records what was revoked.

export interface FakeOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** What the consent page answers instead of the code: a wrong state, or the user saying no. */
  answer?: 'code' | 'wrong state' | 'denied';
  /** The scopes the user leaves ticked; all asked for unless given. */
  grant?: (asked: string[]) => string[];
}

export interface FakeOAuth {
  url: string;
  endpoints: { oauth2AuthBaseUrl: string; oauth2TokenUrl: string; oauth2RevokeUrl: string };
  tokenRequests: Record<string, string>[];
  revoked: string[];
  close(): Promise<void>;
}

async function form(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

export async function fakeGoogleOAuth(options: FakeOAuthOptions): Promise<FakeOAuth> {
  const codes = new Map<string, { challenge: string; redirectUri: string; scopes: string[] }>();
  const refreshTokens = new Map<string, string[]>();
  const tokenRequests: Record<string, string>[] = [];
  const revoked: string[] = [];
  const json = (status: number, body: unknown) => ({ status, body: JSON.stringify(body) });

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let answer: { status: number; body: string; location?: string };
    if (url.pathname === '/auth') {
      const q = url.searchParams;
      const redirect = new URL(q.get('redirect_uri') ?? '');
      const state = q.get('state') ?? '';
      const asked = (q.get('scope') ?? '').split(' ');
      if (options.answer === 'denied') {
        redirect.search = new URLSearchParams({ error: 'access_denied', state }).toString();
      } else {
        const code = randomBytes(8).toString('hex');
        codes.set(code, { challenge: q.get('code_challenge') ?? '', redirectUri: q.get('redirect_uri') ?? '', scopes: options.grant ? options.grant(asked) : asked });
        redirect.search = new URLSearchParams({ code, state: options.answer === 'wrong state' ? 'forged' : state, scope: asked.join(' ') }).toString();
      }
      answer = { status: 302, body: '', location: redirect.href };
    } else if (url.pathname === '/token' && request.method === 'POST') {
      const body = await form(request);
      tokenRequests.push(body);
      if (body.client_id !== options.clientId || body.client_secret !== options.clientSecret) answer = json(401, { error: 'invalid_client' });
      else if (body.grant_type === 'authorization_code') {
        const issued = codes.get(body.code ?? '');
        codes.delete(body.code ?? '');
        const verified = issued && createHash('sha256').update(body.code_verifier ?? '').digest('base64url') === issued.challenge;
        if (!issued || !verified || body.redirect_uri !== issued.redirectUri) answer = json(400, { error: 'invalid_grant' });
        else {
          const refresh = `refresh-${randomBytes(6).toString('hex')}`;
          refreshTokens.set(refresh, issued.scopes);
          answer = json(200, { access_token: `access-${randomBytes(6).toString('hex')}`, refresh_token: refresh, expires_in: 3599, scope: issued.scopes.join(' '), token_type: 'Bearer' });
        }
      } else if (body.grant_type === 'refresh_token' && refreshTokens.has(body.refresh_token ?? '')) {
        answer = json(200, { access_token: `access-${randomBytes(6).toString('hex')}`, expires_in: 3599, scope: refreshTokens.get(body.refresh_token!)!.join(' '), token_type: 'Bearer' });
      } else answer = json(400, { error: 'invalid_grant' });
    } else if (url.pathname === '/revoke' && request.method === 'POST') {
      revoked.push(url.searchParams.get('token') ?? '');
      answer = json(200, {});
    } else answer = json(404, { error: 'not_found' });
    response.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.location ? { location: answer.location } : {}) });
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    endpoints: { oauth2AuthBaseUrl: `${url}/auth`, oauth2TokenUrl: `${url}/token`, oauth2RevokeUrl: `${url}/revoke` },
    tokenRequests,
    revoked,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

