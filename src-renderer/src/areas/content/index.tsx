import { useState } from 'react';
import type { ContentSet } from '../../../../shared/contract/content';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoad } from '../../hooks/use-load';
import { History } from './History';
import { SeedForm } from './SeedForm';
import { SetView } from './SetView';
import './content.css';

/**
 * Content: an idea seed → the six marketing assets for a product (docs/content.md). The open
 * set is edited in place, copied, exported into the product's content folder and scheduled;
 * below it, the product's history of sets.
 */
export default function ContentArea() {
  const products = useLoad(() => getApi().products.list({}), []);
  const engines = useLoad(() => getApi().content.engines({}), []);
  const [picked, setPicked] = useState('');
  const [open, setOpen] = useState<ContentSet | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const valid = products.data?.products.filter((p) => p.valid) ?? [];
  const product = valid.some((p) => p.slug === picked) ? picked : (valid[0]?.slug ?? '');

  return (
    <div className="content-page page-wide">
      <ErrorNotice message={products.error ?? engines.error} onRetry={() => { products.reload(); engines.reload(); }} />
      {products.data && valid.length === 0 ? (
        <p className="empty-panel">
          Content is written for a product, and there is no valid product yet. Create one in <a href="#/launches">Launches</a> first.
        </p>
      ) : null}
      {valid.length > 0 ? (
        <>
          <SeedForm
            products={valid}
            product={product}
            onProduct={(slug) => {
              setPicked(slug);
              setOpen(undefined);
            }}
            engines={engines.data?.engines}
            onGenerated={(set) => {
              setOpen(set);
              setVersion((v) => v + 1);
            }}
          />
          {open ? (
            <SetView
              set={open}
              onSaved={(set) => {
                setOpen(set);
                setVersion((v) => v + 1);
              }}
            />
          ) : null}
          <History product={product} version={version} openId={open?.id} onOpen={setOpen} />
        </>
      ) : null}
    </div>
  );
}
