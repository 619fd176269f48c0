/**
 * Machine translation as an option: one interface, one implementation for a LibreTranslate-
 * compatible service (`POST /translate` with {q, source, target, format, api_key}), so a
 * municipality can run it itself and nothing leaves its control. Without `TRANSLATE_URL` there is
 * no translator and the app says that machine translation is not configured.
 */
import { env } from '../env';

export interface Translator {
	/** translates one text from German into `target`; `html` keeps the tags of sanitised HTML */
	translate(
		text: string,
		source: string,
		target: string,
		format?: 'text' | 'html'
	): Promise<string>;
}

export class TranslatorError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TranslatorError';
	}
}

/** A LibreTranslate-compatible HTTP service at `url`. */
export function libreTranslate(
	url: string,
	apiKey?: string | null,
	options: { timeoutMs?: number; fetch?: typeof fetch } = {}
): Translator {
	const endpoint = new URL('translate', url.endsWith('/') ? url : `${url}/`).href;
	const doFetch = options.fetch ?? fetch;
	return {
		async translate(text, source, target, format = 'text') {
			if (text.trim() === '') return text;
			let response: Response;
			try {
				response = await doFetch(endpoint, {
					method: 'POST',
					headers: { 'content-type': 'application/json', accept: 'application/json' },
					body: JSON.stringify({
						q: text,
						source,
						target,
						format,
						...(apiKey ? { api_key: apiKey } : {})
					}),
					signal: AbortSignal.timeout(options.timeoutMs ?? 30_000)
				});
			} catch (err) {
				throw new TranslatorError(
					`translation service unreachable: ${err instanceof Error ? err.message : String(err)}`
				);
			}
			if (!response.ok) {
				throw new TranslatorError(`translation service answered ${response.status}`);
			}
			const body = (await response.json().catch(() => null)) as { translatedText?: unknown } | null;
			if (!body || typeof body.translatedText !== 'string') {
				throw new TranslatorError('translation service gave no translatedText');
			}
			return body.translatedText;
		}
	};
}

let override: Translator | null | undefined;

/** Tests and the e2e server may set the translator; undefined goes back to the configuration. */
export function setTranslator(translator: Translator | null | undefined): void {
	override = translator;
}

/** The configured translator, or null when machine translation is not configured. */
export function configuredTranslator(): Translator | null {
	if (override !== undefined) return override;
	const config = env();
	return config.TRANSLATE_URL
		? libreTranslate(config.TRANSLATE_URL, config.TRANSLATE_API_KEY)
		: null;
}
