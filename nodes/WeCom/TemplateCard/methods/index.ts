/** What the editor loads from WeCom: pickers (listSearch) and forms (resourceMapping). */
export { getApprovalFormFields } from './approvalForm';
export { searchApprovalTemplates } from './approvalTemplates';
