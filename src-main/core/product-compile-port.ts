/**
 * A product's compile as the step product.compile reaches it: createCore hands this port over
 * (made from the products service), so the engine never imports the products capability.
 */
export interface ProductCompilePort {
  /** Compiles the product's archive and site files on this machine (no Drive upload); what was made. */
  compile(slug: string, signal: AbortSignal): Promise<Record<string, unknown>>;
}
