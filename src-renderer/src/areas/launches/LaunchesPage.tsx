import { useState } from 'react';
import type { ProductDetail as Detail } from '../../../../shared/contract/products';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProductDetail } from './ProductDetail';
import { ProductForm } from './ProductForm';
import { ProductTable } from './ProductTable';
import { emptyForm, formFromSpec, type ProductFormValues } from './product-form';
import { useProducts } from './use-launches';
import './launches.css';

type Editor = { mode: 'create'; initial: ProductFormValues } | { mode: 'edit'; initial: ProductFormValues } | undefined;

/** Launches: draft product specs offline, compile them, and work through the launch checklist. */
export default function LaunchesPage() {
  const products = useProducts();
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [editor, setEditor] = useState<Editor>(undefined);
  const [sending, setSending] = useState(false);
  const current = products.products.find((p) => p.slug === (selected ?? products.products[0]?.slug));
  const waiting = products.products.filter((p) => p.upload?.status === 'queued').length;

  const saved = (slug: string) => {
    setEditor(undefined);
    setSelected(slug);
    void products.reload();
  };
  const edit = (detail: Detail) => setEditor({ mode: 'edit', initial: formFromSpec(detail.spec) });
  const sendNow = async () => {
    setSending(true);
    try {
      await getApi().products.sendUploads({});
    } catch {
      // the upload records carry the reason; the list reloads on uploadChanged
    } finally {
      setSending(false);
      void products.reload();
    }
  };

  return (
    <div className="stack lx">
      <section className="card section" aria-labelledby="products-title">
        <div className="section-head lx-head">
          <div className="section__head">
            <h2 id="products-title">Products</h2>
            <p className="muted">
              {products.productsDir ? (
                <>
                  Specs and content folders in <code>{products.productsDir}</code>
                </>
              ) : (
                'Specs and their content folders'
              )}
            </p>
          </div>
          <div className="actions lx-head__actions">
            {waiting > 0 ? (
              <button type="button" className="button button--ghost" disabled={sending} onClick={() => void sendNow()}>
                {sending ? 'Sending…' : `Send ${waiting} waiting upload${waiting === 1 ? '' : 's'} now`}
              </button>
            ) : null}
            <button type="button" className="button button--primary" disabled={editor?.mode === 'create'} onClick={() => setEditor({ mode: 'create', initial: emptyForm })}>
              New product
            </button>
          </div>
        </div>
        {products.status === 'loading' ? (
          <p className="muted" role="status">
            Reading the products folder…
          </p>
        ) : null}
        <ErrorNotice message={products.error} onRetry={() => void products.reload()} inline />
        {products.status === 'ready' && products.products.length === 0 ? (
          <div className="empty empty--center lx-empty" data-testid="launches-empty">
            <span className="lx-empty__mark" aria-hidden="true" />
            <p className="lx-empty__title">No products yet — create your first</p>
            <p className="muted">
              A product is a spec (name, price, description, tags) and a folder of files. Compile turns it into a ZIP, a Drive link, the
              site config and the Omega asset folders.
            </p>
            {!editor ? (
              <button type="button" className="button button--primary" onClick={() => setEditor({ mode: 'create', initial: emptyForm })}>
                Create a product
              </button>
            ) : null}
          </div>
        ) : null}
        {products.products.length > 0 ? <ProductTable products={products.products} selected={current?.slug} onSelect={setSelected} /> : null}
      </section>

      {editor ? (
        <ProductForm key={`${editor.mode}:${editor.initial.slug}`} mode={editor.mode} initial={editor.initial} onSaved={saved} onClose={() => setEditor(undefined)} />
      ) : null}

      {current && editor?.mode !== 'edit' ? <ProductDetail key={current.slug} summary={current} onEdit={edit} /> : null}
    </div>
  );
}
