import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { EMAIL_TYPE, emailTypeOf, isEmail, isMobile, normalizedMobile } from '../../../shared/contactLookup';
import { emailTypeField } from '../../descriptions/contacts';
import { describeLookup, findUserid, type UserLookup } from '../../transport/contacts';
import { showFor } from '../node.type';

const byMobile = { show: { findBy: ['mobile'] } };
const byEmail = { show: { findBy: ['email'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		default: 'mobile',
		options: [
			{ name: 'Mobile', value: 'mobile' },
			{ name: 'E-Mail', value: 'email' },
		],
	},
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+86 13800000000',
		description: 'The mobile number as in the address book: digits, + and - (spaces are removed)',
		displayOptions: byMobile,
	},
	{
		displayName: 'E-Mail',
		name: 'email',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'name@company.com',
		displayOptions: byEmail,
	},
	{ ...emailTypeField, displayOptions: byEmail },
];

export const description = updateDisplayOptions(showFor('contact', 'findUser'), properties);

/**
 * The member's userid for a mobile (user/getuserid, https://developer.work.weixin.qq.com/document/path/95402)
 * or an e-mail (user/get_userid_by_email, https://developer.work.weixin.qq.com/document/path/95895).
 * A malformed value is refused before asking: wrong lookups count toward WeCom's daily block.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const lookup = readLookup(this, itemIndex);
	const userid = await findUserid(this, itemIndex, lookup);
	if (userid === undefined) {
		throw new NodeApiError(this.getNode(), { errcode: 0 } as JsonObject, {
			message: `WeCom answered errcode 0 without a userid for ${describeLookup(lookup)}`,
			description:
				"WeCom's answer names no member (no userid, or one WeCom does not allow such as @all), so there is no userid to output. Check the API Base URL of the credential: a proxy in between may change WeCom's answers.",
			itemIndex,
		});
	}
	return 'mobile' in lookup
		? { userid, mobile: lookup.mobile }
		: { userid, email: lookup.email, email_type: lookup.emailType };
}

function readLookup(ctx: IExecuteFunctions, itemIndex: number): UserLookup {
	const text = (name: string) => String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (ctx.getNodeParameter('findBy', itemIndex) === 'mobile') {
		const mobile = normalizedMobile(text('mobile'));
		if (!isMobile(mobile)) throw invalid(ctx, itemIndex, 'Mobile', mobile, '5 to 32 characters: digits, + and -');
		return { mobile };
	}
	const email = text('email');
	if (!isEmail(email)) throw invalid(ctx, itemIndex, 'E-Mail', email, 'an e-mail address of at most 64 characters');
	const emailType = emailTypeOf(ctx.getNodeParameter('emailType', itemIndex, EMAIL_TYPE.corporate));
	if (emailType === undefined) {
		throw invalid(
			ctx,
			itemIndex,
			emailTypeField.displayName,
			String(ctx.getNodeParameter('emailType', itemIndex)),
			`${EMAIL_TYPE.corporate} (corporate e-mail) or ${EMAIL_TYPE.personal} (personal e-mail)`,
		);
	}
	return { email, emailType };
}

function invalid(ctx: IExecuteFunctions, itemIndex: number, field: string, value: string, rule: string) {
	return new NodeOperationError(ctx.getNode(), `${field} "${value}" is not valid: ${rule}`, {
		itemIndex,
		description:
			'Nothing was sent to WeCom: wrong lookups count, and more of them than 20% of the headcount block user lookups for a day.',
	});
}
