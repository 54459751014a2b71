/**
 * Small valid template cards of every type, for sandbox tests and demos. Only data: whether they
 * are valid is decided by the shared card schema (the sandbox tests check that they pass).
 */

export function sampleTextNotice(): Record<string, unknown> {
	return {
		card_type: 'text_notice',
		main_title: { title: 'Build finished', desc: 'main branch' },
		sub_title_text: 'All 42 checks passed.',
		card_action: { type: 1, url: 'https://example.com/builds/1' },
	};
}

export function sampleTextNoticeWithMenu(taskId: string): Record<string, unknown> {
	return {
		...sampleTextNotice(),
		task_id: taskId,
		action_menu: { desc: 'More', action_list: [{ text: 'Mute', key: 'mute' }] },
	};
}

export function sampleNewsNotice(): Record<string, unknown> {
	return {
		card_type: 'news_notice',
		main_title: { title: 'Release notes' },
		card_image: { url: 'https://example.com/cover.png', aspect_ratio: 1.3 },
		card_action: { type: 1, url: 'https://example.com/releases/1' },
	};
}

export function sampleButtonInteraction(taskId: string): Record<string, unknown> {
	return {
		card_type: 'button_interaction',
		task_id: taskId,
		main_title: { title: 'Approve the expense?' },
		button_list: [
			{ text: 'Approve', style: 1, key: 'approve' },
			{ text: 'Reject', style: 2, key: 'reject' },
		],
	};
}

export function sampleVoteInteraction(taskId: string): Record<string, unknown> {
	return {
		card_type: 'vote_interaction',
		task_id: taskId,
		main_title: { title: 'Lunch?' },
		checkbox: {
			question_key: 'lunch',
			mode: 0,
			option_list: [
				{ id: 'noodles', text: 'Noodles', is_checked: false },
				{ id: 'rice', text: 'Rice', is_checked: false },
			],
		},
		submit_button: { text: 'Vote', key: 'vote' },
	};
}

export function sampleMultipleInteraction(taskId: string): Record<string, unknown> {
	return {
		card_type: 'multiple_interaction',
		task_id: taskId,
		main_title: { title: 'Pick a slot' },
		select_list: [
			{
				question_key: 'day',
				title: 'Day',
				option_list: [
					{ id: 'mon', text: 'Monday' },
					{ id: 'tue', text: 'Tuesday' },
				],
			},
		],
		submit_button: { text: 'Submit', key: 'submit' },
	};
}
