// ReCaptchaWebapiGraphQl's plugin on the resolvers (HARDENED.md §3): before a guarded field resolves,
// the form that covers it (ReCaptchaCustomer's WebapiConfigProvider) is checked with the model's rule.
// The 400 refusal becomes a `graphql-input` exception (200 with `data.<field>: null`); the failed call to
// Google is an unexpected error, masked as "Internal server error" (recorded rc-*-gql-* cases).
import { recaptchaRefusal, type RecaptchaForm } from '../model/recaptcha.js';
import { rethrownAs } from './graphql-errors.js';
import type { GraphQlContext } from './resolvers.js';

type Resolver<A, R> = (args: A, ctx: GraphQlContext) => R;

export function recaptchaGuarded<A, R>(form: RecaptchaForm, resolve: Resolver<A, R>): Resolver<A, R> {
  return (args, ctx) => {
    const refusal = recaptchaRefusal(ctx.state.config, form, { isIntegration: ctx.caller.kind === 'integration', response: ctx.recaptchaResponse });
    if (refusal === undefined) return resolve(args, ctx);
    throw refusal.status === 400 ? rethrownAs('graphql-input', refusal) : refusal;
  };
}
