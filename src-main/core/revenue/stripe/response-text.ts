import Stripe from 'stripe';

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

/**
 * Stripe's own Node HTTP client, its answers' text kept beside what they parse into. The body is
 * still read, parsed and its failures worded by Stripe's client (timeouts, a connection lost
 * mid-body, bad JSON): this one only listens to the same stream.
 */
export class TextKeepingHttpClient extends Stripe.HttpClient {
  private readonly node = Stripe.createNodeHttpClient();

  override getClientName(): string {
    return this.node.getClientName();
  }

  override async makeRequest(...args: Parameters<Stripe.HttpClient['makeRequest']>): Promise<Response> {
    const response = await this.node.makeRequest(...args);
    return args[3] === 'GET' ? new TextKeepingResponse(response) : response;
  }
}

class TextKeepingResponse extends Stripe.HttpClientResponse {
  constructor(private readonly node: Response) {
    super(node.getStatusCode(), node.getHeaders());
  }

  override getRawResponse(): unknown {
    return this.node.getRawResponse();
  }

  override toStream(streamCompleteCallback: () => void): unknown {
    return this.node.toStream(streamCompleteCallback);
  }

  override toJSON(): Promise<unknown> {
    // Stripe's toJSON sets the stream to utf8 and starts reading at once; a second listener added
    // in the same tick sees every chunk it sees, as strings
    const parsed = this.node.toJSON();
    const stream = this.node.getRawResponse() as NodeJS.ReadableStream;
    let text = '';
    stream.on('data', (chunk: string | Buffer) => {
      text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    });
    return parsed.then((json: unknown) => {
      if (json && typeof json === 'object') texts.set(json, text);
      return json;
    });
  }
}
