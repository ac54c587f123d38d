import type Stripe from 'stripe';
import { loadStripe } from './stripe-package';

type Response = Awaited<ReturnType<Stripe.HttpClient['makeRequest']>>;

/** Each GET answer's body text, by the object the client parsed it into, for as long as that object lives. */
const texts = new WeakMap<object, string>();

/**
 * The body text `parsed` was parsed from, if it was the answer to a GET (a page of a list):
 * a full pass stores each object's own slice of it instead of serialising the object again.
 */
export function responseText(parsed: object): string | undefined {
  return texts.get(parsed);
}

// built on first use, as its base class comes with the package (stripe-package.ts)
let textKeepingClass: (new () => Stripe.HttpClient) | undefined;

/**
 * Stripe's own Node HTTP client, its GET answers' text kept beside what they parse into. The
 * body is still read, parsed and its failures worded by Stripe's client (timeouts, a connection
 * lost mid-body, bad JSON).
 */
export function textKeepingHttpClient(): Stripe.HttpClient {
  textKeepingClass ??= textKeepingClassOf(loadStripe());
  return new textKeepingClass();
}

function textKeepingClassOf(stripe: typeof Stripe): new () => Stripe.HttpClient {
  return class TextKeepingHttpClient extends stripe.HttpClient {
    private readonly node = stripe.createNodeHttpClient();

    override getClientName(): string {
      return this.node.getClientName();
    }

    override async makeRequest(...args: Parameters<Stripe.HttpClient['makeRequest']>): Promise<Response> {
      const response = await this.node.makeRequest(...args);
      if (args[3] === 'GET') keepText(response);
      return response;
    }
  };
}

/**
 * `_parseResponseBody` is the step Stripe's responses give their subclasses to parse a body:
 * hooking it keeps the very string JSON.parse read (flattened once, not copied again), where a
 * second reader of the stream would build a second copy of every page.
 */
function keepText(response: Response): void {
  const hooked = response as unknown as { _parseResponseBody?: (body: string) => unknown };
  const parse = hooked._parseResponseBody;
  if (typeof parse !== 'function') return;
  hooked._parseResponseBody = (body: string) => {
    const json = parse.call(response, body);
    if (json && typeof json === 'object') texts.set(json, body);
    return json;
  };
}
