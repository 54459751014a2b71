/**
 * The card schema against WeCom's documentation. Every expectation comes from the fixture in
 * this folder, transcribed by hand from the official pages; nothing is read back from the
 * schema. Per rule: the documented example passes, a value at the limit passes, one step over it
 * is refused at the documented field path, with the documented errcode where a page names one.
 */
import { checkTemplateCard, type CardIssue } from '../../nodes/WeCom/shared/card';
import { acceptedCases, refusedCases, type DocCase, type RefusedCase } from './docCases';

function issuesOf({ card, variant }: DocCase): CardIssue[] {
	const result = checkTemplateCard(card, variant);
	return result.ok ? [] : result.issues;
}

const byGroup = <T extends DocCase>(cases: T[]) =>
	[...new Set(cases.map((entry) => entry.group))].map(
		(group) => [group, cases.filter((entry) => entry.group === group)] as const,
	);

const named = <T extends DocCase>(cases: readonly T[]) =>
	cases.map((entry) => [`${entry.name} (${entry.doc})`, entry] as const);

describe.each(byGroup(acceptedCases()))('accepted: %s', (_group, cases) => {
	it.each(named(cases))('%s', (_name, entry) => {
		expect(issuesOf(entry)).toEqual([]);
	});
});

describe.each(byGroup(refusedCases()))('refused: %s', (_group, cases) => {
	/** The first issue (what WeCom, and the sandbox, answer) is at the documented path. */
	it.each(named(cases))('%s', (_name, entry: RefusedCase) => {
		const [first] = issuesOf(entry);
		expect(first).toBeDefined();
		const documented = entry.errcode === null ? {} : { errcode: entry.errcode };
		expect({ path: first.path, ...(entry.errcode === null ? {} : { errcode: first.errcode }) }).toEqual({
			path: `template_card.${entry.path}`,
			...documented,
		});
	});
});
