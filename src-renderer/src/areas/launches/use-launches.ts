import { useCallback, useEffect, useRef, useState } from 'react';
import type { LevqorError } from '../../../../shared/contract';
import type { Checklist, CompileResult, ProductSummary } from '../../../../shared/contract/products';
import { getApi } from '../../api/client';
import { toLevqorError } from '../../api/to-levqor-error';
import { useLiveResource } from '../../hooks/use-live-resource';

export interface ProductsState {
  status: 'loading' | 'ready' | 'error';
  productsDir: string | undefined;
  products: ProductSummary[];
  error: LevqorError | undefined;
}

/** Every product in the products folder, kept fresh by the products.* events (the CLI, other windows). */
const loadProducts = () => getApi().products.list({});
const productEvents = ['products.changed', 'products.compiled', 'products.uploadChanged'] as const;

export function useProducts() {
  const { status, data, error, reload } = useLiveResource(loadProducts, productEvents);
  const state: ProductsState = { status, productsDir: data?.productsDir, products: data?.products ?? [], error };
  return { ...state, reload };
}

export interface Progress {
  phase: 'zip' | 'upload';
  bytesDone: number;
  bytesTotal: number;
}

export interface CompileState {
  running: boolean;
  cancelling: boolean;
  progress: Partial<Record<Progress['phase'], Progress>>;
  result: CompileResult | undefined;
  error: LevqorError | undefined;
}

const idle: CompileState = { running: false, cancelling: false, progress: {}, result: undefined, error: undefined };

/** One product's compile: the call, its products.progress events, and cancel. */
export function useCompile(slug: string) {
  const [state, setState] = useState<CompileState>(idle);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    setState(idle);
    const off = getApi().on('products.progress', (p) => {
      if (p.slug !== slug || !live.current) return;
      setState((s) => ({ ...s, progress: { ...s.progress, [p.phase]: { phase: p.phase, bytesDone: p.bytesDone, bytesTotal: p.bytesTotal } } }));
    });
    return () => {
      live.current = false;
      off();
    };
  }, [slug]);

  const compile = useCallback(
    async (upload: boolean) => {
      setState({ ...idle, running: true });
      try {
        const result = await getApi().products.compile({ slug, upload });
        if (live.current) setState((s) => ({ ...s, running: false, cancelling: false, result }));
      } catch (err) {
        if (live.current) setState((s) => ({ ...s, running: false, cancelling: false, error: toLevqorError(err) }));
      }
    },
    [slug],
  );

  const cancel = useCallback(async () => {
    setState((s) => ({ ...s, cancelling: true }));
    try {
      await getApi().products.cancel({ slug });
    } catch (err) {
      if (live.current) setState((s) => ({ ...s, cancelling: false, error: toLevqorError(err) }));
    }
  }, [slug]);

  return { ...state, compile, cancel };
}

/** The asset checklist of one product; reloaded after each compile of it. */
export function useChecklist(slug: string) {
  const [checklist, setChecklist] = useState<Checklist | undefined>(undefined);
  const [error, setError] = useState<LevqorError | undefined>(undefined);
  const reload = useCallback(async () => {
    try {
      setChecklist(await getApi().products.checklist({ slug }));
      setError(undefined);
    } catch (err) {
      setError(toLevqorError(err));
    }
  }, [slug]);

  useEffect(() => {
    setChecklist(undefined);
    void reload();
    const api = getApi();
    const offs = [
      api.on('products.compiled', (r) => r.slug === slug && void reload()),
      api.on('products.changed', (c) => c.slug === slug && void reload()),
      api.on('products.uploadChanged', (u) => u.slug === slug && void reload()),
    ];
    return () => offs.forEach((off) => off());
  }, [slug, reload]);

  return { checklist, error, reload };
}
