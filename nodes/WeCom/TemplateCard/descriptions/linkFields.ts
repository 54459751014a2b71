import type { INodeProperties } from 'n8n-workflow';

/** WeCom's link `type`: 0 none, 1 URL, 2 mini-program. Shared by every clickable block. */
export const linkTypeOptions = [
	{ name: 'None', value: 0 },
	{ name: 'URL', value: 1 },
	{ name: 'Mini-Program', value: 2 },
];

/** url / appid / pagepath fields shown by link type, for use inside a collection entry. */
export function linkTargetFields(linkTypeField = 'type'): INodeProperties[] {
	return [
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/page',
			displayOptions: { show: { [linkTypeField]: [1] } },
		},
		{
			displayName: 'Mini-Program App ID',
			name: 'appid',
			type: 'string',
			default: '',
			description: 'The appid of a mini-program associated with the WeCom app',
			displayOptions: { show: { [linkTypeField]: [2] } },
		},
		{
			displayName: 'Mini-Program Page Path',
			name: 'pagepath',
			type: 'string',
			default: '',
			placeholder: 'pages/index?ID=1',
			displayOptions: { show: { [linkTypeField]: [2] } },
		},
	];
}
