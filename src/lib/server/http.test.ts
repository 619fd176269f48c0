import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { formAction } from './http';

function event(body: BodyInit, contentType?: string) {
	const url = new URL('https://miteinander.example/landshut/anliegen');
	return {
		request: new Request(url, {
			method: 'POST',
			body,
			headers: contentType ? { 'content-type': contentType } : undefined
		}),
		url,
		locals: { ctx: { tenant: { id: 't', slug: 'landshut' } } },
		route: { id: '/(public)/[tenant]/anliegen' },
		params: { tenant: 'landshut' }
	} as never;
}

function form(fields: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
}

describe('formAction: control characters (issue 16)', () => {
	it('refuses a NUL in any field with a localized message per field, keeping the input', async () => {
		const useCase = vi.fn(async () => 'ok');
		const result = (await formAction(useCase)(
			event(form({ name: 'Ayşe\u0000 Demir', email: 'a@b.de', text: 'Guten Tag\u0001' }))
		)) as {
			status: number;
			data: { values: Record<string, string>; errors: Record<string, string> };
		};
		expect(useCase).not.toHaveBeenCalled();
		expect(result.status).toBe(400);
		expect(result.data.errors).toEqual({
			name: m.sec_control_characters(),
			text: m.sec_control_characters()
		});
		expect(result.data.values).toMatchObject({
			name: 'Ayşe Demir',
			email: 'a@b.de',
			text: 'Guten Tag'
		});
	});

	it('lets tab, newline and carriage return through to the use case', async () => {
		const useCase = vi.fn(async () => 'ok');
		const result = await formAction(useCase)(event(form({ text: 'Zeile 1\r\n\tZeile 2' })));
		expect(result).toEqual({ success: true });
		expect(useCase).toHaveBeenCalledWith(expect.anything(), { text: 'Zeile 1\r\n\tZeile 2' });
	});

	it('refuses a control character in an omitted field (password) without sending it back', async () => {
		const useCase = vi.fn(async () => 'ok');
		const result = (await formAction(useCase)(
			event(form({ email: 'a@b.de', password: 'geheim\u0000' }))
		)) as {
			status: number;
			data: { values: Record<string, string>; errors: Record<string, string> };
		};
		expect(useCase).not.toHaveBeenCalled();
		expect(result.status).toBe(400);
		expect(result.data.errors).toEqual({ password: m.sec_control_characters() });
		expect(result.data.values).toEqual({ email: 'a@b.de' });
	});
});

describe('formAction: a post that is not a form (issue 16)', () => {
	it.each([
		['text/plain', 'name=x'],
		['application/json', '{"name":"x"}']
	])('answers %s with 400, not 500', async (type, body) => {
		const useCase = vi.fn(async () => 'ok');
		const err = await formAction(useCase)(event(body, type)).catch((e: unknown) => e);
		expect(isHttpError(err)).toBe(true);
		expect(err).toMatchObject({ status: 400, body: { message: m.sec_not_a_form() } });
		expect(useCase).not.toHaveBeenCalled();
	});
});
