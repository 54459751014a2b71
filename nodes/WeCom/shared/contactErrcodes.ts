/**
 * Errcodes of the contact reads (通讯录): user lookup by mobile or e-mail, members, departments,
 * tags. Meanings from WeCom's global errcode page (https://developer.work.weixin.qq.com/document/path/90313).
 */
export const CONTACT_ERRCODE = {
	userNotFound: 46004,
	invalidMobile: 60103,
	invalidEmail: 60105,
} as const;

/** Wrong inputs to the lookups count against a limit: past 20% of the corp's headcount, a day's block. */
const LOOKUP_BLOCK =
	'Wrong mobiles and e-mails count: more failed lookups than 20% of the headcount blocks user lookups for a day (https://developer.work.weixin.qq.com/document/path/95402).';

/** Entries of errorCodes.ts's table (spread into it); every one is a wrong input, retrying cannot help. */
export const CONTACT_ERRCODES: Readonly<Record<number, { meaning: string; hint: string; handling: 'input' }>> = {
	41017: { meaning: 'Missing tagid', hint: 'Give a tag ID.', handling: 'input' },
	40068: {
		meaning: 'Invalid tag ID',
		hint: 'The tag does not exist; pick it from the list or check Contacts > Tags.',
		handling: 'input',
	},
	[CONTACT_ERRCODE.userNotFound]: {
		meaning: 'User not found',
		hint: `The mobile or e-mail is not in the address book, or the member is outside the app's visible range (Applications > your app > Visible to). ${LOOKUP_BLOCK}`,
		handling: 'input',
	},
	60003: { meaning: 'Department not found', hint: 'Check the department ID (Contacts).', handling: 'input' },
	[CONTACT_ERRCODE.invalidMobile]: {
		meaning: 'Invalid mobile number',
		hint: `At most 32 characters: digits, + and - only. ${LOOKUP_BLOCK}`,
		handling: 'input',
	},
	[CONTACT_ERRCODE.invalidEmail]: {
		meaning: 'Invalid e-mail address',
		hint: `At most 64 characters, a valid e-mail address. ${LOOKUP_BLOCK}`,
		handling: 'input',
	},
	60111: {
		meaning: 'UserID not found',
		hint: "The member left, was deleted, or is outside the app's visible range.",
		handling: 'input',
	},
	60123: { meaning: 'Invalid department ID', hint: 'Department IDs are whole numbers.', handling: 'input' },
};
