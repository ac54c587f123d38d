/** What a payment link is made for: a DFY package's current price, or a Stripe price by id. */
export interface PaymentLinkRequest {
  /** A DFY package's id (its current price is used). */
  packageId?: string | undefined;
  /** A Stripe price id (price_…), when no package is named. */
  priceId?: string | undefined;
  quantity: number;
}

/** The call that will be made, with its form fields as sent. */
export interface PaymentLinkPreview {
  method: 'POST';
  path: string;
  form: Record<string, string>;
  packageId: string | null;
  priceId: string;
}

export interface CreatedPaymentLink {
  paymentLinkId: string;
  url: string;
  priceId: string;
  packageId: string | null;
}

/**
 * Payment links as other capabilities make them (the workflow step stripe.paymentLink):
 * createCore hands this port over, so the engine never imports the revenue capability. Bad
 * input throws a BAD_INPUT CoreError naming the field; an unknown package NOT_FOUND.
 */
export interface PaymentLinkPort {
  preview(request: PaymentLinkRequest): PaymentLinkPreview;
  /** Creates the link once per key: the same key again answers with the same link. */
  create(request: PaymentLinkRequest, idempotencyKey: string, signal?: AbortSignal): Promise<CreatedPaymentLink>;
}
