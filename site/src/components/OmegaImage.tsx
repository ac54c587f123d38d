interface Props {
  /** The first of these whose PNG exists is shown; null entries are missing images. */
  candidates: ReadonlyArray<string | null>;
  alt: string;
  fallbackLabel: string;
  width: number;
  height: number;
  className?: string;
  priority?: boolean;
}

/**
 * An image from the product's Omega tree, or, when none of the candidates exists yet, a
 * brand-gradient panel that says so: a missing PNG never shows as a broken image.
 */
export function OmegaImage({ candidates, alt, fallbackLabel, width, height, className = '', priority = false }: Props) {
  const src = candidates.find((c): c is string => c !== null);
  if (src) {
    return <img src={src} alt={alt} width={width} height={height} loading={priority ? 'eager' : 'lazy'} fetchPriority={priority ? 'high' : 'auto'} className={`h-auto w-full object-cover ${className}`} />;
  }
  return (
    <div role="img" aria-label={`${alt}: ${fallbackLabel}`} data-fallback="true" style={{ aspectRatio: `${width} / ${height}` }} className={`flex w-full items-center justify-center bg-gradient-to-br from-flux/30 via-plasma/25 to-aurora/20 ${className}`}>
      <span aria-hidden="true" className="px-4 text-center text-sm text-ink">{fallbackLabel}</span>
    </div>
  );
}
