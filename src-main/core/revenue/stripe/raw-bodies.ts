import Stripe from 'stripe';

type HttpClient = ReturnType<typeof Stripe.createNodeHttpClient>;
type Response = Awaited<ReturnType<HttpClient['makeRequest']>>;
/** The step of the Node client's response that turns the body's text into JSON (stripe/esm/net/HttpClient.js). */
type Parsing = { _parseResponseBody?: (body: string) => unknown };

const bodies = new WeakMap<object, string>();

/**
 * The text Stripe answered with, for a response object the client returned (a list page):
 * exactly as sent, before the client turned decimal strings into `Decimal` objects. Undefined
 * when the client did not parse it through the step this hooks (another version of `stripe`).
 */
export function rawBodyOf(answer: object): string | undefined {
  return bodies.get(answer);
}

/**
 * The official Node HTTP client, remembering each answer's text beside the object parsed from
 * it: a full pass hands that text to its store thread instead of serialising the page again.
 * Holds nothing once the object is gone (a WeakMap).
 */
export function httpClientKeepingBodies(): HttpClient {
  const inner = Stripe.createNodeHttpClient();
  return {
    getClientName: () => inner.getClientName(),
    makeRequest: async (...args: Parameters<HttpClient['makeRequest']>): Promise<Response> => {
      const response = (await inner.makeRequest(...args)) as Response & Parsing;
      const parse = response._parseResponseBody;
      if (typeof parse === 'function') {
        response._parseResponseBody = (body: string) => {
          const parsed = parse.call(response, body);
          if (parsed && typeof parsed === 'object') bodies.set(parsed, body);
          return parsed;
        };
      }
      return response;
    },
  };
}
