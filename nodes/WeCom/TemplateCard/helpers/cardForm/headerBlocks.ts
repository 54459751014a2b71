import { FORM_DEFAULTS } from '../../descriptions/card/layout';
import { entries, entry, selector, type FormBlock } from './formValues';

/** The blocks at the top of the card: its type, sender, menu, task ID and title. */

const cardType: FormBlock = {
	field: 'card_type',
	label: 'Card Type',
	map: (form) => form.param('cardType', FORM_DEFAULTS.cardType),
};

const source: FormBlock = {
	field: 'source',
	label: 'Source',
	map: (form) => {
		const values = entry(form.additionalBlocks.source, 'source');
		if (!values) return undefined;
		return {
			icon_url: values.icon_url,
			desc: values.desc,
			desc_color: form.has('sourceColor') ? selector(values.desc_color, FORM_DEFAULTS.descColor) : undefined,
		};
	},
};

const actionMenu: FormBlock = {
	field: 'action_menu',
	label: 'Action Menu',
	map: (form) => {
		const menu =
			form.variant !== 'robot' && form.has('actionMenu') ? entry(form.additionalBlocks.actionMenu, 'menu') : undefined;
		if (!menu) return undefined;
		return {
			desc: menu.desc,
			action_list: entries(menu.action_list, 'actions').map((item) => ({ text: item.text, key: item.key })),
		};
	},
};

const taskId: FormBlock = {
	field: 'task_id',
	label: 'Task ID',
	map: (form) => (form.variant === 'send' ? form.additionalBlocks.taskId : undefined),
};

const mainTitle: FormBlock = {
	field: 'main_title',
	label: 'Title',
	partLabels: { title: 'Title', desc: 'Title Description' },
	map: (form) => ({ title: form.param('title', ''), desc: form.param('titleDescription', '') }),
};

export const headerBlocks: readonly FormBlock[] = [cardType, source, actionMenu, taskId, mainTitle];
