import type { INodeProperties } from 'n8n-workflow';

import { recipientPickerField } from './recipientPicker';

const listHint = 'separated by |, commas or new lines, or an expression returning an array';

/** Who gets an app message (touser / toparty / totag, or @all). */
export const recipientFields: INodeProperties[] = [
	{
		displayName: 'Send to All Members',
		name: 'toAll',
		type: 'boolean',
		default: false,
		description: "Whether to send to everyone in the app's visible range (@all)",
	},
	{
		displayName: 'Users',
		name: 'toUser',
		type: 'string',
		default: '',
		placeholder: 'zhangsan|lisi',
		description: `Member userids, ${listHint}. An entry mobile:+8613800000000 or email:name@company.com is looked up once per execution and replaced by the member's userid; one that finds nobody is reported in invaliduser. More than 1,000 are sent in several calls. "@all" is refused here: use Send to All Members.`,
		displayOptions: { show: { toAll: [false] } },
	},
	{
		displayName: 'Departments',
		name: 'toParty',
		type: 'string',
		default: '',
		placeholder: '1|2',
		description: `Numeric department IDs, ${listHint}. More than 100 are sent in several calls.`,
		displayOptions: { show: { toAll: [false] } },
	},
	{
		displayName: 'Tags',
		name: 'toTag',
		type: 'string',
		default: '',
		description: `Numeric tag IDs, ${listHint}. More than 100 are sent in several calls.`,
		displayOptions: { show: { toAll: [false] } },
	},
	recipientPickerField,
];
