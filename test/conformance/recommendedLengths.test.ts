/**
 * The lengths WeCom recommends (建议不超过N个字) as the node knows them, against the fixture
 * transcribed by hand from the official pages (docLimits.ts). The fixture is the expectation:
 * nothing here is read back from the node's table.
 */
import { longTexts, recommendedLength } from '../../nodes/WeCom/shared/card';
import { setPath } from './cardPaths';
import { docExample } from './docExamples';
import { RECOMMENDED_LENGTHS, type RecommendedLength } from './docLimits';

const named = RECOMMENDED_LENGTHS.map(
	(entry) => [`${entry.path} on ${entry.cardType}/${entry.variant}: ${entry.chars} 字 (${entry.doc})`, entry] as const,
);

/** The page's example with `text` at the entry's path. */
function exampleWith(entry: RecommendedLength, text: string) {
	const card = docExample(entry.cardType, entry.variant);
	setPath(card, entry.path, text);
	return card as { card_type: string };
}

describe("recommended lengths against WeCom's documentation", () => {
	it.each(named)('%s', (_name, entry) => {
		expect(recommendedLength(entry.variant, entry.cardType, entry.path)).toBe(entry.chars);
	});

	// WeCom's own examples break a recommendation or two (a 6-字 keyname): only the entry's path is looked at.
	it.each(named)('%s: one 字 more makes that text long', (_name, entry) => {
		const path = `template_card.${entry.path}`;
		const longAt = (chars: number) =>
			longTexts(exampleWith(entry, '字'.repeat(chars)), entry.variant).filter((text) => text.path === path);
		expect(longAt(entry.chars)).toEqual([]);
		expect(longAt(entry.chars + 1)).toEqual([
			expect.objectContaining({ path, length: entry.chars + 1, recommended: entry.chars }),
		]);
	});
});
