import { searchDepartments, searchTags, searchUsers } from './contacts';

/** The node's editor lists (INodeType.methods.listSearch). */
export const listSearch = { searchUsers, searchDepartments, searchTags };
