import { dataRequestFormSchema, dfyRequestFormSchema, leadFormSchema } from '../../../../../../shared/site-forms';
import { handleFormPost } from '../../../../lib/forms/form-post';
import { insertDfyRequest, insertLead, insertSubjectRequest } from '../../../../lib/forms/form-rows';

export const dynamic = 'force-dynamic';

/** POST /api/forms/lead, /api/forms/dfy, /api/forms/data-request: each form's schema and row. */
const forms = {
  lead: (request: Request) => handleFormPost(request, leadFormSchema, insertLead, 'a lead'),
  dfy: (request: Request) => handleFormPost(request, dfyRequestFormSchema, insertDfyRequest, 'a DFY request'),
  'data-request': (request: Request) => handleFormPost(request, dataRequestFormSchema, insertSubjectRequest, 'a data request'),
} as const;

export async function POST(request: Request, { params }: { params: Promise<{ form: string }> }): Promise<Response> {
  const { form } = await params;
  const post = Object.hasOwn(forms, form) ? forms[form as keyof typeof forms] : undefined;
  return post ? post(request) : Response.json({ ok: false, errors: [{ field: 'form', code: 'invalid' }] }, { status: 404 });
}
