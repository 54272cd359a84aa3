import { errors, validateYupSchema, yup } from '@strapi/utils';
import type { Context } from 'koa';

type Action = (ctx: Context) => Promise<unknown>;

interface EmailPlugin {
  controllers: { email: Record<string, Action> };
}

const MAX_RECIPIENTS = 50;
const ADDRESS = /^[^\s@<>,;]+@[^\s@<>,;]+$/;

const addresses = (field: string) =>
  yup
    .mixed()
    .test(field, `${field} must be an e-mail address or a list of at most ${MAX_RECIPIENTS}`, (value) => {
      if (value === undefined) return true;
      const list = Array.isArray(value) ? value : [value];
      return list.length > 0 && list.length <= MAX_RECIPIENTS && list.every((item) => typeof item === 'string' && ADDRESS.test(item));
    });

/** `from` is left out on purpose: mail leaves with the server's own sender address. */
const sendBody = yup
  .object({
    to: addresses('to').required('to is required'),
    cc: addresses('cc'),
    bcc: addresses('bcc'),
    replyTo: addresses('replyTo'),
    subject: yup.string().required('subject is required').max(998),
    text: yup.string(),
    html: yup.string(),
  })
  .strict()
  .noUnknown(true, 'unknown field: ${unknown}')
  .test('content', 'text or html is required', (value) => Boolean(value?.text || value?.html));

/**
 * `POST /api/email` (callable with a full-access API token) hands its body to the mail
 * provider unchecked: a missing recipient or an object as `to` became a 500. Here the body
 * is validated (400 naming the problem), and a provider that cannot send answers 502.
 */
export default (plugin: EmailPlugin) => {
  const { send } = plugin.controllers.email;
  plugin.controllers.email.send = async (ctx: Context) => {
    await validateYupSchema(sendBody)(ctx.request.body ?? {});
    try {
      await send(ctx);
    } catch (error) {
      if (error instanceof errors.ApplicationError) throw error;
      strapi.log.warn(`[email] ${error instanceof Error ? error.message : String(error)}`);
      ctx.throw(502, 'The mail provider could not send this e-mail');
    }
  };
  return plugin;
};
