import { getApprovalFormFields } from './approvalForm';
import { searchApprovalTemplates } from './approvalTemplates';
import { searchDepartments, searchTags, searchUsers } from './contacts';

/** The node's editor lists (INodeType.methods.listSearch): directory pickers and approval templates. */
export const listSearch = { searchUsers, searchDepartments, searchTags, searchApprovalTemplates };

/** Forms the editor builds from WeCom (INodeType.methods.resourceMapping). */
export const resourceMapping = { getApprovalFormFields };
