import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact } from './compact';

/** Maps the card form (descriptions/cardForm.ts) into WeCom's template_card object. */
export function cardFromForm(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const param = <T>(name: string, fallback: T) => ctx.getNodeParameter(name, itemIndex, fallback) as T;
	const rows = (name: string) => param<{ items?: IDataObject[] }>(name, {}).items ?? [];

	const card: IDataObject = {
		card_type: param('cardType', 'text_notice'),
		main_title: { title: param('title', ''), desc: param('titleDescription', '') },
		sub_title_text: param('subTitleText', ''),
		horizontal_content_list: rows('horizontalContentList'),
		jump_list: rows('jumpList'),
		card_action: {
			type: param<number | undefined>('cardActionType', undefined),
			url: param('cardActionUrl', ''),
			appid: param('cardActionAppid', ''),
			pagepath: param('cardActionPagepath', ''),
		},
	};
	return compact(card) ?? {};
}
