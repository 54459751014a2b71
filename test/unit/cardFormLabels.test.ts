/**
 * The form labels an invalid form card is reported with (formLabelOf), and the dropdown that
 * button_selection and select_list share. Labels are written here as the user reads them in the
 * form; the test also checks that the form really shows a field of that name.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CardVariant } from '../../nodes/WeCom/shared/card';
import { cardFormFields } from '../../nodes/WeCom/TemplateCard/descriptions/cardForm';
import { cardFromForm, formLabelOf } from '../../nodes/WeCom/TemplateCard/helpers/cardFromForm';
import { BLOCK_TABLES } from '../conformance/docBlocks';

/** Every displayName of the form of `variant`, nested fields included. */
function displayNames(variant: CardVariant): Set<string> {
	const names = new Set<string>();
	const walk = (fields: INodeProperties[]) => {
		for (const field of fields) {
			names.add(field.displayName);
			for (const option of field.options ?? []) {
				if ('values' in option) walk(option.values);
				else if ('type' in option) walk([option as INodeProperties]);
			}
		}
	};
	walk(cardFormFields(variant));
	return names;
}

function valuesOf(variant: CardVariant, name: string): INodeProperties[] {
	const field = cardFormFields(variant).find((each) => each.name === name);
	const [entry] = field?.options ?? [];
	if (!entry || !('values' in entry)) throw new Error(`${name} is not a fixedCollection`);
	return entry.values;
}

describe('formLabelOf', () => {
	it.each([
		['template_card.jump_list', 'Jump Links'],
		['template_card.jump_list[3].url', 'Jump Links[3].url'],
		['template_card.card_type', 'Card Type'],
		['template_card.task_id', 'Task ID'],
		['template_card.main_title', 'Title'],
		['template_card.main_title.title', 'Title'],
		['template_card.main_title.desc', 'Title Description'],
		['template_card.sub_title_text', 'Body Text'],
		['template_card.card_action.url', 'Card Click Opens.url'],
		['template_card.source.icon_url', 'Source.icon_url'],
		['template_card.action_menu.action_list[0].key', 'Action Menu.action_list[0].key'],
		['template_card.horizontal_content_list[0].keyname', 'Key/Value Rows[0].keyname'],
		['template_card.button_selection.option_list[1].id', 'Dropdown.option_list[1].id'],
		['template_card.select_list[2].question_key', 'Dropdowns[2].question_key'],
		['template_card.checkbox.question_key', 'Question Key'],
		['template_card.checkbox.mode', 'Choice Mode'],
		['template_card.checkbox.option_list[1].id', 'Choices[1].id'],
		['template_card.checkbox.disable', 'Disable'],
		['template_card.submit_button.text', 'Submit Button Text'],
		['template_card.submit_button.key', 'Submit Button Key'],
		['template_card.replace_text', 'Replace Text'],
	])('%s → %s', (path, label) => {
		expect(formLabelOf(path)).toBe(label);
	});

	it('has no label for the card itself or a field the form does not fill', () => {
		expect(formLabelOf('template_card')).toBeUndefined();
		expect(formLabelOf('template_card.markdown')).toBeUndefined();
	});

	it.each(['send', 'update', 'robot'] as const)(
		'%s: names every block WeCom documents by a field the form shows',
		(variant) => {
			const shown = displayNames(variant);
			const blocks = [
				...new Set(BLOCK_TABLES.filter((table) => table.variant === variant).flatMap((table) => table.blocks)),
			];
			const parts = ['main_title.title', 'main_title.desc', 'submit_button.text', 'submit_button.key'];
			const checkboxParts = ['checkbox.question_key', 'checkbox.mode', 'checkbox.option_list'];
			const paths = [...blocks, ...(variant === 'robot' ? parts.slice(0, 2) : [...parts, ...checkboxParts])];
			if (variant === 'update') paths.push('checkbox.disable');
			const unnamed = paths.filter((path) => {
				const label = formLabelOf(`template_card.${path}`);
				return label === undefined || !shown.has(label);
			});
			expect(unnamed).toEqual([]);
		},
	);
});

describe('the dropdown', () => {
	it('is one set of fields in button_selection and in each select_list entry', () => {
		for (const variant of ['send', 'update'] as const) {
			const selection = valuesOf(variant, 'buttonSelection');
			const select = valuesOf(variant, 'selectList');
			const withoutTitleHint = (fields: INodeProperties[]) =>
				fields.map((field) => (field.name === 'title' ? { ...field, description: '' } : field));
			expect(withoutTitleHint(selection)).toEqual(withoutTitleHint(select));
			expect(selection.find((field) => field.name === 'title')?.description).toBe('Label left of the dropdown (title)');
			expect(select.find((field) => field.name === 'title')?.description).toBe('Label above the dropdown (title)');
		}
	});

	it('maps to the same WeCom object in both places', () => {
		const dropdown = {
			question_key: 'room',
			title: 'Room',
			option_list: { options: [{ id: 'a', text: 'Room A' }] },
			selected_id: 'a',
			disable: true,
		};
		const params: IDataObject = { buttonSelection: { selection: dropdown }, selectList: { selects: [dropdown] } };
		let cardType = 'button_interaction';
		const getNodeParameter = ((name: string, _item: number, fallback: unknown) =>
			name === 'cardType' ? cardType : (params[name] ?? fallback)) as IExecuteFunctions['getNodeParameter'];
		const buttons = cardFromForm({ getNodeParameter }, 0, 'update');
		cardType = 'multiple_interaction';
		const multiple = cardFromForm({ getNodeParameter }, 0, 'update');

		const expected = {
			question_key: 'room',
			title: 'Room',
			option_list: [{ id: 'a', text: 'Room A' }],
			selected_id: 'a',
			disable: true,
		};
		expect(buttons.button_selection).toStrictEqual(expected);
		expect(multiple.select_list).toStrictEqual([expected]);
	});
});
