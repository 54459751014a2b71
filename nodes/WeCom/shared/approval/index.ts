/** WeCom approvals (审批): the rules and readings shared by the node, the trigger and the sandbox. */
export { checkApplication, checkTemplate, controlTitle, formatApplyIssue, type ApplyIssue } from './check';
export { applyFiles, type ApplyFile } from './files';
export { approvalOutput, langText, readableFields, type ReadableFields } from './fields';
export * from './limits';
export * from './types';
export { tableDepthAllowed, tableNestingIssue, templateNestingIssue } from './nesting';
