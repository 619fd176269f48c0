/** `%word%` for ILIKE/LIKE with the pattern characters `%`, `_` and `\` of the word escaped. */
export function containsPattern(word: string): string {
	return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
