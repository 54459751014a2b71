/**
 * Users may not hold `@all` in any spelling a lenient server might read as it: case, full-width
 * forms and invisible characters ignored. Printable ASCII takes a short cut; every spelling from
 * a mix of ASCII, full-width and invisible characters must be judged as the full comparison does.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { memberIds } from '../../nodes/WeCom/TemplateCard/helpers/recipients';

const ctx = {
	getNode: () => ({ name: 'WeCom', type: 'wecom', typeVersion: 1, parameters: {} }),
} as unknown as IExecuteFunctions;

function fullComparison(recipient: string): boolean {
	return (
		recipient
			.normalize('NFKC')
			.replace(/[\s\p{Cf}]/gu, '')
			.toLowerCase() === '@all'
	);
}

describe('@all in Users', () => {
	it('is refused in exactly the spellings the full comparison finds', () => {
		const pool = ['@', 'a', 'l', 'A', 'L', '＠', 'ａ', 'Ｌ', '\u200b', ' ', '\t', '\u00a0', 'x', '\u2028', '\ufeff'];
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
		const spellings = ['@all', '@ALL', '@All', ' @all', '@all ', '＠ａｌｌ', '@a\u200bll', 'all', '@al', '@alll'];
		for (let i = 0; i < 20000; i++) {
			const length = 3 + (next() % 4);
			spellings.push(Array.from({ length }, () => pool[next() % pool.length]).join(''));
		}
		for (const spelling of spellings) {
			let refused = false;
			try {
				memberIds(ctx, 0, [spelling]);
			} catch {
				refused = true;
			}
			expect({ spelling, refused }).toEqual({ spelling, refused: fullComparison(spelling) });
		}
	});
});
