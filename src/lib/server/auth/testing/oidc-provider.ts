/**
 * A real OpenID Connect provider for tests (the `oidc-provider` package, dev interactions), on a
 * free port of 127.0.0.1, and a driver that goes through its sign-in and consent pages with
 * fetch the way a browser would (cookies, redirects, form posts). Not used by the app.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
	email: string;
	email_verified: boolean;
	name: string;
	groups?: string[];
}

export interface TestProvider {
	issuer: string;
	clientId: string;
	clientSecret: string;
	close(): Promise<void>;
}

export async function startTestProvider(
	accounts: Record<string, TestAccount>,
	redirectUri: string | string[],
	postLogoutRedirectUri: string
): Promise<TestProvider> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const clientId = 'miteinander';
	const clientSecret = 'test-client-secret-0123456789';
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: clientId,
				client_secret: clientSecret,
				redirect_uris: [redirectUri].flat(),
				post_logout_redirect_uris: [postLogoutRedirectUri],
				response_types: ['code'],
				grant_types: ['authorization_code']
			}
		],
		pkce: { required: () => true },
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
		conformIdTokenClaims: false,
		features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
		cookies: { keys: ['test-cookie-key-0123456789'] },
		async findAccount(_ctx, id) {
			const account = accounts[id];
			if (!account) return undefined;
			return { accountId: id, claims: async () => ({ sub: id, ...account }) };
		}
	});
	server.on('request', provider.callback());
	return {
		issuer,
		clientId,
		clientSecret,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

/**
 * Follows the provider from the authorisation address: signs in as `accountId` on its login
 * page, agrees on its consent page, and returns the address it finally sends the browser to
 * (the app's callback with code and state).
 */
export async function signInAtProvider(
	start: URL,
	accountId: string,
	redirectUri: string
): Promise<URL> {
	const jar = new Map<string, string>();
	let url = start.href;
	let init: RequestInit = {};
	for (let step = 0; step < 20; step++) {
		const response = await fetch(url, {
			...init,
			redirect: 'manual',
			headers: {
				...(init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
				cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
			}
		});
		for (const cookie of response.headers.getSetCookie()) {
			const [pair] = cookie.split(';');
			const at = pair.indexOf('=');
			jar.set(pair.slice(0, at), pair.slice(at + 1));
		}
		if (response.status >= 300 && response.status < 400) {
			const target = new URL(response.headers.get('location')!, url);
			if (target.href.startsWith(redirectUri)) return target;
			url = target.href;
			init = {};
			continue;
		}
		const html = await response.text();
		const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
		if (response.status !== 200 || !action)
			throw new Error(`provider answered ${response.status}: ${html.slice(0, 300)}`);
		const form: Record<string, string> = html.includes('name="prompt" value="login"')
			? { prompt: 'login', login: accountId, password: 'any' }
			: { prompt: 'consent' };
		url = new URL(action.replace(/&amp;/g, '&'), url).href;
		init = { method: 'POST', body: new URLSearchParams(form).toString() };
	}
	throw new Error('the provider did not send the browser back');
}
