import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { textField } from './card/fieldBuilders';
import { LINK_TYPE, NOTICE_CARD_ACTION_TYPES } from '../../shared/card';

/** WeCom's link `type` on clickable blocks. */
export const linkTypeOptions: INodePropertyOptions[] = [
	{ name: 'None', value: LINK_TYPE.none },
	{ name: 'URL', value: LINK_TYPE.url },
	{ name: 'Mini-Program', value: LINK_TYPE.miniProgram },
];

/** The options a notice's card_action takes: a tap on a notice must open something. */
export const linkTypeOptionsWithoutNone = linkTypeOptions.filter((option) =>
	(NOTICE_CARD_ACTION_TYPES as readonly unknown[]).includes(option.value),
);

interface LinkTargetOptions {
	/** Prepended to the field names (`cardAction` → `cardActionUrl`); without it: `url`, `appid`, `pagepath`. */
	prefix?: string;
	/** Further `show` conditions, e.g. the card types a top-level block is shown for. */
	show?: IDisplayOptions['show'];
}

/**
 * url / appid / pagepath, each shown only for its link type. Inside a collection entry the type
 * field is a sibling (`type`); at the top level it is a parameter such as `cardActionType`.
 */
export function linkTargetFields(typeField = 'type', options: LinkTargetOptions = {}): INodeProperties[] {
	const name = (key: string) => (options.prefix ? `${options.prefix}${key[0].toUpperCase()}${key.slice(1)}` : key);
	const showFor = (linkType: number) => ({ show: { ...options.show, [typeField]: [linkType] } });
	return [
		urlField(name('url'), showFor(LINK_TYPE.url)),
		textField(
			'Mini-Program App ID',
			name('appid'),
			'The appid of a mini-program associated with the WeCom app (appid)',
			{
				displayOptions: showFor(LINK_TYPE.miniProgram),
			},
		),
		textField(
			'Mini-Program Page Path',
			name('pagepath'),
			'Page of the mini-program to open; empty opens its home page (pagepath)',
			{ placeholder: 'pages/index?ID=1', displayOptions: showFor(LINK_TYPE.miniProgram) },
		),
	];
}

/** The link a tap opens: of a link block, a URL button or a URL row. */
export function urlField(name: string, displayOptions: IDisplayOptions): INodeProperties {
	return textField('URL', name, 'Link opened on tap', { placeholder: 'https://example.com/page', displayOptions });
}
