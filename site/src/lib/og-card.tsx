import { ImageResponse } from 'next/og';
import { brand } from '../../../shared/brand';

export const ogSize = { width: 1200, height: 630 };

/** An Open Graph card in the brand colours: a title and a line under it. */
export function ogCard(title: string, line: string): ImageResponse {
  const { colors, ui } = brand;
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'flex-end', padding: 72, background: `linear-gradient(135deg, ${colors.deepSpaceBlack} 0%, ${colors.midnightGraphite} 55%, ${colors.plasmaPurple} 140%)`, color: ui.text }}>
        <div style={{ display: 'flex', fontSize: 28, color: colors.auroraPulseTeal, letterSpacing: 4 }}>LEVQOR</div>
        <div style={{ display: 'flex', fontSize: 68, fontWeight: 700, marginTop: 16 }}>{title}</div>
        <div style={{ display: 'flex', fontSize: 34, color: colors.neonFluxBlue, marginTop: 20 }}>{line}</div>
      </div>
    ),
    ogSize,
  );
}
