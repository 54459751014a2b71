import type { IDataObject } from 'n8n-workflow';

import { FORM_DEFAULTS, type FormGroup } from '../../descriptions/card/layout';
import { disableIn, entries, entry, isTrue, selector, type CardForm, type FormBlock } from './formValues';

/** The blocks a user answers: dropdowns, buttons, choices, the submit button. Never on robot cards. */

function shows(form: CardForm, group: FormGroup): boolean {
	return form.variant !== 'robot' && form.has(group);
}

/** One dropdown, the same in button_selection and in each select_list entry (descriptions/card/dropdown.ts). */
function dropdown(form: CardForm, values: IDataObject): IDataObject {
	return {
		question_key: values.question_key,
		title: values.title,
		option_list: entries(values.option_list, 'options').map((option) => ({ id: option.id, text: option.text })),
		selected_id: values.selected_id,
		disable: disableIn(form, () => values.disable),
	};
}

const buttonSelection: FormBlock = {
	field: 'button_selection',
	label: 'Dropdown',
	map: (form) => {
		const values = shows(form, 'buttons') ? entry(form.param('buttonSelection', {}), 'selection') : undefined;
		return values && dropdown(form, values);
	},
};

/** Each button keeps only the target of its type: a callback key or a URL. */
const buttonList: FormBlock = {
	field: 'button_list',
	label: 'Buttons',
	map: (form) => {
		if (!shows(form, 'buttons')) return undefined;
		return entries(form.param('buttonList', {}), 'buttons').map((button) => {
			const buttonType = selector(button.type, FORM_DEFAULTS.buttonType);
			return {
				type: buttonType,
				text: button.text,
				style: selector(button.style, FORM_DEFAULTS.buttonStyle),
				key: buttonType === 0 ? button.key : undefined,
				url: buttonType === 1 ? button.url : undefined,
			};
		});
	},
};

/** The block is the vote card, so its fields are top-level form fields; `is_checked` is always a boolean. */
const checkbox: FormBlock = {
	field: 'checkbox',
	label: 'Choices',
	partLabels: { question_key: 'Question Key', mode: 'Choice Mode', option_list: 'Choices', disable: 'Disable' },
	map: (form) => {
		if (!shows(form, 'checkbox')) return undefined;
		return {
			question_key: form.param('checkboxQuestionKey', ''),
			option_list: entries(form.param('checkboxOptions', {}), 'options').map((option) => ({
				id: option.id,
				text: option.text,
				is_checked: isTrue(option.is_checked),
			})),
			mode: selector(form.param('checkboxMode', FORM_DEFAULTS.checkboxMode), FORM_DEFAULTS.checkboxMode),
			disable: disableIn(form, () => form.param('checkboxDisable', false)),
		};
	},
};

const selectList: FormBlock = {
	field: 'select_list',
	label: 'Dropdowns',
	map: (form) => {
		if (!shows(form, 'selectList')) return undefined;
		return entries(form.param('selectList', {}), 'selects').map((values) => dropdown(form, values));
	},
};

const submitButton: FormBlock = {
	field: 'submit_button',
	label: 'Submit Button Text',
	partLabels: { text: 'Submit Button Text', key: 'Submit Button Key' },
	map: (form) => {
		if (!shows(form, 'submitButton')) return undefined;
		return { text: form.param('submitButtonText', ''), key: form.param('submitButtonKey', '') };
	},
};

const replaceText: FormBlock = {
	field: 'replace_text',
	label: 'Replace Text',
	map: (form) => (form.variant === 'update' && shows(form, 'replaceText') ? form.param('replaceText', '') : undefined),
};

export const interactionBlocks: readonly FormBlock[] = [
	buttonSelection,
	buttonList,
	checkbox,
	selectList,
	submitButton,
	replaceText,
];
