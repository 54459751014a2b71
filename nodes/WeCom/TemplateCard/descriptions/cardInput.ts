import type { INodeProperties } from 'n8n-workflow';

import type { CardVariant } from '../../shared/card';
import { cardFormFields } from './cardForm';

const JSON_EXAMPLE = `{
  "card_type": "text_notice",
  "main_title": { "title": "Deploy finished", "desc": "production" },
  "horizontal_content_list": [{ "keyname": "Version", "value": "1.4.2" }],
  "card_action": { "type": 1, "url": "https://example.com" }
}`;

/** Card from the form or from JSON (pasted, or built by an expression); both are checked alike. */
export function cardInputFields(variant: CardVariant): INodeProperties[] {
	return [
		{
			displayName: 'Card Input',
			name: 'cardInput',
			type: 'options',
			noDataExpression: true,
			default: 'form',
			options: [
				{ name: 'Form', value: 'form', description: 'Build the card field by field' },
				{
					name: 'JSON',
					value: 'json',
					description: 'Paste the whole template_card object, or use an expression',
				},
			],
		},
		...cardFormFields(variant).map((field) => ({
			...field,
			displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, cardInput: ['form'] } },
		})),
		{
			displayName: 'Template Card (JSON)',
			name: 'cardJson',
			type: 'json',
			default: JSON_EXAMPLE,
			description: 'The template_card object as WeCom documents it; it is checked before sending',
			displayOptions: { show: { cardInput: ['json'] } },
		},
	];
}
