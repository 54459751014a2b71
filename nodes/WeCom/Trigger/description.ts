import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_AGE_SECONDS } from './helpers/replayWindow';

/** Values of the Events filter; '*' = everything WeCom sends to the app. */
export const EVENT_FILTERS = {
	all: '*',
	cardClick: 'template_card_event',
	cardMenu: 'template_card_menu_event',
	approval: 'approval',
	message: 'message',
	otherEvent: 'otherEvent',
} as const;

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"In the WeCom admin console open App Management > your app > Receive Messages > Set API. Paste the <b>Production URL</b> shown above under Webhook URLs, and copy that page's Token and EncodingAESKey into this node's credential. Publish this workflow first: WeCom checks the URL when you save.",
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [EVENT_FILTERS.all],
		description: 'Which callbacks start the workflow. Others are acknowledged and dropped.',
		options: [
			{
				name: 'All Events',
				value: EVENT_FILTERS.all,
				description: 'Everything WeCom sends to this app',
			},
			{
				name: 'Approval Status Change',
				value: EVENT_FILTERS.approval,
				description: 'An approval changed state (sys_approval_change, open_approval_change)',
			},
			{
				name: 'Card Button Click or Submit',
				value: EVENT_FILTERS.cardClick,
				description: 'A button, vote or multiple-choice submit on a template card (template_card_event)',
			},
			{
				name: 'Card Menu Click',
				value: EVENT_FILTERS.cardMenu,
				description: "An item of a card's action menu (template_card_menu_event)",
			},
			{
				name: 'Message',
				value: EVENT_FILTERS.message,
				description: 'A message a member sent to the app (text, image, voice, video, location, link)',
			},
			{
				name: 'Other Event',
				value: EVENT_FILTERS.otherEvent,
				description: 'Any other event (enter_agent, location, contact changes...)',
			},
		],
	},
	{
		displayName: 'Include Approval Details',
		name: 'includeApprovalDetails',
		type: 'boolean',
		default: false,
		description:
			"Whether to read the application of each approval change (sys_approval_change) and add it as 'approval', with its form as readable fields, as Get Approval Detail returns it. Needs a WeCom API credential of an app allowed to call the approval API (Approval > API > apps that can call the API, 可调用接口的应用).",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Ignore Re-Sends',
				name: 'ignoreResends',
				type: 'boolean',
				default: true,
				description:
					'Whether to drop a callback whose message was already seen in the last 15 minutes (or twice Max Request Age, if longer). WeCom re-sends up to 3 times when an answer is late; distinct events in the same second all pass. Remembered per n8n process.',
			},
			{
				displayName: 'Max Request Age (Seconds)',
				name: 'maxAgeSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_MAX_AGE_SECONDS,
				description:
					"Refuse callbacks whose signed timestamp or the message's own CreateTime is further than this from now, so a captured callback cannot be replayed later. WeCom delivers within seconds. 0 = no limit (not recommended).",
			},
		],
	},
];
