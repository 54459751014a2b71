import type { INodeProperties } from 'n8n-workflow';

import { EMAIL_TYPE } from '../../shared/contactLookup';

/** get_userid_by_email's email_type (https://developer.work.weixin.qq.com/document/path/95895). */
export const emailTypeField: INodeProperties = {
	displayName: 'E-Mail Type',
	name: 'emailType',
	type: 'options',
	// EMAIL_TYPE.corporate, written out for the linter.
	default: 1,
	options: [
		{ name: 'Corporate E-Mail', value: EMAIL_TYPE.corporate },
		{ name: 'Personal E-Mail', value: EMAIL_TYPE.personal },
	],
	description: "Which of the member's addresses the e-mail is",
};
