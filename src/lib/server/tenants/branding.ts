/**
 * A network's look on its public pages: the accent colour of the public header (issue 13,
 * item 9). The colour carries white text, so it must reach WCAG AA's 4.5:1 against white; a
 * colour that fails is refused with a clear message and the input kept.
 */
import { z } from 'zod';
import type { TenantCtx } from '../context';
import type { TenantSettings } from './schema';
import { authorize } from '../auth/policy';
import { parseOrThrow } from '../shared';
import { changeTenantSettings } from './settings';

/** WCAG 2.x AA for normal text. */
export const ACCENT_MIN_CONTRAST = 4.5;
/** The site's own blue, used when a network chose no colour. */
export const DEFAULT_ACCENT = '#0b5cad';

const HEX = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i;

/** "#AbC" or "abcdef" → "#aabbcc"; null when it is no hex colour. */
export function normalizeHex(value: string): string | null {
	const match = HEX.exec(value.trim());
	if (!match) return null;
	const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
	return `#${hex.toLowerCase()}`;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
	const channel = (i: number) => {
		const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
	const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
	return (light + 0.05) / (dark + 0.05);
}

export const brandingInput = z.object({
	/** blank: the site's default colour */
	accentColor: z
		.string()
		.trim()
		.optional()
		.transform((v, zctx) => {
			if (!v) return undefined;
			const hex = normalizeHex(v);
			if (!hex) {
				zctx.addIssue({ code: 'custom', message: 'brand_error_accent_format' });
				return z.NEVER;
			}
			if (contrastRatio(hex, '#ffffff') < ACCENT_MIN_CONTRAST) {
				zctx.addIssue({ code: 'custom', message: 'brand_error_accent_contrast' });
				return z.NEVER;
			}
			return hex;
		})
});

/** The accent colour a network's public header uses. */
export function accentOf(settings: TenantSettings | null | undefined): string {
	const hex = settings?.accentColor ? normalizeHex(settings.accentColor) : null;
	return hex && contrastRatio(hex, '#ffffff') >= ACCENT_MIN_CONTRAST ? hex : DEFAULT_ACCENT;
}

/** A coordinator sets (or, blank, removes) the network's accent colour. */
export async function updateTenantBranding(ctx: TenantCtx, raw: unknown): Promise<TenantSettings> {
	authorize(ctx.actor, 'tenant.settings.edit', { tenantId: ctx.tenant.id });
	const { accentColor } = parseOrThrow(brandingInput, raw);
	return changeTenantSettings(ctx, 'tenant.branding_update', (current) => {
		const next: TenantSettings = { ...current };
		if (accentColor) next.accentColor = accentColor;
		else delete next.accentColor;
		return {
			next,
			before: { accentColor: current.accentColor ?? null },
			after: { accentColor: accentColor ?? null }
		};
	});
}
