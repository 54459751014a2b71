import type { INodeProperties } from 'n8n-workflow';

/** A picker: from a searchable list (methods/contacts.ts), or an ID typed or given by an expression. */
function picker(displayName: string, name: string, searchListMethod: string, idHint: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true, searchFilterRequired: false },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: idHint },
		],
	};
}

/** Recipients picked from the address book, added to Users, Departments and Tags. */
export const recipientPickerField: INodeProperties = {
	displayName: 'Pick From Directory',
	name: 'picked',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Pick a User, Department or Tag',
	default: {},
	description:
		"Members, departments and tags of the app's visible range, chosen from lists; sent together with the fields above",
	displayOptions: { show: { toAll: [false] } },
	options: [
		{
			displayName: 'Department',
			name: 'departments',
			values: [picker('Department', 'department', 'searchDepartments', '2')],
		},
		{ displayName: 'Tag', name: 'tags', values: [picker('Tag', 'tag', 'searchTags', '1')] },
		{ displayName: 'User', name: 'users', values: [picker('User', 'user', 'searchUsers', 'zhangsan')] },
	],
};
