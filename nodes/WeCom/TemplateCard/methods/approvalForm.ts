import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { formFieldsOf } from '../actions/approval/form';
import { fetchApprovalTemplate } from '../transport/approvals';

/** Submit Approval's form: the chosen template's controls (gettemplatedetail), by title. */
export async function getApprovalFormFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const templateId = String(this.getNodeParameter('templateId', '', { extractValue: true }) ?? '').trim();
	if (!templateId) return { fields: [], emptyFieldsNotice: 'Choose a template first' };
	const template = await fetchApprovalTemplate(this, 0, templateId);
	return { fields: formFieldsOf(template.template_content.controls) };
}
