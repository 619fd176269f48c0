/**
 * The rich text of papers: a small, safe Markdown subset rendered to HTML on the server.
 *
 * Everything the author wrote is HTML-escaped first; only the constructs below produce tags, so
 * no markup of the author's own (script, style, event handlers, iframes …) ever reaches a page.
 * Supported: paragraphs, line breaks, headings (## and ###, shifted below the page's h1/h2),
 * bullet lists (- or *), numbered lists (1.), block quotes (>), **bold**, *italic*, and links
 * [text](https://…) to http(s) and mailto addresses only.
 */
import { escapeHtml } from '../shared';

const SAFE_URL = /^(https?:\/\/|mailto:)[^\s]+$/i;

/** Inline formatting on already escaped text. */
function inline(escaped: string): string {
	return escaped
		.replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (whole, label: string, url: string) => {
			// the URL is escaped text: &amp; stands for &
			const raw = url.replace(/&amp;/g, '&');
			if (!SAFE_URL.test(raw) || /&(lt|gt|quot|#39);/.test(url)) return whole;
			return `<a href="${url}">${label}</a>`;
		})
		.replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
		.replace(/(^|[^*])\*([^*\n]+)\*(?!\*)/g, '$1<em>$2</em>');
}

type Block =
	| { kind: 'p'; lines: string[] }
	| { kind: 'h'; level: number; text: string }
	| { kind: 'ul' | 'ol'; items: string[] }
	| { kind: 'quote'; lines: string[] };

function parse(source: string): Block[] {
	const blocks: Block[] = [];
	let current: Block | null = null;
	const flush = () => {
		if (current) blocks.push(current);
		current = null;
	};
	for (const rawLine of source.replace(/\r\n?/g, '\n').split('\n')) {
		const line = rawLine.replace(/\s+$/, '');
		if (line.trim() === '') {
			flush();
			continue;
		}
		const heading = /^(#{1,6})\s+(.*)$/.exec(line);
		const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
		const numbered = /^\s*\d{1,3}[.)]\s+(.*)$/.exec(line);
		const quote = /^>\s?(.*)$/.exec(line);
		if (heading) {
			flush();
			blocks.push({ kind: 'h', level: heading[1].length, text: heading[2] });
		} else if (bullet || numbered) {
			const kind = bullet ? 'ul' : 'ol';
			const text = (bullet ?? numbered)![1];
			if (!current || current.kind !== kind) {
				flush();
				current = { kind, items: [] };
			}
			(current as { items: string[] }).items.push(text);
		} else if (quote) {
			if (!current || current.kind !== 'quote') {
				flush();
				current = { kind: 'quote', lines: [] };
			}
			current.lines.push(quote[1]);
		} else if (current && (current.kind === 'ul' || current.kind === 'ol')) {
			// continuation of the last list item
			current.items[current.items.length - 1] += ' ' + line.trim();
		} else {
			if (!current || current.kind !== 'p') {
				flush();
				current = { kind: 'p', lines: [] };
			}
			current.lines.push(line.trim());
		}
	}
	flush();
	return blocks;
}

/**
 * Renders the Markdown subset to HTML. `headingOffset`: headings "#" become h(1+offset), capped
 * at h6; the default 2 puts "#" at h3 under a page's h1 and section h2.
 */
export function renderMarkdown(source: string, headingOffset = 2): string {
	return parse(source ?? '')
		.map((b) => {
			switch (b.kind) {
				case 'h': {
					const level = Math.min(6, b.level + headingOffset);
					return `<h${level}>${inline(escapeHtml(b.text))}</h${level}>`;
				}
				case 'ul':
				case 'ol':
					return `<${b.kind}>${b.items.map((i) => `<li>${inline(escapeHtml(i))}</li>`).join('')}</${b.kind}>`;
				case 'quote':
					return `<blockquote><p>${b.lines.map((l) => inline(escapeHtml(l))).join('<br>')}</p></blockquote>`;
				case 'p':
					return `<p>${b.lines.map((l) => inline(escapeHtml(l))).join('<br>')}</p>`;
			}
		})
		.join('\n');
}

/** Plain text of the Markdown (for PDF, mail and OParl summaries): markers removed. */
export function markdownToPlain(source: string): string {
	return parse(source ?? '')
		.map((b) => {
			const strip = (s: string) =>
				s
					.replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
					.replace(/\*\*([^*\n]+)\*\*/g, '$1')
					.replace(/(^|[^*])\*([^*\n]+)\*/g, '$1$2');
			switch (b.kind) {
				case 'h':
					return strip(b.text);
				case 'ul':
					return b.items.map((i) => `• ${strip(i)}`).join('\n');
				case 'ol':
					return b.items.map((i, n) => `${n + 1}. ${strip(i)}`).join('\n');
				case 'quote':
				case 'p':
					return b.lines.map(strip).join('\n');
			}
		})
		.join('\n\n');
}

/** Structured blocks of the Markdown, for renderers other than HTML (the PDF). */
export function markdownBlocks(
	source: string
): { kind: 'heading' | 'paragraph' | 'list'; text?: string; items?: string[] }[] {
	const strip = (s: string) =>
		s
			.replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
			.replace(/\*\*([^*\n]+)\*\*/g, '$1')
			.replace(/(^|[^*])\*([^*\n]+)\*/g, '$1$2');
	return parse(source ?? '').map((b) => {
		if (b.kind === 'h') return { kind: 'heading', text: strip(b.text) };
		if (b.kind === 'ul' || b.kind === 'ol')
			return {
				kind: 'list',
				items: b.items.map((i, n) => (b.kind === 'ol' ? `${n + 1}. ` : '') + strip(i))
			};
		return { kind: 'paragraph', text: (b as { lines: string[] }).lines.map(strip).join('\n') };
	});
}
