/**
 * The start page of a network in Leichte Sprache: the coordinator's own text (tenant settings,
 * `easyReadText`) or the default text (default-text.ts), and whether a sign-language video with
 * captions is there.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import { tenants } from '../tenants/schema';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { changeTenantSettings, getTenantSettings } from '../tenants/settings';
import { blankOptionalText, parseOrThrow } from '../shared';
import { defaultEasyReadText } from './default-text';
import { signLanguageVideos } from './schema';

export const EASY_READ_TEXT_MAX = 20_000;

export const easyReadPageInput = z.object({
	/** blank: the default text applies */
	text: blankOptionalText(EASY_READ_TEXT_MAX, 'easy_read_error_too_long')
});

export interface PublicEasyRead {
	tenant: { name: string; slug: string };
	text: string;
	/** a sign-language video is there: its version (for the address) and whether it has captions */
	video: { version: number; captions: boolean } | null;
}

async function videoInfo(ctx: TenantCtx) {
	const [row] = await ctx.db
		.select({ updatedAt: signLanguageVideos.updatedAt, captions: signLanguageVideos.captions })
		.from(signLanguageVideos)
		.where(eq(signLanguageVideos.tenantId, ctx.tenant.id));
	return row ? { version: row.updatedAt.getTime(), captions: row.captions !== null } : null;
}

/** The Leichte Sprache page of a public tenant (anyone may read it). */
export async function publicEasyRead(ctx: TenantCtx): Promise<PublicEasyRead> {
	if (!ctx.tenant.isPublic) throw new NotFoundError();
	const [row] = await ctx.db
		.select({ settings: tenants.settings })
		.from(tenants)
		.where(eq(tenants.id, ctx.tenant.id));
	if (!row) throw new NotFoundError();
	const { name, slug } = ctx.tenant;
	return {
		tenant: { name, slug },
		text: row.settings.easyReadText ?? defaultEasyReadText(ctx.tenant),
		video: await videoInfo(ctx)
	};
}

/** The coordinator's form: the own text (blank: default) and the default to start from. */
export async function getEasyReadSettings(ctx: TenantCtx) {
	const settings = await getTenantSettings(ctx); // authorises (tenant.settings.edit)
	const video = await videoInfo(ctx);
	return {
		text: settings.easyReadText ?? '',
		defaultText: defaultEasyReadText(ctx.tenant),
		video
	};
}

/** A coordinator changes the tenant's Leichte Sprache start page (blank: back to the default). */
export async function updateEasyReadPage(ctx: TenantCtx, raw: unknown): Promise<void> {
	authorize(ctx.actor, 'tenant.settings.edit', { tenantId: ctx.tenant.id });
	const { text } = parseOrThrow(easyReadPageInput, raw);
	await changeTenantSettings(ctx, 'tenant.easy_read_update', (current) => {
		const next = { ...current };
		if (text === undefined) delete next.easyReadText;
		else next.easyReadText = text;
		return {
			next,
			before: { easyReadText: current.easyReadText ?? null },
			after: { easyReadText: text ?? null }
		};
	});
}
